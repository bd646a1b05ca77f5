"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { TextField } from "@/components/forms/field";
import { FormStatus } from "@/components/forms/form-status";
import { SubmitButton } from "@/components/forms/submit-button";
import { resumeMeasureAction, suspendMeasureAction } from "@/lib/catalogue/actions";
import { idleState } from "@/lib/errors/action-state";

/** Suspend a measure under way (with a reason), or resume a suspended one. */
export function SuspendForm({ code, version, suspended }: { code: string; version: number; suspended: boolean }) {
  const t = useTranslations("catalogueEditor");
  const [state, formAction, pending] = useActionState(suspended ? resumeMeasureAction : suspendMeasureAction, idleState);
  return (
    <form action={formAction} className="flex flex-col gap-2" data-testid="suspend-form">
      <input type="hidden" name="code" value={code} />
      <input type="hidden" name="version" value={version} />
      {!suspended && <TextField name="reason" label={t("fields.reason")} state={state} />}
      <FormStatus state={state} />
      <div>
        <SubmitButton pending={pending} variant="secondary">{suspended ? t("resumeSubmit") : t("suspendSubmit")}</SubmitButton>
      </div>
    </form>
  );
}
