"use client";

import { useTranslations } from "next-intl";
import { useActionState, useCallback, useEffect, useRef } from "react";
import { TextAreaField, TextField, fieldValue } from "@/components/forms/field";
import { FormStatus } from "@/components/forms/form-status";
import { idleState, type ActionState } from "@/lib/errors/action-state";
import { saveReportAction } from "@/lib/reports/actions";
import { useRegisterDraftSaver } from "./report-draft-scope";

export type ReportDraft = {
  version: number | null;
  percentComplete: number;
  progress: string;
  problems: string;
  nextSteps: string;
  kpiActual: string;
  investmentCompleted: string;
  isCompletion: boolean;
};

/** The monthly report of the user's unit: progress, problems and next steps, plus figures. */
export function ReportForm(props: {
  measureCode: string;
  period: string;
  periodLabel: string;
  unitName: string;
  kpiUnit: string | null;
  hasInvestment: boolean;
  /** Only the lead unit's report can be a completion report (close-out). */
  canClose: boolean;
  draft: ReportDraft;
  /** The unit's saved report for the period, if any. */
  reportId?: string | null;
}) {
  const t = useTranslations("workflow");
  const form = useRef<HTMLFormElement>(null);
  const saveButton = useRef<HTMLButtonElement>(null);
  // Callers of saveDraft waiting for the save in flight, and the draft once saved.
  const waiting = useRef<((id: string | null) => void)[]>([]);
  const busy = useRef(false);
  const savedId = useRef<string | null>(props.reportId ?? null);
  const [state, formAction, pending] = useActionState(async (previous: ActionState, formData: FormData) => {
    busy.current = true;
    const result = await saveReportAction(previous, formData);
    busy.current = false;
    const id = result.status === "success" && formData.get("intent") === "save" ? (result.data?.reportId ?? null) : null;
    if (id) savedId.current = id;
    for (const resolve of waiting.current.splice(0)) resolve(id);
    return result;
  }, idleState);
  const { draft } = props;
  useEffect(() => {
    if (props.reportId) savedId.current = props.reportId;
  }, [props.reportId]);

  // Files added before the first save: save the form exactly as its save button
  // does (same action, same validation, errors shown here), once, and give the
  // new draft's id; a save already in flight is joined, not repeated, and a
  // saved draft is never created twice (the next save sends its version).
  const saveDraft = useCallback(
    () =>
      new Promise<string | null>((resolve) => {
        if (savedId.current) return resolve(savedId.current);
        // A field the browser refuses never reaches the action: say so here, not by waiting forever.
        if (!busy.current && !form.current?.reportValidity()) return resolve(null);
        waiting.current.push(resolve);
        if (!busy.current && waiting.current.length === 1) form.current?.requestSubmit(saveButton.current);
      }),
    [],
  );
  const register = useRegisterDraftSaver();
  useEffect(() => {
    register(saveDraft);
    return () => register(null);
  }, [register, saveDraft]);

  return (
    <form ref={form} action={formAction} className="flex flex-col gap-3" data-testid="report-form">
      <h3 className="font-semibold">{t("reportFormTitle", { period: props.periodLabel })}</h3>
      <p className="text-sm text-slate-600">{t("reportFor", { unit: props.unitName })}</p>
      <input type="hidden" name="measureCode" value={props.measureCode} />
      <input type="hidden" name="period" value={props.period} />
      {draft.version !== null && <input type="hidden" name="version" value={draft.version} />}
      <TextField name="percentComplete" type="number" label={t("percent")} state={state} initial={String(draft.percentComplete)} />
      <TextAreaField name="progress" label={t("progress")} state={state} initial={draft.progress} />
      <TextAreaField name="problems" label={t("problems")} state={state} initial={draft.problems} rows={3} />
      <TextAreaField name="nextSteps" label={t("nextSteps")} state={state} initial={draft.nextSteps} rows={3} />
      {props.kpiUnit !== null && (
        <TextField name="kpiActual" label={t("kpiActual", { unit: props.kpiUnit })} state={state} initial={draft.kpiActual} />
      )}
      {props.hasInvestment && (
        <TextField name="investmentCompleted" label={t("investmentCompleted")} state={state} initial={draft.investmentCompleted} />
      )}
      {props.canClose && (
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            name="isCompletion"
            defaultChecked={state.status === "error" ? fieldValue(state, "isCompletion") === "on" : draft.isCompletion}
          />
          {t("isCompletion")}
        </label>
      )}
      <FormStatus state={state} />
      {/* Full-width buttons on a phone, for one thumb. */}
      <div className="flex gap-2">
        <button ref={saveButton} type="submit" name="intent" value="save" disabled={pending} className="flex-1 rounded border border-slate-300 bg-white px-3 py-2 text-sm sm:flex-none sm:py-1 hover:bg-slate-100 disabled:opacity-60">
          {t("saveDraft")}
        </button>
        <button type="submit" name="intent" value="submit" disabled={pending} className="flex-1 rounded bg-red-800 px-3 py-2 text-sm sm:flex-none sm:py-1 text-white hover:bg-red-900 disabled:opacity-60">
          {t("submit")}
        </button>
      </div>
    </form>
  );
}
