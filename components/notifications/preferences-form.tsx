"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { fieldValue, SelectField, TextField } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
import { idleState } from "@/lib/errors/action-state";
import { saveNotificationPreferencesAction } from "@/lib/notifications/actions";
import { FormStatus } from "@/components/forms/form-status";

export function PreferencesForm({ email, rows, mailOn }: {
  email: string;
  rows: { type: string; label: string; mode: string }[];
  mailOn: boolean;
}) {
  const t = useTranslations("notifications.preferences");
  const tModes = useTranslations("notifications.modes");
  const [state, formAction, pending] = useActionState(saveNotificationPreferencesAction, idleState);
  const options = (["INBOX", "MAIL", "DIGEST"] as const).map((value) => ({ value, label: tModes(value) }));
  return (
    <form action={formAction} className="flex max-w-3xl flex-col gap-4" data-testid="notification-preferences">
      {!mailOn && <p className="rounded bg-amber-50 px-3 py-2 text-sm text-amber-900">{t("mailOff")}</p>}
      <TextField name="email" type="email" label={t("email")} hint={t("emailHint")} state={state} initial={email} autoComplete="email" className="max-w-md" />
      <div className="grid gap-3 sm:grid-cols-2">
        {rows.map((row) => (
          // Keyed by the value to show: a select is re-made after a rejected save, so it keeps what was chosen.
          <SelectField key={`${row.type}:${fieldValue(state, `mode.${row.type}`, row.mode)}`} name={`mode.${row.type}`} label={row.label} state={state} initial={row.mode} options={options} />
        ))}
      </div>
      <FormStatus state={state} />
      <div>
        <SubmitButton pending={pending}>{t("save")}</SubmitButton>
      </div>
    </form>
  );
}
