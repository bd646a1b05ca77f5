"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { TextAreaField } from "@/components/forms/field";
import { FormStatus } from "@/components/forms/form-status";
import { idleState } from "@/lib/errors/action-state";
import { reviewReportAction } from "@/lib/reports/actions";

/** Approve a submitted report, or return it with a comment. */
export function ReviewForm({ reportId, version }: { reportId: string; version: number }) {
  const t = useTranslations("workflow");
  const [state, formAction, pending] = useActionState(reviewReportAction, idleState);
  return (
    <form action={formAction} className="mt-2 flex flex-col gap-2 rounded bg-slate-50 p-2" data-testid="review-form">
      <input type="hidden" name="reportId" value={reportId} />
      <input type="hidden" name="version" value={version} />
      <TextAreaField name="comment" label={t("reviewComment")} state={state} rows={2} />
      <FormStatus state={state} />
      {/* Full-width buttons on a phone, for one thumb. */}
      <div className="flex gap-2">
        <button type="submit" name="decision" value="approve" disabled={pending} className="flex-1 rounded bg-emerald-800 px-3 py-2 text-sm sm:flex-none sm:py-1 text-white hover:bg-emerald-900 disabled:opacity-60">
          {t("approve")}
        </button>
        <button type="submit" name="decision" value="return" disabled={pending} className="flex-1 rounded border border-red-800 bg-white px-3 py-2 text-sm sm:flex-none sm:py-1 text-red-900 hover:bg-red-50 disabled:opacity-60">
          {t("return")}
        </button>
      </div>
    </form>
  );
}
