"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { TextAreaField } from "@/components/forms/field";
import { FormStatus } from "@/components/forms/form-status";
import { SubmitButton } from "@/components/forms/submit-button";
import { explainFlagAction } from "@/lib/credibility/actions";
import type { CredibilityFlag } from "@/lib/credibility/load-flags";
import { type ActionState, idleState } from "@/lib/errors/action-state";
import { parsePeriod } from "@/lib/tracking/dates";

/**
 * A report's credibility flags, each with its reason in figures; open ones
 * first. A reviewer may mark one as explained with a short note (kept in the
 * report's history).
 */
export function CredibilityFlags({ flags, reportId, canExplain }: { flags: CredibilityFlag[]; reportId: string; canExplain: boolean }) {
  const t = useTranslations("credibility");
  const sorted = [...flags].sort((a, b) => Number(Boolean(a.explained)) - Number(Boolean(b.explained)));
  return (
    <section className="mb-4 rounded border border-amber-200 bg-amber-50/40 p-3" data-testid="credibility-flags" aria-labelledby={`credibility-${reportId}`}>
      <h3 id={`credibility-${reportId}`} className="font-medium">
        {t("title")}
      </h3>
      {flags.length === 0 ? (
        <p className="text-sm text-slate-600">{t("none")}</p>
      ) : (
        <ul className="mt-2 flex flex-col gap-2">
          {sorted.map((flag) => (
            <FlagItem key={flag.rule} flag={flag} reportId={reportId} canExplain={canExplain} />
          ))}
        </ul>
      )}
    </section>
  );
}

function FlagItem({ flag, reportId, canExplain }: { flag: CredibilityFlag; reportId: string; canExplain: boolean }) {
  const t = useTranslations("credibility");
  const format = useFormatter();
  const [editing, setEditing] = useState(false);
  // A saved note closes the form at once, so the explanation and its "change" link show without a reload.
  const [state, formAction, pending] = useActionState(async (previous: ActionState, formData: FormData) => {
    const next = await explainFlagAction(previous, formData);
    if (next.status === "success") setEditing(false);
    return next;
  }, idleState);
  // Figures in the reader's number format; a month ("since") as the month's name.
  const values = Object.fromEntries(
    Object.entries(flag.values).map(([key, value]) => [
      key,
      typeof value === "number" ? format.number(value) : key === "since" ? format.dateTime(parsePeriod(value), { year: "numeric", month: "long", timeZone: "UTC" }) : value,
    ]),
  );
  return (
    <li className="rounded border border-slate-200 bg-white p-2 text-sm" data-flag-rule={flag.rule} data-flag-state={flag.explained ? "explained" : "open"}>
      <p>
        <span className={`mr-2 rounded px-1.5 py-0.5 text-xs font-medium ${flag.explained ? "bg-slate-100 text-slate-700" : "bg-amber-100 text-amber-900"}`}>
          {flag.explained ? t("explainedTag") : t("open")}
        </span>
        <span className="font-medium">{t(`rules.${flag.rule}.label`)}</span>
      </p>
      <p className="mt-1 text-slate-700">{t(`rules.${flag.rule}.reason`, values)}</p>
      {flag.explained && <p className="mt-1 text-slate-600">{t("explainedBy", { by: flag.explained.by, note: flag.explained.note })}</p>}
      {canExplain && !editing && (
        <button type="button" className="mt-1 text-red-900 underline" onClick={() => setEditing(true)}>
          {flag.explained ? t("changeNote") : t("explain")}
        </button>
      )}
      {canExplain && editing && (
        <form action={formAction} className="mt-2 flex flex-col gap-2" data-testid="explain-flag-form">
          <input type="hidden" name="reportId" value={reportId} />
          <input type="hidden" name="rule" value={flag.rule} />
          <TextAreaField name="note" label={t("note")} state={state} rows={2} initial={flag.explained?.note ?? ""} />
          {state.status === "error" && <FormStatus state={state} />}
          <div className="flex gap-2">
            <SubmitButton pending={pending}>{t("saveNote")}</SubmitButton>
            <button type="button" className="px-2 text-slate-700 underline" onClick={() => setEditing(false)}>
              {t("cancel")}
            </button>
          </div>
        </form>
      )}
      {!editing && state.status === "success" && <FormStatus state={state} />}
    </li>
  );
}
