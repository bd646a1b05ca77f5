"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormStatus } from "@/components/forms/form-status";
import { SubmitButton } from "@/components/forms/submit-button";
import { revokeApiTokenAction } from "@/lib/api-tokens/actions";
import { idleState } from "@/lib/errors/action-state";

export function RevokeApiTokenButton({ tokenId, name }: { tokenId: string; name: string }) {
  const t = useTranslations("apiTokens");
  const [state, formAction, pending] = useActionState(revokeApiTokenAction, idleState);
  return (
    <form action={formAction} aria-label={`${t("revoke")} ${name}`}>
      <input type="hidden" name="tokenId" value={tokenId} />
      <SubmitButton pending={pending} variant="secondary">
        {t("revoke")}
      </SubmitButton>
      {state.status === "error" && <FormStatus state={state} />}
    </form>
  );
}
