"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { TextField } from "@/components/forms/field";
import { FormStatus } from "@/components/forms/form-status";
import { SubmitButton } from "@/components/forms/submit-button";
import { updateCredibilitySettingsAction } from "@/lib/credibility/actions";
import type { CredibilitySettings } from "@/lib/credibility/settings";
import { idleState } from "@/lib/errors/action-state";

const fields = ["jumpPoints", "outOfStepPoints", "copySimilarityPercent", "lastMinuteMinutes", "lastMinuteMonths"] as const;

/** The thresholds of the credibility checks on /admin/settings (lib/credibility/rules.ts reads them). */
export function CredibilitySettingsForm({ settings }: { settings: CredibilitySettings }) {
  const t = useTranslations("credibility.settings");
  const [state, formAction, pending] = useActionState(updateCredibilitySettingsAction, idleState);
  return (
    <section className="mt-8 max-w-md" aria-labelledby="credibility-settings-title">
      <h2 id="credibility-settings-title" className="mb-1 text-xl font-semibold">{t("title")}</h2>
      <p className="mb-3 text-sm text-slate-600">{t("intro")}</p>
      <form action={formAction} className="flex flex-col gap-3" data-testid="credibility-settings-form">
        {fields.map((name) => (
          <TextField key={name} name={name} type="number" label={t(name)} state={state} initial={String(settings[name])} />
        ))}
        <FormStatus state={state} />
        <div>
          <SubmitButton pending={pending}>{t("save")}</SubmitButton>
        </div>
      </form>
    </section>
  );
}
