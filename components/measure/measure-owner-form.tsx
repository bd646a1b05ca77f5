"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { idleState } from "@/lib/errors/action-state";
import { updateMeasureOwnerAction } from "@/lib/measures/actions";
import { TextField } from "@/components/forms/field";
import { FormStatus } from "@/components/forms/form-status";
import { SubmitButton } from "@/components/forms/submit-button";

/** Shown only to users whose unit may edit the measure; the server checks again. */
export function MeasureOwnerForm({ code, version, responsiblePerson }: { code: string; version: number; responsiblePerson: string }) {
  const t = useTranslations("measure");
  const [state, formAction, pending] = useActionState(updateMeasureOwnerAction, idleState);
  return (
    <details className="mt-2" open={state.status !== "idle"}>
      <summary className="cursor-pointer text-sm text-red-900">{t("editOwner")}</summary>
      <form action={formAction} className="mt-2 flex flex-wrap items-end gap-2" data-testid="measure-owner-form">
        <input type="hidden" name="code" value={code} />
        <input type="hidden" name="version" value={version} />
        <TextField name="responsiblePerson" label={t("responsiblePerson")} state={state} initial={responsiblePerson} />
        <SubmitButton pending={pending}>{t("save")}</SubmitButton>
        <div className="basis-full">
          <FormStatus state={state} />
        </div>
      </form>
    </details>
  );
}
