import { conflictError } from "@/lib/audit/conflict-error";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { SessionUser } from "@/lib/auth/session-user";
import type { PrismaClient } from "@/lib/db/create-client";
import { AppError } from "@/lib/errors/app-error";
import { auditEntity } from "./add-comment";
import { mayEditComment } from "./edit-window";
import { findCommentFor } from "./find-comment-for";
import { checkMentions, emitMentionEvent } from "./mentions";
import type { EditCommentInput } from "./schemas";

/**
 * The author corrects a comment within the edit window, at the version read
 * (a stale edit is refused). Only people newly named are notified.
 */
export async function editComment(db: PrismaClient, user: SessionUser, input: EditCommentInput, now: Date) {
  return db.$transaction(async (tx) => {
    const { comment, target } = await findCommentFor(tx, user, input.commentId);
    if (comment.authorId !== user.id || comment.deletedAt) throw new AppError("FORBIDDEN");
    if (!mayEditComment(user.id, comment, now)) throw new AppError("EDIT_WINDOW_PASSED");
    const mentioned = await checkMentions(tx, target, input.mentionIds);
    const updated = await tx.comment.updateMany({
      where: { id: comment.id, version: input.version, deletedAt: null },
      data: { body: input.body, editedAt: now, version: { increment: 1 } },
    });
    if (updated.count === 0) throw await conflictError(tx, auditEntity(target).entityType, auditEntity(target).entityId);
    const before = new Set(comment.mentions.map((row) => row.userId));
    const named = new Set(mentioned.map((person) => person.id));
    await tx.commentMention.deleteMany({ where: { commentId: comment.id, userId: { notIn: [...named] } } });
    const added = [...named].filter((id) => !before.has(id));
    if (added.length) await tx.commentMention.createMany({ data: added.map((userId) => ({ commentId: comment.id, userId })) });
    await recordAuditEvent(tx, {
      actorId: user.id,
      action: "comment.edit",
      ...auditEntity(target),
      before: { comment: comment.id, body: comment.body, version: comment.version },
      after: { comment: comment.id, body: input.body, version: comment.version + 1, mentions: [...named] },
    });
    await emitMentionEvent(tx, { ...comment, body: input.body }, target, user, added);
  });
}
