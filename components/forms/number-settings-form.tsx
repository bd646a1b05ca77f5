"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { TextField } from "@/components/forms/field";
import { FormStatus } from "@/components/forms/form-status";
import { SubmitButton } from "@/components/forms/submit-button";
import { type ActionState, idleState } from "@/lib/errors/action-state";

/**
 * A section of /admin/settings made of whole numbers saved by one Server Action
 * (the scoring rules, the credibility thresholds). Its texts are `title`, `intro`,
 * `save` and one label per field under `namespace`.
 */
export function NumberSettingsForm<Field extends string>({ id, namespace, fields, values, action }: {
  id: string;
  namespace: "scoring.rules" | "credibility.settings";
  fields: readonly Field[];
  values: Record<Field, number>;
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
}) {
  const t = useTranslations(namespace) as (key: string) => string;
  const [state, formAction, pending] = useActionState(action, idleState);
  return (
    <section className="mt-8 max-w-md" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="mb-1 text-xl font-semibold">{t("title")}</h2>
      <p className="mb-3 text-sm text-slate-600">{t("intro")}</p>
      <form action={formAction} className="flex flex-col gap-3" data-testid={`${id}-form`}>
        {fields.map((field) => (
          <TextField key={field} name={field} type="number" label={t(field)} state={state} initial={String(values[field])} />
        ))}
        <FormStatus state={state} />
        <div>
          <SubmitButton pending={pending}>{t("save")}</SubmitButton>
        </div>
      </form>
    </section>
  );
}
