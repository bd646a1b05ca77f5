"use client";

import { useTranslations } from "next-intl";
import type { CommentView } from "@/lib/comments/list-comments";
import { CommentForm } from "./comment-form";
import { CommentItem } from "./comment-item";

/** A thread of comments (the measure's discussion, or one report's), oldest first, and the form for a new one. */
export function CommentThread({ comments, measureCode, reportId, canComment, compact }: {
  comments: CommentView[];
  measureCode: string;
  reportId: string | null;
  canComment: boolean;
  compact?: boolean;
}) {
  const t = useTranslations("comments");
  return (
    <div data-testid={reportId ? "report-comments" : "discussion"}>
      {comments.length === 0 ? (
        !compact && <p className="text-sm text-slate-600">{t("none")}</p>
      ) : (
        <ol className="space-y-2">
          {comments.map((comment) => (
            <CommentItem key={comment.id} comment={comment} measureCode={measureCode} />
          ))}
        </ol>
      )}
      {canComment && <CommentForm measureCode={measureCode} reportId={reportId} compact={compact} />}
    </div>
  );
}
