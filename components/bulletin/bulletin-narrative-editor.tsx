"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useActionState, useId, useRef, useState } from "react";
import { FormStatus } from "@/components/forms/form-status";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFieldError } from "@/components/forms/field";
import { useFocusFormError } from "@/components/forms/use-focus-form-error";
import { saveBulletinNarrativeAction } from "@/lib/bulletin/actions";
import type { BulletinQuery } from "@/lib/bulletin/schemas";
import { idleState } from "@/lib/errors/action-state";

type Props = {
  query: BulletinQuery;
  draft: string;
  saved: { text: string; version: number; updatedAt: Date; by: string } | null;
  canEdit: boolean;
};

/** The bulletin's opening summary: prefilled with the saved text or the draft, edited and saved by inspectors. */
export function BulletinNarrativeEditor({ query, draft, saved, canEdit }: Props) {
  const t = useTranslations("bulletinNarrative.ui");
  const format = useFormatter();
  const id = useId();
  const [state, formAction, pending] = useActionState(saveBulletinNarrativeAction, idleState);
  const [text, setText] = useState(saved?.text ?? draft);
  const form = useRef<HTMLFormElement>(null);
  useFocusFormError(form, state.status === "error" ? state : null);
  const error = useFieldError(state, "text");
  // After a save the page is revalidated; the next save is based on the version just written.
  const version = state.status === "success" && state.data?.version ? state.data.version : String(saved?.version ?? 0);

  const regenerate = () => {
    if (window.confirm(t("regenerateConfirm"))) setText(draft);
  };
  return (
    <form ref={form} action={formAction} className="mt-6 flex max-w-3xl flex-col gap-2" data-testid="bulletin-narrative">
      <h2 className="text-lg font-semibold">{t("title")}</h2>
      <p className="text-sm text-slate-600">{t("intro")}</p>
      <p className="text-sm text-slate-700" data-testid="bulletin-narrative-state">
        {saved ? t("savedState", { by: saved.by, at: format.dateTime(saved.updatedAt, { dateStyle: "medium", timeStyle: "short" }) }) : t("draftState")}
      </p>
      {Object.entries(query).map(([key, value]) => (value ? <input key={key} type="hidden" name={key} value={value} /> : null))}
      <input type="hidden" name="version" value={version} />
      <label htmlFor={id} className="text-sm font-medium">{t("label")}</label>
      <textarea
        id={id}
        name="text"
        rows={10}
        value={text}
        onChange={(event) => setText(event.target.value)}
        readOnly={!canEdit}
        aria-invalid={error ? true : undefined}
        className="rounded border border-slate-300 px-3 py-2 text-sm leading-relaxed"
      />
      {error && <p className="text-sm text-red-800">{error}</p>}
      <FormStatus state={state} />
      {canEdit ? (
        <div className="flex gap-2">
          <SubmitButton pending={pending}>{t("save")}</SubmitButton>
          <button type="button" onClick={regenerate} className="rounded border border-slate-300 px-3 py-1.5 text-sm">
            {t("regenerate")}
          </button>
        </div>
      ) : (
        <p className="text-sm text-slate-600">{t("readOnly")}</p>
      )}
    </form>
  );
}
