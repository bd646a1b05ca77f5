"use client";

import { NumberSettingsForm } from "@/components/forms/number-settings-form";
import { updateScoringRulesAction } from "@/lib/scoring/actions";
import type { ScoringRules } from "@/lib/scoring/rules";

const FIELDS = ["baseScore", "reportWeight", "onTrackWeight", "overduePenalty", "overdueCap", "noticeWeight", "returnPenalty", "returnCap", "listSize"] as const;

/** The admin's form for the scoring rules, on /admin/settings. */
export function ScoringRulesForm({ rules }: { rules: ScoringRules }) {
  return <NumberSettingsForm id="scoring-rules" namespace="scoring.rules" fields={FIELDS} values={rules} action={updateScoringRulesAction} />;
}
