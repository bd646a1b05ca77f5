"use client";

import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState } from "react";
import { mentionQuery } from "@/lib/comments/mention-query";

type Candidate = { id: string; displayName: string; unitNameZh: string | null; unitNameEn: string | null };
export type Mention = { id: string; displayName: string };

/**
 * A comment's text with an @ type-ahead: typing @ and part of a name lists the
 * people who may be mentioned (asked from the server for this measure or
 * report); arrows move, Enter or a click chooses, Escape closes. The chosen
 * people go with the form as `mentionIds` — those still named in the text.
 */
export function MentionTextarea({ measureCode, reportId, label, value, onChange, mentions, onMentionsChange, error, locale, autoFocus }: {
  measureCode: string;
  reportId: string | null;
  label: string;
  value: string;
  onChange: (value: string) => void;
  mentions: Mention[];
  onMentionsChange: (mentions: Mention[]) => void;
  error: string | null;
  locale: string;
  autoFocus?: boolean;
}) {
  const t = useTranslations("comments");
  const id = useId();
  const listId = `${id}-list`;
  const textarea = useRef<HTMLTextAreaElement>(null);
  const [query, setQuery] = useState<{ start: number; query: string } | null>(null);
  const [candidates, setCandidates] = useState<Candidate[]>([]);
  const [active, setActive] = useState(0);

  useEffect(() => {
    if (!query) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      const params = new URLSearchParams({ q: query.query, ...(reportId ? { reportId } : {}) });
      try {
        const response = await fetch(`/api/v1/measures/${encodeURIComponent(measureCode)}/mention-candidates?${params}`, { signal: controller.signal });
        if (!response.ok) return;
        const body = (await response.json()) as { items: Candidate[] };
        setCandidates(body.items);
        setActive(0);
      } catch {
        // Aborted by the next keystroke, or offline: the list simply stays as it was.
      }
    }, 150);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query, measureCode, reportId]);

  const open = query !== null && candidates.length > 0;
  const close = () => {
    setQuery(null);
    setCandidates([]);
  };

  const track = (text: string, caret: number) => {
    const found = mentionQuery(text, caret);
    setQuery(found);
    if (!found) setCandidates([]);
  };

  const choose = (candidate: Candidate) => {
    if (!query) return;
    const caret = query.start + 1 + query.query.length;
    const inserted = `@${candidate.displayName} `;
    const next = value.slice(0, query.start) + inserted + value.slice(caret);
    onChange(next);
    if (!mentions.some((mention) => mention.id === candidate.id)) onMentionsChange([...mentions, { id: candidate.id, displayName: candidate.displayName }]);
    close();
    requestAnimationFrame(() => {
      const position = query.start + inserted.length;
      textarea.current?.focus();
      textarea.current?.setSelectionRange(position, position);
    });
  };

  const onKeyDown = (event: React.KeyboardEvent<HTMLTextAreaElement>) => {
    if (!open) return;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((current) => (current + step + candidates.length) % candidates.length);
    } else if (event.key === "Enter" || event.key === "Tab") {
      event.preventDefault();
      choose(candidates[active]!);
    } else if (event.key === "Escape") {
      event.preventDefault();
      close();
    }
  };

  const unitName = (candidate: Candidate) => (locale === "en" ? candidate.unitNameEn || candidate.unitNameZh : candidate.unitNameZh);
  const named = mentions.filter((mention) => value.includes(`@${mention.displayName}`));

  return (
    <div className="relative flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <textarea
        ref={textarea}
        id={id}
        name="body"
        rows={3}
        value={value}
        autoFocus={autoFocus}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open ? `${listId}-${active}` : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-hint ${id}-error`}
        onChange={(event) => {
          onChange(event.target.value);
          track(event.target.value, event.target.selectionStart);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setTimeout(close, 150)}
        className="rounded border border-slate-300 px-2 py-1"
      />
      <input type="hidden" name="mentionIds" value={named.map((mention) => mention.id).join(",")} />
      {open && (
        <ul id={listId} role="listbox" aria-label={t("candidates")} className="absolute top-full z-10 mt-1 max-h-60 w-72 overflow-auto rounded border border-slate-300 bg-white shadow">
          {candidates.map((candidate, index) => (
            <li
              key={candidate.id}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === active}
              onMouseDown={(event) => {
                event.preventDefault();
                choose(candidate);
              }}
              className={`cursor-pointer px-2 py-1 text-sm ${index === active ? "bg-red-50 text-red-900" : ""}`}
            >
              {candidate.displayName}
              {unitName(candidate) && <span className="ml-1 text-xs text-slate-500">{unitName(candidate)}</span>}
            </li>
          ))}
        </ul>
      )}
      <p id={`${id}-hint`} className="text-xs text-slate-500">
        {t("hint")}
      </p>
      <p id={`${id}-error`} className="min-h-5 text-sm leading-5 text-red-700">
        {error}
      </p>
    </div>
  );
}
