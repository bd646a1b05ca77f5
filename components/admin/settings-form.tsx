"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { TextField } from "@/components/forms/field";
import { FormStatus } from "@/components/forms/form-status";
import { SubmitButton } from "@/components/forms/submit-button";
import { idleState } from "@/lib/errors/action-state";
import { updateTrackingSettingsAction } from "@/lib/tracking/actions";
import type { TrackingSettings } from "@/lib/tracking/settings";

export function SettingsForm({ settings }: { settings: TrackingSettings }) {
  const t = useTranslations("settings");
  const [state, formAction, pending] = useActionState(updateTrackingSettingsAction, idleState);
  return (
    <form action={formAction} className="flex max-w-md flex-col gap-3">
      <TextField name="reportingDay" type="number" label={t("reportingDay")} state={state} initial={String(settings.reportingDay)} />
      <TextField name="paceMarginPercent" type="number" label={t("paceMarginPercent")} state={state} initial={String(settings.paceMarginPercent)} />
      <TextField name="dueSoonDays" type="number" label={t("dueSoonDays")} state={state} initial={String(settings.dueSoonDays)} />
      <FormStatus state={state} />
      <div>
        <SubmitButton pending={pending}>{t("save")}</SubmitButton>
      </div>
    </form>
  );
}
