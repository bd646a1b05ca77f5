import { conflictError } from "@/lib/audit/conflict-error";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { SessionUser } from "@/lib/auth/session-user";
import type { PrismaClient } from "@/lib/db/create-client";
import { AppError } from "@/lib/errors/app-error";
import { auditEntity } from "./add-comment";
import { mayDeleteComment } from "./edit-window";
import { findCommentFor } from "./find-comment-for";
import type { DeleteCommentInput } from "./schemas";

/**
 * Deletes a comment softly (its author, or an administrator): the thread shows
 * "deleted" in its place, the history keeps what it said.
 */
export async function deleteComment(db: PrismaClient, user: SessionUser, input: DeleteCommentInput, now: Date) {
  return db.$transaction(async (tx) => {
    const { comment, target } = await findCommentFor(tx, user, input.commentId);
    if (!mayDeleteComment(user, comment)) throw new AppError(comment.deletedAt ? "INVALID_STATE" : "FORBIDDEN");
    const updated = await tx.comment.updateMany({
      where: { id: comment.id, version: input.version, deletedAt: null },
      data: { deletedAt: now, deletedById: user.id, version: { increment: 1 } },
    });
    if (updated.count === 0) throw await conflictError(tx, auditEntity(target).entityType, auditEntity(target).entityId);
    await recordAuditEvent(tx, {
      actorId: user.id,
      action: "comment.delete",
      ...auditEntity(target),
      before: { comment: comment.id, body: comment.body, author: comment.authorId },
      after: { comment: comment.id, deleted: true },
    });
  });
}
