"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { SelectField, TextField } from "@/components/forms/field";
import { FormStatus } from "@/components/forms/form-status";
import { SubmitButton } from "@/components/forms/submit-button";
import { idleState } from "@/lib/errors/action-state";
import { type UnitOption, UserUnitField } from "./user-unit-field";
import { createUserAction } from "@/lib/users/actions";

type Option = { value: string; label: string };

export function CreateUserForm({ roleOptions, units }: { roleOptions: Option[]; units: UnitOption[] }) {
  const t = useTranslations("adminUsers");
  const [state, formAction, pending] = useActionState(createUserAction, idleState);
  return (
    <form action={formAction} className="grid gap-3 rounded border border-slate-200 bg-white p-4 sm:grid-cols-2" data-testid="create-user-form">
      <h2 className="text-lg font-semibold sm:col-span-2">{t("create")}</h2>
      <TextField name="loginName" label={t("loginName")} state={state} autoComplete="off" />
      <TextField name="displayName" label={t("displayName")} state={state} autoComplete="off" />
      <SelectField name="role" label={t("role")} state={state} initial="OFFICIAL" options={roleOptions} />
      <UserUnitField state={state} units={units} />
      <div className="sm:col-span-2">
        <FormStatus state={state} />
      </div>
      <div>
        <SubmitButton pending={pending}>{t("createSubmit")}</SubmitButton>
      </div>
    </form>
  );
}
