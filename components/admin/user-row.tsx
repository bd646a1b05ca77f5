"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { SelectField, TextField } from "@/components/forms/field";
import { FormStatus } from "@/components/forms/form-status";
import { SubmitButton } from "@/components/forms/submit-button";
import { idleState } from "@/lib/errors/action-state";
import { type UnitOption, UserUnitField } from "./user-unit-field";
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
  /** Already formatted by the page; null = never signed in. */
  lastSignIn: string | null;
};

/** One account in the edit drawer: edit name, role and unit; disable or enable; reset the password. */
export function UserEditForms({ user, roleOptions, units }: { user: UserRowData; roleOptions: Option[]; units: UnitOption[] }) {
  const t = useTranslations("adminUsers");
  const tTables = useTranslations("adminTables");
  const [accessState, accessAction, accessPending] = useActionState(updateUserAccessAction, idleState);
  const [activeState, activeAction, activePending] = useActionState(setUserActiveAction, idleState);
  const [resetState, resetAction, resetPending] = useActionState(resetUserPasswordAction, idleState);
  return (
    <div className="flex flex-col gap-3" data-login-name={user.loginName}>
      <p className="text-sm">
        <span className="font-mono font-semibold">{user.loginName}</span>{" "}
        <span className={user.active ? "text-emerald-800" : "text-slate-500"}>{user.active ? t("active") : t("inactive")}</span>
        {user.mustChangePassword && <span className="ml-2 text-amber-800">{t("mustChange")}</span>}
        <br />
        <span className="text-slate-600">{tTables("lastSignInLine", { when: user.lastSignIn ?? tTables("neverSignedIn") })}</span>
      </p>
      <form action={accessAction} className="flex flex-col gap-2">
        <input type="hidden" name="userId" value={user.id} />
        <input type="hidden" name="version" value={user.version} />
        <TextField name="displayName" label={t("displayName")} state={accessState} initial={user.displayName} />
        <SelectField name="role" label={t("role")} state={accessState} initial={user.role} options={roleOptions} />
        <UserUnitField state={accessState} units={units} initialId={user.unitId} />
        <div>
          <SubmitButton pending={accessPending}>{t("save")}</SubmitButton>
        </div>
        <FormStatus state={accessState} />
      </form>
      <h3 className="mt-2 text-sm font-semibold">{tTables("accountActions")}</h3>
      <div className="flex flex-wrap gap-2">
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
      <div className="flex flex-col gap-1">
        <FormStatus state={activeState} />
        <FormStatus state={resetState} />
      </div>
    </div>
  );
}
