"use client";

import { useFormatter, useTranslations } from "next-intl";
import type { ActionState } from "@/lib/errors/action-state";

/** The outcome of a form submission, in words, announced to screen readers. */
export function FormStatus({ state }: { state: ActionState }) {
  const tSuccess = useTranslations("success");
  const tErrors = useTranslations("errors");
  const format = useFormatter();
  if (state.status === "success") {
    return (
      <p role="status" className="rounded bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
        {tSuccess(state.messageKey, state.data ?? {})}
      </p>
    );
  }
  if (state.status === "error") {
    // "at" arrives as an ISO instant; show it as local date and time.
    const { at, ...values } = state.messageValues;
    const when = at ? format.dateTime(new Date(at), { dateStyle: "medium", timeStyle: "medium" }) : "";
    return (
      // Focusable, so a form-level error (a version conflict, say) can take the focus (useFocusFormError).
      <p role="alert" tabIndex={-1} className="rounded bg-red-50 px-3 py-2 text-sm text-red-900">
        {tErrors(state.code, { ...values, at: when })}
      </p>
    );
  }
  return null;
}
