"use client";

import { useLocale, useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState } from "react";
import type { ActionState } from "@/lib/errors/action-state";
import { localized } from "@/lib/i18n/localized";
import { useFieldError } from "./field";
import { useFocusFirstError } from "./use-focus-first-error";

export type UnitChoice = { code: string; nameZh: string; nameEn: string };
type Found<C> = { items: C[]; total: number };
type Search<C> = { state: "idle" } | { state: "loading" } | { state: "done"; found: Found<C> } | { state: "failed" };
/** Where the choices come from: the first PAGE units matching the text (all of them for ""), and how many match. */
export type UnitSource<C extends UnitChoice> = (q: string, limit: number, signal: AbortSignal) => Promise<Found<C>>;

const PAGE = 20;
const DEBOUNCE_MS = 150;

/** Units that lead a measure, from the units API: the filter forms' source. */
const leadingUnits: UnitSource<UnitChoice> = async (q, limit, signal) => {
  const params = new URLSearchParams({ leading: "true", limit: String(limit), ...(q ? { q } : {}) });
  const response = await fetch(`/api/v1/units?${params}`, { signal });
  if (!response.ok) throw new Error(String(response.status));
  return (await response.json()) as Found<UnitChoice>;
};

/** Optional wiring into a Server Action form: its field error (aria-invalid, message, focus) under `name`. */
type PickerFieldOptions = { state?: ActionState; placeholder?: string };

/**
 * With `onPick`, the field adds rather than holds: a chosen unit goes to
 * `onPick`, the text empties for the next one, and the caller posts the
 * values (the multi-select picker's chips); `name` then only names the error.
 */
type PickMode<C> = { onPick?: (unit: C) => void };

/**
 * A type-ahead field for a unit, posting its code (or `valueFor` it) under `name`.
 * By default the options are lead units from `GET /api/v1/units` as the user
 * types: a province has about 1,500 units, too many for a menu; `source` gives
 * another list (the admin's user forms: every active unit). It follows the ARIA
 * combobox pattern: typing or Down opens the list, arrows move, Enter chooses,
 * Escape closes; with the list closed, Enter submits the form as any field would.
 */
export function UnitPicker<C extends UnitChoice = UnitChoice>({
  name,
  label,
  selected,
  source = leadingUnits as unknown as UnitSource<C>,
  valueFor = (unit) => unit.code,
  state,
  placeholder,
  onPick,
}: {
  name: string;
  label: string;
  selected: C | null;
  source?: UnitSource<C>;
  valueFor?: (unit: C) => string;
} & PickerFieldOptions &
  PickMode<C>) {
  const t = useTranslations("unitPicker");
  const locale = useLocale();
  const listId = useId();
  const input = useRef<HTMLInputElement>(null);
  const error = useFieldError(state, name);
  useFocusFirstError(input, state, error !== null);
  const labelOf = (unit: C | null) => (unit ? localized(unit, "name", locale) : "");
  const [chosen, setChosen] = useState(selected);
  const [text, setText] = useState(labelOf(selected));
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [search, setSearch] = useState<Search<C>>({ state: "idle" });

  const chosenLabel = labelOf(chosen);

  // Search whenever the list is open and the text changes; the last answer wins.
  // Text still showing the chosen unit lists from the start, to browse.
  useEffect(() => {
    if (!open) return;
    const controller = new AbortController();
    const q = text.trim() === chosenLabel ? "" : text.trim();
    const timer = setTimeout(async () => {
      setSearch({ state: "loading" });
      try {
        setSearch({ state: "done", found: await source(q, PAGE, controller.signal) });
        setActive(-1);
      } catch {
        if (!controller.signal.aborted) setSearch({ state: "failed" });
      }
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [open, text, chosenLabel, source]);

  const items = search.state === "done" ? search.found.items : [];
  const choose = (unit: C | null) => {
    if (onPick && unit) {
      onPick(unit);
      unit = null;
    }
    setChosen(unit);
    setText(labelOf(unit));
    setOpen(false);
    setActive(-1);
  };
  const close = () => {
    setOpen(false);
    setActive(-1);
    // Typing without choosing changes nothing; an emptied field means any unit.
    if (text.trim() === "") setChosen(null);
    else setText(chosenLabel);
  };

  function onKeyDown(event: React.KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (!open) return setOpen(true);
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((index) => (items.length === 0 ? -1 : (index + step + items.length) % items.length));
    } else if (event.key === "Enter" && open && items[active]) {
      event.preventDefault();
      choose(items[active]);
    } else if (event.key === "Escape" && open) {
      event.preventDefault();
      close();
    }
  }

  const status =
    search.state === "loading"
      ? t("loading")
      : search.state === "failed"
        ? t("failed")
        : search.state === "done"
          ? search.found.total === 0
            ? t("noMatches")
            : search.found.total > items.length
              ? t("someOf", { shown: items.length, total: search.found.total })
              : t("matches", { total: search.found.total })
          : "";

  return (
    <div className="relative flex flex-col gap-1 text-sm">
      <label htmlFor={`${listId}-input`}>{label}</label>
      {!onPick && <input type="hidden" name={name} value={chosen ? valueFor(chosen) : ""} />}
      <div className="flex">
        <input
          ref={input}
          id={`${listId}-input`}
          type="text"
          role="combobox"
          autoComplete="off"
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={`${listId}-list`}
          aria-activedescendant={open && active >= 0 ? `${listId}-${active}` : undefined}
          placeholder={placeholder ?? t("placeholder")}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${listId}-error` : undefined}
          value={text}
          maxLength={100}
          onChange={(event) => {
            setText(event.target.value);
            // An emptied field means any unit at once, even if the form is sent without leaving it.
            if (event.target.value.trim() === "") setChosen(null);
            setOpen(true);
          }}
          // Open on a click or a key, not on focus: tabbing through the form should not cover it with a list.
          onClick={() => setOpen(true)}
          onBlur={close}
          onKeyDown={onKeyDown}
          className="w-full min-w-48 rounded border border-slate-300 px-2 py-1 aria-invalid:border-red-600"
        />
        {chosen && (
          <button
            type="button"
            onClick={() => {
              choose(null);
              input.current?.focus();
            }}
            aria-label={t("clear", { unit: chosenLabel })}
            className="px-2 text-slate-500 hover:text-red-900"
          >
            ×
          </button>
        )}
      </div>
      {state && (
        <p id={`${listId}-error`} className="min-h-5 text-sm leading-5 text-red-700">
          {error}
        </p>
      )}
      <p role="status" aria-live="polite" className="sr-only">
        {open ? status : ""}
      </p>
      {open && (
        <div className="absolute top-full z-20 mt-1 w-full min-w-64 rounded border border-slate-300 bg-white shadow">
          <ul id={`${listId}-list`} role="listbox" aria-label={label} className="max-h-72 overflow-y-auto">
            {items.map((unit, index) => (
              <li
                key={unit.code}
                id={`${listId}-${index}`}
                role="option"
                aria-selected={index === active}
                // Keep the focus in the field, so that blur does not close the list first.
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => choose(unit)}
                className={`cursor-pointer px-2 py-1 ${index === active ? "bg-red-50" : "hover:bg-slate-50"}`}
              >
                {labelOf(unit)} <span className="text-xs text-slate-500">{unit.code}</span>
              </li>
            ))}
          </ul>
          {status && <p className="border-t border-slate-100 px-2 py-1 text-xs text-slate-500">{status}</p>}
        </div>
      )}
    </div>
  );
}
