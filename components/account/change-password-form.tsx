"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { idleState } from "@/lib/errors/action-state";
import { changeOwnPasswordAction } from "@/lib/users/actions";
import { TextField } from "@/components/forms/field";
import { FormStatus } from "@/components/forms/form-status";
import { SubmitButton } from "@/components/forms/submit-button";

export function ChangePasswordForm() {
  const t = useTranslations("account");
  const [state, formAction, pending] = useActionState(changeOwnPasswordAction, idleState);
  return (
    <form action={formAction} className="flex max-w-sm flex-col gap-3">
      <TextField name="currentPassword" type="password" autoComplete="current-password" label={t("currentPassword")} state={state} />
      <TextField name="newPassword" type="password" autoComplete="new-password" label={t("newPassword")} hint={t("rule")} state={state} />
      <TextField name="confirmPassword" type="password" autoComplete="new-password" label={t("confirmPassword")} state={state} />
      <FormStatus state={state} />
      <SubmitButton pending={pending}>{t("submit")}</SubmitButton>
    </form>
  );
}
