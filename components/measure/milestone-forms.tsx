"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { TextField } from "@/components/forms/field";
import { FormStatus } from "@/components/forms/form-status";
import { SubmitButton } from "@/components/forms/submit-button";
import { idleState } from "@/lib/errors/action-state";
import { addMilestoneAction, completeMilestoneAction, rescheduleMilestoneAction } from "@/lib/milestones/actions";

export function MilestoneActions({ milestoneId, version, today }: { milestoneId: string; version: number; today: string }) {
  const t = useTranslations("workflow");
  const [completeState, completeAction, completing] = useActionState(completeMilestoneAction, idleState);
  const [rescheduleState, rescheduleAction, rescheduling] = useActionState(rescheduleMilestoneAction, idleState);
  return (
    <div className="mt-1 flex flex-wrap gap-4">
      <form action={completeAction} className="flex flex-wrap items-end gap-2">
        <input type="hidden" name="milestoneId" value={milestoneId} />
        <input type="hidden" name="version" value={version} />
        <TextField name="completedOn" type="date" label={t("completedOn")} state={completeState} initial={today} />
        <SubmitButton pending={completing} variant="secondary">{t("milestoneComplete")}</SubmitButton>
        <FormStatus state={completeState} />
      </form>
      <form action={rescheduleAction} className="flex flex-wrap items-end gap-2">
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

export function AddMilestoneForm({ measureCode }: { measureCode: string }) {
  const t = useTranslations("workflow");
  const [state, formAction, pending] = useActionState(addMilestoneAction, idleState);
  return (
    <form action={formAction} className="mt-3 flex flex-wrap items-end gap-2 border-t border-slate-100 pt-3">
      <input type="hidden" name="measureCode" value={measureCode} />
      <TextField name="titleZh" label={t("milestoneTitleZh")} state={state} />
      <TextField name="titleEn" label={t("milestoneTitleEn")} state={state} />
      <TextField name="dueDate" type="date" label={t("milestoneDue")} state={state} />
      <SubmitButton pending={pending}>{t("milestoneAdd")}</SubmitButton>
      <div className="basis-full">
        <FormStatus state={state} />
      </div>
    </form>
  );
}
