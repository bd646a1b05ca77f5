"use client";

import { useTranslations } from "next-intl";
import { useId, useRef } from "react";
import type { ActionState } from "@/lib/errors/action-state";
import { useFocusFirstError } from "./use-focus-first-error";

type FieldProps = {
  name: string;
  label: string;
  state: ActionState;
  /** The value to show before any submission. */
  initial?: string;
  hint?: string;
  className?: string;
};

/** What the field should show: after a rejected submission, what the user typed. */
export function fieldValue(state: ActionState, name: string, initial = ""): string {
  return state.status === "error" ? (state.values[name] ?? initial) : initial;
}

/** The translated error of field `name` after a rejected submission (none without a form state). */
export function useFieldError(state: ActionState | undefined, name: string): string | null {
  const t = useTranslations("fieldErrors");
  if (state?.status !== "error") return null;
  const error = state.fieldErrors[name];
  return error ? t(error.key, error.values ?? {}) : null;
}

function FieldShell({ id, label, hint, error, className, children }: {
  id: string;
  label: string;
  hint?: string;
  error: string | null;
  className?: string;
  children: React.ReactNode;
}) {
  return (
    <div className={`flex min-w-0 flex-col gap-1 ${className ?? ""}`}>
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      {children}
      {hint && <p id={`${id}-hint`} className="text-xs text-slate-500">{hint}</p>}
      {/* The error line's space is always kept, so a message appearing moves no field. */}
      <p id={`${id}-error`} className="min-h-5 text-sm leading-5 text-red-700">
        {error}
      </p>
    </div>
  );
}

// min-w-0: a select of long unit names must not widen the page on a phone.
const inputClass = "min-w-0 max-w-full rounded border border-slate-300 px-2 py-1 aria-invalid:border-red-600";

export function TextField({ type = "text", autoComplete, ...props }: FieldProps & { type?: string; autoComplete?: string }) {
  const id = useId();
  const ref = useRef<HTMLInputElement>(null);
  const error = useFieldError(props.state, props.name);
  useFocusFirstError(ref, props.state, error !== null);
  return (
    <FieldShell id={id} label={props.label} hint={props.hint} error={error} className={props.className}>
      <input
        ref={ref}
        id={id}
        name={props.name}
        type={type}
        autoComplete={autoComplete}
        defaultValue={type === "password" ? undefined : fieldValue(props.state, props.name, props.initial)}
        aria-invalid={error ? true : undefined}
        aria-describedby={[error && `${id}-error`, props.hint && `${id}-hint`].filter(Boolean).join(" ") || undefined}
        className={inputClass}
      />
    </FieldShell>
  );
}

export function SelectField({ options, ...props }: FieldProps & { options: { value: string; label: string }[] }) {
  const id = useId();
  const ref = useRef<HTMLSelectElement>(null);
  const error = useFieldError(props.state, props.name);
  useFocusFirstError(ref, props.state, error !== null);
  return (
    <FieldShell id={id} label={props.label} hint={props.hint} error={error} className={props.className}>
      <select
        ref={ref}
        id={id}
        name={props.name}
        defaultValue={fieldValue(props.state, props.name, props.initial)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className={inputClass}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

export function TextAreaField({ rows = 4, ...props }: FieldProps & { rows?: number }) {
  const id = useId();
  const ref = useRef<HTMLTextAreaElement>(null);
  const error = useFieldError(props.state, props.name);
  useFocusFirstError(ref, props.state, error !== null);
  return (
    <FieldShell id={id} label={props.label} hint={props.hint} error={error} className={props.className}>
      <textarea
        ref={ref}
        id={id}
        name={props.name}
        rows={rows}
        defaultValue={fieldValue(props.state, props.name, props.initial)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className={inputClass}
      />
    </FieldShell>
  );
}
