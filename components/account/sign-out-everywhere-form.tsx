"use client";

import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useActionState, useEffect } from "react";
import { FormStatus } from "@/components/forms/form-status";
import { SubmitButton } from "@/components/forms/submit-button";
import { signOutEverywhereAction } from "@/lib/auth/actions";
import { idleState } from "@/lib/errors/action-state";

/** "Sign out everywhere": ends every session of the account on the server, then signs this browser out. */
export function SignOutEverywhereForm() {
  const t = useTranslations("account");
  const [state, formAction, pending] = useActionState(signOutEverywhereAction, idleState);
  useEffect(() => {
    if (state.status === "success") void signOut({ callbackUrl: "/login" });
  }, [state.status]);
  return (
    <form action={formAction} className="flex max-w-sm flex-col gap-2">
      <h2 className="text-lg font-semibold">{t("sessionsTitle")}</h2>
      <p className="text-sm text-slate-700">{t("sessionsText")}</p>
      <FormStatus state={state} />
      <div>
        <SubmitButton pending={pending} variant="secondary">
          {t("signOutEverywhere")}
        </SubmitButton>
      </div>
    </form>
  );
}
