"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { SelectField, TextField } from "@/components/forms/field";
import { FormStatus } from "@/components/forms/form-status";
import { SubmitButton } from "@/components/forms/submit-button";
import { idleState } from "@/lib/errors/action-state";
import { resetUserPasswordAction, setUserActiveAction, updateUserAccessAction } from "@/lib/users/actions";

type Option = { value: string; label: string };
export type UserRowData = {
  id: string;
  loginName: string;
  displayName: string;
  role: string;
  unitId: string | null;
  active: boolean;
  mustChangePassword: boolean;
  version: number;
};

/** One account: edit name, role and unit; disable or enable; reset the password. */
export function UserRow({ user, roleOptions, unitOptions }: { user: UserRowData; roleOptions: Option[]; unitOptions: Option[] }) {
  const t = useTranslations("adminUsers");
  const [accessState, accessAction, accessPending] = useActionState(updateUserAccessAction, idleState);
  const [activeState, activeAction, activePending] = useActionState(setUserActiveAction, idleState);
  const [resetState, resetAction, resetPending] = useActionState(resetUserPasswordAction, idleState);
  return (
    <li className="rounded border border-slate-200 bg-white p-3" data-login-name={user.loginName}>
      <p className="mb-2 text-sm">
        <span className="font-mono font-semibold">{user.loginName}</span>{" "}
        <span className={user.active ? "text-emerald-800" : "text-slate-500"}>{user.active ? t("active") : t("inactive")}</span>
        {user.mustChangePassword && <span className="ml-2 text-amber-800">{t("mustChange")}</span>}
      </p>
      <form action={accessAction} className="flex flex-wrap items-end gap-2">
        <input type="hidden" name="userId" value={user.id} />
        <input type="hidden" name="version" value={user.version} />
        <TextField name="displayName" label={t("displayName")} state={accessState} initial={user.displayName} />
        <SelectField name="role" label={t("role")} state={accessState} initial={user.role} options={roleOptions} />
        <SelectField
          name="unitId"
          label={t("unit")}
          state={accessState}
          initial={user.unitId ?? ""}
          options={[{ value: "", label: t("noUnit") }, ...unitOptions]}
        />
        <SubmitButton pending={accessPending}>{t("save")}</SubmitButton>
      </form>
      <div className="mt-2 flex flex-wrap gap-2">
        <form action={activeAction}>
          <input type="hidden" name="userId" value={user.id} />
          <input type="hidden" name="version" value={user.version} />
          <input type="hidden" name="active" value={user.active ? "false" : "true"} />
          <SubmitButton pending={activePending} variant="secondary">
            {user.active ? t("disable") : t("enable")}
          </SubmitButton>
        </form>
        <form action={resetAction}>
          <input type="hidden" name="userId" value={user.id} />
          <input type="hidden" name="version" value={user.version} />
          <SubmitButton pending={resetPending} variant="secondary">
            {t("resetPassword")}
          </SubmitButton>
        </form>
      </div>
      <div className="mt-2 flex flex-col gap-1">
        <FormStatus state={accessState} />
        <FormStatus state={activeState} />
        <FormStatus state={resetState} />
      </div>
    </li>
  );
}
