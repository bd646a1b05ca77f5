"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { TextField } from "@/components/forms/field";
import { FormStatus } from "@/components/forms/form-status";
import { SubmitButton } from "@/components/forms/submit-button";
import { idleState } from "@/lib/errors/action-state";
import {
  addMilestoneAction,
  completeMilestoneAction,
  rescheduleMilestoneAction,
  undoMilestoneCompletionAction,
} from "@/lib/milestones/actions";

/** Complete (after a confirmation) or reschedule an open milestone. */
export function MilestoneActions({ milestoneId, version, today }: { milestoneId: string; version: number; today: string }) {
  const t = useTranslations("workflow");
  const tTabs = useTranslations("measureTabs");
  const [completeState, completeAction, completing] = useActionState(completeMilestoneAction, idleState);
  const [rescheduleState, rescheduleAction, rescheduling] = useActionState(rescheduleMilestoneAction, idleState);
  const [confirming, setConfirming] = useState(false);
  return (
    <div className="mt-1 flex flex-col gap-3 sm:flex-row sm:flex-wrap sm:gap-4">
      <form action={completeAction} className="flex flex-col gap-2 sm:flex-row sm:flex-wrap sm:items-end">
        <input type="hidden" name="milestoneId" value={milestoneId} />
        <input type="hidden" name="version" value={version} />
        <TextField name="completedOn" type="date" label={t("completedOn")} state={completeState} initial={today} />
        {confirming ? (
          <div role="group" aria-label={tTabs("milestoneCompleteConfirm")} className="flex flex-col gap-2 rounded bg-amber-50 p-2 sm:flex-row sm:items-center">
            <p className="text-sm">{tTabs("milestoneCompleteConfirm")}</p>
            <SubmitButton pending={completing}>{tTabs("milestoneConfirm")}</SubmitButton>
            <button type="button" onClick={() => setConfirming(false)} className="rounded border border-slate-300 bg-white px-3 py-2 text-sm sm:py-1">
              {tTabs("cancel")}
            </button>
          </div>
        ) : (
          <button type="button" onClick={() => setConfirming(true)} className="rounded border border-slate-300 bg-white px-3 py-2 text-sm hover:bg-slate-100 sm:py-1">
            {t("milestoneComplete")}
          </button>
        )}
        <FormStatus state={completeState} />
      </form>
      <form action={rescheduleAction} className="flex flex-col gap-2 sm:flex-row sm:flex-wrap sm:items-end">
        <input type="hidden" name="milestoneId" value={milestoneId} />
        <input type="hidden" name="version" value={version} />
        <TextField name="dueDate" type="date" label={t("newDueDate")} state={rescheduleState} />
        <TextField name="reason" label={t("reason")} state={rescheduleState} />
        <SubmitButton pending={rescheduling} variant="secondary">{t("reschedule")}</SubmitButton>
        <FormStatus state={rescheduleState} />
      </form>
    </div>
  );
}

/** Takes back a completion made a few minutes ago (the server checks the window and who may). */
export function UndoCompletionForm({ milestoneId, version }: { milestoneId: string; version: number }) {
  const t = useTranslations("measureTabs");
  const [state, formAction, pending] = useActionState(undoMilestoneCompletionAction, idleState);
  return (
    <form action={formAction} className="mt-1 flex flex-col gap-2 sm:flex-row sm:items-center">
      <input type="hidden" name="milestoneId" value={milestoneId} />
      <input type="hidden" name="version" value={version} />
      <SubmitButton pending={pending} variant="secondary">{t("milestoneUndo")}</SubmitButton>
      <span className="text-xs text-slate-500">{t("milestoneUndoHint")}</span>
      <FormStatus state={state} />
    </form>
  );
}

export function AddMilestoneForm({ measureCode }: { measureCode: string }) {
  const t = useTranslations("workflow");
  const tTabs = useTranslations("measureTabs");
  const [state, formAction, pending] = useActionState(addMilestoneAction, idleState);
  return (
    <form action={formAction} className="mt-3 flex flex-col gap-2 border-t border-slate-100 pt-3 sm:flex-row sm:flex-wrap sm:items-end" data-testid="add-milestone-form">
      <input type="hidden" name="measureCode" value={measureCode} />
      <TextField name="titleZh" label={t("milestoneTitleZh")} state={state} />
      <TextField name="titleEn" label={tTabs("milestoneTitleEnOptional")} state={state} />
      <TextField name="dueDate" type="date" label={t("milestoneDue")} state={state} />
      <SubmitButton pending={pending}>{t("milestoneAdd")}</SubmitButton>
      <div className="basis-full">
        <FormStatus state={state} />
      </div>
    </form>
  );
}
