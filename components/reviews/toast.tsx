"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";

/** A decision's outcome; `error` (or any failure) keeps it on screen until dismissed. */
export type Toast = { message: string; error?: boolean; failures?: { label: string; reason: string }[] };

/**
 * The note after a decision, at the bottom of the screen. It goes by itself,
 * unless it lists failures: those stay until dismissed, so none is missed.
 */
export function ToastMessage({ toast, onDismiss }: { toast: Toast; onDismiss: () => void }) {
  const t = useTranslations("reviewQueue");
  const failed = toast.error === true || (toast.failures?.length ?? 0) > 0;
  // The latest callback, without restarting the timer on every render of the queue.
  const dismiss = useRef(onDismiss);
  useEffect(() => {
    dismiss.current = onDismiss;
  });
  useEffect(() => {
    if (failed) return;
    const timer = setTimeout(() => dismiss.current(), 8000);
    return () => clearTimeout(timer);
  }, [toast, failed]);
  return (
    <div
      role={failed ? "alert" : "status"}
      data-testid="review-toast"
      className={`fixed inset-x-3 bottom-3 z-50 mx-auto max-w-lg rounded-lg border px-4 py-3 text-sm shadow-lg ${failed ? "border-red-300 bg-red-50 text-red-900" : "border-emerald-300 bg-emerald-50 text-emerald-900"}`}
    >
      <p>{toast.message}</p>
      {(toast.failures?.length ?? 0) > 0 && (
        <ul className="mt-1 list-disc pl-5">
          {toast.failures!.map((failure) => (
            <li key={failure.label}>
              {t("failure", failure)}
            </li>
          ))}
        </ul>
      )}
      <button type="button" onClick={onDismiss} className="mt-2 rounded border border-current px-3 py-1">
        {t("dismiss")}
      </button>
    </div>
  );
}
