"use client";

import { useTranslations } from "next-intl";
import { useActionState, useRef } from "react";
import { TextField } from "@/components/forms/field";
import { FormStatus } from "@/components/forms/form-status";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFocusFormError } from "@/components/forms/use-focus-form-error";
import { updateBulletinSettingsAction } from "@/lib/bulletin/actions";
import type { BulletinSettings } from "@/lib/bulletin/settings";
import { idleState } from "@/lib/errors/action-state";

/** The issuing office printed in the inspection bulletin's red header (/admin/settings). */
export function BulletinSettingsForm({ settings }: { settings: BulletinSettings }) {
  const t = useTranslations("tongbao");
  const [state, formAction, pending] = useActionState(updateBulletinSettingsAction, idleState);
  const form = useRef<HTMLFormElement>(null);
  useFocusFormError(form, state.status === "error" ? state : null);
  return (
    <form ref={form} action={formAction} className="mt-8 flex max-w-xl flex-col gap-3" data-testid="bulletin-settings-form">
      <h2 className="text-xl font-semibold">{t("ui.settingsTitle")}</h2>
      <p className="text-sm text-slate-600">{t("ui.settingsIntro", { sample: t("sampleIssuerName") })}</p>
      <TextField name="bulletinIssuer" label={t("ui.bulletinIssuer")} state={state} initial={settings.bulletinIssuer} />
      <FormStatus state={state} />
      <div>
        <SubmitButton pending={pending}>{t("ui.save")}</SubmitButton>
      </div>
    </form>
  );
}
