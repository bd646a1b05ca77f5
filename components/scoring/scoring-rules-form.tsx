"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { TextField } from "@/components/forms/field";
import { FormStatus } from "@/components/forms/form-status";
import { SubmitButton } from "@/components/forms/submit-button";
import { idleState } from "@/lib/errors/action-state";
import { updateScoringRulesAction } from "@/lib/scoring/actions";
import type { ScoringRules } from "@/lib/scoring/rules";

const FIELDS = ["baseScore", "reportWeight", "onTrackWeight", "overduePenalty", "overdueCap", "noticeWeight", "returnPenalty", "returnCap", "listSize"] as const;

/** The admin's form for the scoring rules, on /admin/settings. */
export function ScoringRulesForm({ rules }: { rules: ScoringRules }) {
  const t = useTranslations("scoring.rules");
  const [state, formAction, pending] = useActionState(updateScoringRulesAction, idleState);
  return (
    <section className="mt-8 max-w-md" aria-labelledby="scoring-rules-title">
      <h2 id="scoring-rules-title" className="mb-1 text-xl font-semibold">{t("title")}</h2>
      <p className="mb-3 text-sm text-slate-600">{t("intro")}</p>
      <form action={formAction} className="flex flex-col gap-3" data-testid="scoring-rules-form">
        {FIELDS.map((field) => (
          <TextField key={field} name={field} type="number" label={t(field)} state={state} initial={String(rules[field])} />
        ))}
        <FormStatus state={state} />
        <div>
          <SubmitButton pending={pending}>{t("save")}</SubmitButton>
        </div>
      </form>
    </section>
  );
}
