"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { TextField } from "@/components/forms/field";
import { FormStatus } from "@/components/forms/form-status";
import { SubmitButton } from "@/components/forms/submit-button";
import { idleState } from "@/lib/errors/action-state";
import { updateReminderSettingsAction } from "@/lib/reminders/actions";
import type { ReminderSettings } from "@/lib/reminders/settings";

/** The reminder rules' settings on /admin/settings (the daily run reads them: lib/reminders/run-daily-reminders.ts). */
export function ReminderSettingsForm({ settings }: { settings: ReminderSettings }) {
  const t = useTranslations("reminders");
  const [state, formAction, pending] = useActionState(updateReminderSettingsAction, idleState);
  return (
    <section className="mt-8 max-w-md" aria-labelledby="reminder-settings-title">
      <h2 id="reminder-settings-title" className="mb-1 text-xl font-semibold">{t("settingsTitle")}</h2>
      <p className="mb-3 text-sm text-slate-600">{t("settingsIntro")}</p>
      <form action={formAction} className="flex flex-col gap-3" data-testid="reminder-settings-form">
        <TextField name="reportDueDays" type="number" label={t("reportDueDays")} state={state} initial={String(settings.reportDueDays)} />
        <TextField name="milestoneDueDays" type="number" label={t("milestoneDueDays")} state={state} initial={String(settings.milestoneDueDays)} />
        <TextField name="missingRepeatDays" type="number" label={t("missingRepeatDays")} state={state} initial={String(settings.missingRepeatDays)} />
        <FormStatus state={state} />
        <div>
          <SubmitButton pending={pending}>{t("save")}</SubmitButton>
        </div>
      </form>
    </section>
  );
}
