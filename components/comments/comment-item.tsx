"use client";

import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useActionState, useEffect, useState } from "react";
import { SubmitButton } from "@/components/forms/submit-button";
import { deleteCommentAction, editCommentAction } from "@/lib/comments/actions";
import type { CommentView } from "@/lib/comments/list-comments";
import { idleState } from "@/lib/errors/action-state";
import { localized } from "@/lib/i18n/localized";
import { CommentFormStatus } from "./comment-form";
import { MentionTextarea } from "./mention-textarea";

/** One comment: who, when, whether edited, the text with its line breaks; the author's edit, the author's or an admin's delete. */
export function CommentItem({ comment, measureCode }: { comment: CommentView; measureCode: string }) {
  const t = useTranslations("comments");
  const tRoles = useTranslations("roles");
  const format = useFormatter();
  const locale = useLocale();
  const [editing, setEditing] = useState(false);
  const author = comment.author.unit
    ? t("authorOfUnit", { name: comment.author.displayName, unit: localized(comment.author.unit, "name", locale) })
    : t("authorOfRole", { name: comment.author.displayName, role: tRoles(comment.author.role) });
  return (
    <li className="border-t border-slate-100 pt-2" data-testid="comment" data-comment-id={comment.id}>
      <p className="text-sm text-slate-600">
        <strong className="text-slate-900">{author}</strong> · <time dateTime={comment.createdAt}>{format.dateTime(new Date(comment.createdAt), { dateStyle: "medium", timeStyle: "short" })}</time>
        {comment.editedAt && <span className="ml-1 text-xs text-slate-500">{t("edited")}</span>}
      </p>
      {comment.deleted ? (
        <p className="text-sm text-slate-500 italic">{t("deletedComment")}</p>
      ) : editing ? (
        <EditCommentForm comment={comment} measureCode={measureCode} onDone={() => setEditing(false)} />
      ) : (
        <p className="whitespace-pre-line" data-testid="comment-body">{comment.body}</p>
      )}
      {!comment.deleted && !editing && (comment.canEdit || comment.canDelete) && (
        <div className="mt-1 flex gap-3 text-sm">
          {comment.canEdit && (
            <button type="button" className="text-red-900 hover:underline" onClick={() => setEditing(true)}>
              {t("edit")}
            </button>
          )}
          {comment.canDelete && <DeleteCommentButton comment={comment} />}
        </div>
      )}
    </li>
  );
}

function EditCommentForm({ comment, measureCode, onDone }: { comment: CommentView; measureCode: string; onDone: () => void }) {
  const t = useTranslations("comments");
  const tErrors = useTranslations("fieldErrors");
  const locale = useLocale();
  const [state, formAction, pending] = useActionState(editCommentAction, idleState);
  const [text, setText] = useState(comment.body ?? "");
  const [mentions, setMentions] = useState(comment.mentions);
  useEffect(() => {
    if (state.status === "success") onDone();
  }, [state, onDone]);
  const error = state.status === "error" && state.fieldErrors.body ? tErrors(state.fieldErrors.body.key, state.fieldErrors.body.values ?? {}) : null;
  return (
    <form action={formAction} className="flex flex-col gap-2" data-testid="edit-comment-form">
      <input type="hidden" name="commentId" value={comment.id} />
      <input type="hidden" name="version" value={comment.version} />
      <MentionTextarea
        measureCode={measureCode}
        reportId={comment.reportId}
        label={t("editLabel")}
        value={text}
        onChange={setText}
        mentions={mentions}
        onMentionsChange={setMentions}
        error={error}
        locale={locale}
        autoFocus
      />
      <CommentFormStatus state={state} />
      <div className="flex gap-2">
        <SubmitButton pending={pending}>{t("save")}</SubmitButton>
        <button type="button" className="rounded border border-slate-300 px-3 py-1 text-sm" onClick={onDone}>
          {t("cancel")}
        </button>
      </div>
    </form>
  );
}

/** Delete after a confirmation step (a second button), so one stray click deletes nothing. */
function DeleteCommentButton({ comment }: { comment: CommentView }) {
  const t = useTranslations("comments");
  const [state, formAction, pending] = useActionState(deleteCommentAction, idleState);
  const [confirming, setConfirming] = useState(false);
  if (!confirming) {
    return (
      <button type="button" className="text-red-900 hover:underline" onClick={() => setConfirming(true)}>
        {t("delete")}
      </button>
    );
  }
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-2" role="group" aria-label={t("confirmDelete")}>
      <input type="hidden" name="commentId" value={comment.id} />
      <input type="hidden" name="version" value={comment.version} />
      <span>{t("confirmDelete")}</span>
      <SubmitButton pending={pending}>{t("confirmDeleteButton")}</SubmitButton>
      <button type="button" className="rounded border border-slate-300 px-3 py-1" onClick={() => setConfirming(false)}>
        {t("cancel")}
      </button>
      <CommentFormStatus state={state} />
    </form>
  );
}
