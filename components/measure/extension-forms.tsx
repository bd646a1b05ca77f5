"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { TextField } from "@/components/forms/field";
import { FormStatus } from "@/components/forms/form-status";
import { SubmitButton } from "@/components/forms/submit-button";
import { idleState } from "@/lib/errors/action-state";
import { decideExtensionAction, reopenMeasureAction, requestExtensionAction } from "@/lib/extensions/actions";

export function RequestExtensionForm({ measureCode }: { measureCode: string }) {
  const t = useTranslations("workflow");
  const [state, formAction, pending] = useActionState(requestExtensionAction, idleState);
  return (
    <form action={formAction} className="mt-3 flex flex-wrap items-end gap-2" data-testid="extension-form">
      <input type="hidden" name="measureCode" value={measureCode} />
      <TextField name="requestedDueDate" type="date" label={t("requestedDueDate")} state={state} />
      <TextField name="reason" label={t("extensionReason")} state={state} className="min-w-64" />
      <SubmitButton pending={pending}>{t("requestExtension")}</SubmitButton>
      <div className="basis-full">
        <FormStatus state={state} />
      </div>
    </form>
  );
}

export function DecideExtensionForm({ extensionId, version }: { extensionId: string; version: number }) {
  const t = useTranslations("workflow");
  const [state, formAction, pending] = useActionState(decideExtensionAction, idleState);
  return (
    <form action={formAction} className="mt-1 flex flex-wrap items-end gap-2">
      <input type="hidden" name="extensionId" value={extensionId} />
      <input type="hidden" name="version" value={version} />
      <TextField name="comment" label={t("decision")} state={state} />
      <button type="submit" name="decision" value="approve" disabled={pending} className="rounded bg-emerald-800 px-3 py-1 text-sm text-white disabled:opacity-60">
        {t("approveExtension")}
      </button>
      <button type="submit" name="decision" value="reject" disabled={pending} className="rounded border border-red-800 px-3 py-1 text-sm text-red-900 disabled:opacity-60">
        {t("rejectExtension")}
      </button>
      <div className="basis-full">
        <FormStatus state={state} />
      </div>
    </form>
  );
}

export function ReopenForm({ measureCode, version }: { measureCode: string; version: number }) {
  const t = useTranslations("workflow");
  const [state, formAction, pending] = useActionState(reopenMeasureAction, idleState);
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="measureCode" value={measureCode} />
      <input type="hidden" name="version" value={version} />
      <TextField name="reason" label={t("reopenReason")} state={state} className="min-w-64" />
      <SubmitButton pending={pending} variant="secondary">{t("reopen")}</SubmitButton>
      <div className="basis-full">
        <FormStatus state={state} />
      </div>
    </form>
  );
}
