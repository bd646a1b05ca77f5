"use client";

import { NumberSettingsForm } from "@/components/forms/number-settings-form";
import { updateCredibilitySettingsAction } from "@/lib/credibility/actions";
import type { CredibilitySettings } from "@/lib/credibility/settings";

const fields = ["jumpPoints", "outOfStepPoints", "copySimilarityPercent", "lastMinuteMinutes", "lastMinuteMonths"] as const;

/** The thresholds of the credibility checks on /admin/settings (lib/credibility/rules.ts reads them). */
export function CredibilitySettingsForm({ settings }: { settings: CredibilitySettings }) {
  return <NumberSettingsForm id="credibility-settings" namespace="credibility.settings" fields={fields} values={settings} action={updateCredibilitySettingsAction} />;
}
