"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { SelectField, TextField } from "@/components/forms/field";
import { FormStatus } from "@/components/forms/form-status";
import { SubmitButton } from "@/components/forms/submit-button";
import { createApiTokenAction } from "@/lib/api-tokens/actions";
import { idleState } from "@/lib/errors/action-state";

/** Names a new token and shows its secret once, right after it was made. */
export function CreateApiTokenForm({ defaultDays }: { defaultDays: number }) {
  const t = useTranslations("apiTokens");
  const [state, formAction, pending] = useActionState(createApiTokenAction, idleState);
  const token = state.status === "success" ? state.data?.token : undefined;
  return (
    <form action={formAction} className="grid gap-3 rounded border border-slate-200 bg-white p-4 sm:grid-cols-2" data-testid="create-api-token-form">
      <h2 className="text-lg font-semibold sm:col-span-2">{t("create")}</h2>
      <TextField name="name" label={t("name")} hint={t("nameHint")} state={state} autoComplete="off" />
      <TextField name="expiresOn" type="date" label={t("expiresOn")} hint={t("expiresHint", { days: defaultDays })} state={state} />
      <SelectField
        name="scope"
        label={t("scope")}
        hint={t("scopeHint")}
        initial="READ"
        options={[
          { value: "READ", label: t("scope_READ") },
          { value: "WRITE", label: t("scope_WRITE") },
        ]}
        state={state}
      />
      <div className="sm:col-span-2">
        <FormStatus state={state} />
      </div>
      {token && (
        <div className="rounded border border-amber-300 bg-amber-50 p-3 sm:col-span-2">
          <p className="text-sm font-medium">{t("newToken")}</p>
          <output className="block break-all font-mono text-sm select-all" data-testid="new-api-token">
            {token}
          </output>
          <p className="mt-1 text-sm text-amber-900">{t("copyNow")}</p>
        </div>
      )}
      <div>
        <SubmitButton pending={pending}>{t("createSubmit")}</SubmitButton>
      </div>
    </form>
  );
}
