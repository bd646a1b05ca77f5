"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useRef, useTransition } from "react";
import { idleState } from "@/lib/errors/action-state";
import type { ApproveReportsResult } from "@/lib/reviews/approve-reports";
import { approveReportsAction } from "@/lib/reviews/actions";
import type { ReviewViewRow } from "./review-queue";
import type { Toast } from "./toast";

/**
 * Approves the selected reports after one confirmation; each is approved on
 * its own on the server, and the toast lists any that were not, with why.
 */
export function BulkApprove({ rows, onDone }: { rows: ReviewViewRow[]; onDone: (toast: Toast) => void }) {
  const t = useTranslations("reviewQueue");
  const tErrors = useTranslations("errors");
  const format = useFormatter();
  const dialog = useRef<HTMLDialogElement>(null);
  const [pending, startTransition] = useTransition();
  if (rows.length === 0) return null;

  function approve() {
    const labels = new Map(rows.map((row) => [row.id, `${row.code} ${row.unit}`]));
    const formData = new FormData();
    formData.set("items", rows.map((row) => `${row.id}:${row.version}`).join(","));
    startTransition(async () => {
      const result = await approveReportsAction(idleState, formData);
      dialog.current?.close();
      if (result.status !== "success") {
        onDone({ message: result.status === "error" ? tErrors(result.code, result.messageValues) : "", error: true });
        return;
      }
      const failed = JSON.parse(result.data?.failed ?? "[]") as ApproveReportsResult["failed"];
      onDone({
        message: `${t("bulkDone", { count: Number(result.data?.approved ?? 0) })}${failed.length > 0 ? ` ${t("bulkFailed", { count: failed.length })}` : ""}`,
        failures: failed.map((failure) => {
          // A conflict names when the report changed: shown as local date and time.
          const { at, ...values } = failure.values;
          const when = at ? format.dateTime(new Date(at), { dateStyle: "medium", timeStyle: "short" }) : "";
          return { label: labels.get(failure.reportId) ?? failure.reportId, reason: tErrors(failure.code, { ...values, at: when }) };
        }),
      });
    });
  }

  return (
    <>
      <button
        type="button"
        onClick={() => dialog.current?.showModal()}
        className="rounded bg-emerald-800 px-4 py-2 text-white hover:bg-emerald-900 md:py-1"
      >
        {t("bulkApprove", { count: rows.length })}
      </button>
      <dialog ref={dialog} aria-labelledby="bulk-approve-title" className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-lg p-0 shadow-xl backdrop:bg-slate-900/40">
        <div className="flex flex-col gap-3 p-4">
          <h2 id="bulk-approve-title" className="text-lg font-semibold">
            {t("confirmTitle")}
          </h2>
          <p>{t("confirmBody", { count: rows.length })}</p>
          <ul className="max-h-48 list-disc overflow-auto pl-5 text-sm text-slate-700">
            {rows.map((row) => (
              <li key={row.key}>
                {row.code} {row.title} · {row.unit}
              </li>
            ))}
          </ul>
          <div className="flex gap-2">
            <button type="button" onClick={approve} disabled={pending} className="flex-1 rounded bg-emerald-800 px-4 py-3 text-white hover:bg-emerald-900 disabled:opacity-60 md:py-2">
              {t("confirm")}
            </button>
            <button type="button" onClick={() => dialog.current?.close()} disabled={pending} className="flex-1 rounded border border-slate-400 px-4 py-3 md:py-2">
              {t("cancel")}
            </button>
          </div>
        </div>
      </dialog>
    </>
  );
}
