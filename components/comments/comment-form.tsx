"use client";

import { useLocale, useTranslations } from "next-intl";
import { useActionState, useEffect, useState } from "react";
import { FormStatus } from "@/components/forms/form-status";
import { SubmitButton } from "@/components/forms/submit-button";
import { addCommentAction } from "@/lib/comments/actions";
import { idleState } from "@/lib/errors/action-state";
import { type Mention, MentionTextarea } from "./mention-textarea";

/** A new comment on the measure's discussion, or on one report (reportId). A rejected one keeps its text. */
export function CommentForm({ measureCode, reportId, compact }: { measureCode: string; reportId: string | null; compact?: boolean }) {
  const t = useTranslations("comments");
  const tErrors = useTranslations("fieldErrors");
  const locale = useLocale();
  const [state, formAction, pending] = useActionState(addCommentAction, idleState);
  const [text, setText] = useState("");
  const [mentions, setMentions] = useState<Mention[]>([]);
  useEffect(() => {
    if (state.status !== "success") return;
    setText("");
    setMentions([]);
  }, [state]);
  const error = state.status === "error" && state.fieldErrors.body ? tErrors(state.fieldErrors.body.key, state.fieldErrors.body.values ?? {}) : null;
  return (
    <form action={formAction} className={`flex flex-col gap-2 ${compact ? "" : "mt-4"}`} data-testid={reportId ? "report-comment-form" : "comment-form"}>
      <input type="hidden" name="measureCode" value={measureCode} />
      <input type="hidden" name="reportId" value={reportId ?? ""} />
      <MentionTextarea
        measureCode={measureCode}
        reportId={reportId}
        label={reportId ? t("reportCommentLabel") : t("label")}
        value={text}
        onChange={setText}
        mentions={mentions}
        onMentionsChange={setMentions}
        error={error}
        locale={locale}
      />
      <CommentFormStatus state={state} />
      <div>
        <SubmitButton pending={pending}>{t("send")}</SubmitButton>
      </div>
    </form>
  );
}

/** FormStatus with this domain's success messages ("comments.success"). */
export function CommentFormStatus({ state }: { state: Parameters<typeof FormStatus>[0]["state"] }) {
  const t = useTranslations("comments.success");
  if (state.status === "success") {
    return (
      <p role="status" className="rounded bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
        {t(state.messageKey as "commented")}
      </p>
    );
  }
  if (state.status === "error" && state.code === "VALIDATION" && Object.keys(state.fieldErrors).length > 0) return null;
  return <FormStatus state={state} />;
}
