"use client";

import { useLocale, useTranslations } from "next-intl";
import { useCallback, useRef, useState } from "react";
import type { ActionState } from "@/lib/errors/action-state";
import { localized } from "@/lib/i18n/localized";
import { UnitPicker, type UnitChoice, type UnitSource } from "./unit-picker";

/**
 * Several units chosen one at a time in the type-ahead unit picker, shown as
 * chips with a remove button each. The chosen codes are posted under `name` as
 * one comma-separated value (a Server Action form keeps one value per name), so
 * the server still validates every code; units already chosen are not offered.
 */
export function UnitMultiPicker<C extends UnitChoice>({
  name,
  label,
  initial,
  source,
  state,
  placeholder,
}: {
  name: string;
  label: string;
  /** The units chosen before any submission; a refused form keeps the component's own choice. */
  initial: C[];
  source: UnitSource<C>;
  state?: ActionState;
  placeholder?: string;
}) {
  const t = useTranslations("catalogueUnits");
  const locale = useLocale();
  const [chosen, setChosen] = useState(initial);
  const field = useRef<HTMLDivElement>(null);
  const chosenCodes = new Set(chosen.map((unit) => unit.code));
  const codesKey = [...chosenCodes].join(",");

  // The source without the units already chosen (and its count to match).
  const remaining = useCallback<UnitSource<C>>(
    async (q, limit, signal) => {
      const skip = new Set(codesKey.split(",").filter(Boolean));
      const found = await source(q, limit + skip.size, signal);
      const items = found.items.filter((unit) => !skip.has(unit.code));
      return { items: items.slice(0, limit), total: Math.max(0, found.total - (found.items.length - items.length)) };
    },
    [source, codesKey],
  );

  const add = (unit: C) => setChosen((current) => (current.some((other) => other.code === unit.code) ? current : [...current, unit]));
  const remove = (code: string) => {
    setChosen((current) => current.filter((unit) => unit.code !== code));
    // The removed chip's button is gone: the focus goes back to the search field.
    field.current?.querySelector<HTMLInputElement>("input[role=combobox]")?.focus();
  };

  return (
    <div ref={field} className="flex flex-col gap-1" data-testid={`unit-multi-picker-${name}`}>
      <input type="hidden" name={name} value={chosen.map((unit) => unit.code).join(",")} />
      <UnitPicker name={name} label={label} selected={null} source={remaining} state={state} placeholder={placeholder} onPick={add} />
      <ul aria-label={t("chosen", { field: label })} className="flex flex-wrap gap-1 text-sm">
        {chosen.length === 0 && <li className="text-xs text-slate-500">{t("noneChosen")}</li>}
        {chosen.map((unit) => {
          const unitName = localized(unit, "name", locale);
          return (
            <li key={unit.code} className="flex items-center gap-1 rounded-full border border-slate-300 bg-slate-50 py-0.5 pr-1 pl-2" data-unit-code={unit.code}>
              <span>{unitName}</span>
              <span className="text-xs text-slate-500">{unit.code}</span>
              <button
                type="button"
                onClick={() => remove(unit.code)}
                aria-label={t("remove", { unit: unitName })}
                className="rounded-full px-1 text-slate-500 hover:bg-red-50 hover:text-red-900 focus-visible:outline-2 focus-visible:outline-red-800"
              >
                ×
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
