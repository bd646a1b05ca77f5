"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { TextField } from "@/components/forms/field";
import { FormStatus } from "@/components/forms/form-status";
import { SubmitButton } from "@/components/forms/submit-button";
import { idleState } from "@/lib/errors/action-state";
import { createUnitAliasAction, deleteUnitAliasAction } from "@/lib/unit-aliases/actions";

export function CreateUnitAliasForm() {
  const t = useTranslations("unitAliases");
  const [state, formAction, pending] = useActionState(createUnitAliasAction, idleState);
  return (
    <form action={formAction} className="grid gap-3 rounded border border-slate-200 bg-white p-4 sm:grid-cols-2" data-testid="create-unit-alias-form">
      <h2 className="text-lg font-semibold sm:col-span-2">{t("add")}</h2>
      <TextField name="alias" label={t("alias")} state={state} autoComplete="off" />
      <TextField name="unitCode" label={t("unitCode")} state={state} autoComplete="off" />
      <div className="sm:col-span-2">
        <FormStatus state={state} />
      </div>
      <div>
        <SubmitButton pending={pending}>{t("addSubmit")}</SubmitButton>
      </div>
    </form>
  );
}

export function DeleteUnitAliasButton({ id, alias }: { id: string; alias: string }) {
  const t = useTranslations("unitAliases");
  const [state, formAction, pending] = useActionState(deleteUnitAliasAction, idleState);
  return (
    <form action={formAction} className="flex items-center gap-2">
      <input type="hidden" name="id" value={id} />
      <button type="submit" disabled={pending} aria-label={`${t("delete")} ${alias}`} className="rounded border border-slate-300 px-2 py-0.5 text-sm hover:bg-slate-100 disabled:opacity-60">
        {t("delete")}
      </button>
      {state.status === "error" && <FormStatus state={state} />}
    </form>
  );
}
