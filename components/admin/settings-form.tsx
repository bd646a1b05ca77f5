"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { TextField } from "@/components/forms/field";
import { FormStatus } from "@/components/forms/form-status";
import { SubmitButton } from "@/components/forms/submit-button";
import { idleState } from "@/lib/errors/action-state";
import { updateTrackingSettingsAction } from "@/lib/tracking/actions";
import type { LightExample, lightExamples } from "@/lib/tracking/light-examples";
import type { TrackingSettings } from "@/lib/tracking/settings";

export type LightExamples = ReturnType<typeof lightExamples>;

/** The tracking settings, each explained, with worked examples of the light rule at the saved values. */
export function SettingsForm({ settings, examples }: { settings: TrackingSettings; examples: LightExamples }) {
  const t = useTranslations("settings");
  const tExplained = useTranslations("adminTables");
  const tLights = useTranslations("lights");
  const [state, formAction, pending] = useActionState(updateTrackingSettingsAction, idleState);
  const example = (item: LightExample) => (
    <li data-light={item.light}>{tExplained("exampleLine", { ...item, light: tLights(item.light) })}</li>
  );
  return (
    <div className="flex flex-col gap-4 lg:flex-row lg:items-start">
      <form action={formAction} className="flex max-w-md flex-col gap-3" data-testid="tracking-settings-form">
        <TextField
          name="reportingDay"
          type="number"
          label={t("reportingDay")}
          state={state}
          initial={String(settings.reportingDay)}
          hint={tExplained("reportingDayExplained", { day: settings.reportingDay })}
        />
        <TextField
          name="paceMarginPercent"
          type="number"
          label={t("paceMarginPercent")}
          state={state}
          initial={String(settings.paceMarginPercent)}
          hint={tExplained("paceMarginExplained", { margin: settings.paceMarginPercent })}
        />
        <TextField
          name="dueSoonDays"
          type="number"
          label={t("dueSoonDays")}
          state={state}
          initial={String(settings.dueSoonDays)}
          hint={tExplained("dueSoonExplained", { window: settings.dueSoonDays })}
        />
        <FormStatus state={state} />
        <div>
          <SubmitButton pending={pending}>{t("save")}</SubmitButton>
        </div>
      </form>
      <section aria-labelledby="light-examples" className="max-w-xl rounded border border-slate-200 bg-white p-4 text-sm" data-testid="light-examples">
        <h2 id="light-examples" className="mb-2 font-semibold">{tExplained("settingsExplainedTitle")}</h2>
        <p className="mb-2 text-slate-600">{tExplained("settingsExplainedIntro")}</p>
        <ul className="flex list-disc flex-col gap-1 pl-5">
          {example(examples.behind)}
          {example(examples.withinMargin)}
          {example(examples.dueSoon)}
          {example(examples.notYetDue)}
        </ul>
      </section>
    </div>
  );
}
