import type { Prisma } from "@/generated/prisma/client";
import { emitEvent } from "@/lib/events/emit-event";
import { fieldError } from "@/lib/errors/app-error";
import { type CommentTarget, mentionCandidatesWhere } from "./comment-scope";

/**
 * The people a comment names, checked on the server: every one must be a
 * mention candidate of the target (lib/comments/comment-scope.ts), or the
 * comment is refused: the type-ahead only offers candidates, so anything else
 * is a stale page or a forged form.
 */
export async function checkMentions(tx: Prisma.TransactionClient, target: CommentTarget, userIds: string[]) {
  if (userIds.length === 0) return [];
  const allowed = await tx.user.findMany({
    where: { id: { in: userIds }, ...mentionCandidatesWhere(target) },
    select: { id: true, displayName: true },
  });
  if (allowed.length !== userIds.length) throw fieldError("body", "mentionNotAllowed");
  return allowed;
}

/**
 * The comment.mention event for people newly named in a comment (their inbox,
 * mail, My work). A report's comment carries the report's month as
 * `reportPeriod`: notificationLink (lib/notifications/event-text.ts) leads there.
 */
export async function emitMentionEvent(
  tx: Prisma.TransactionClient,
  comment: { id: string; body: string; reportId: string | null },
  target: CommentTarget,
  actor: { id: string; displayName: string },
  userIds: string[],
) {
  if (userIds.length === 0) return;
  await emitEvent(tx, {
    type: "comment.mention",
    measureId: target.measure.id,
    audienceUserIds: userIds,
    actorId: actor.id,
    entityType: "Comment",
    entityId: comment.id,
    // The report's month travels with the event, so its links lead there without a query per notification.
    payload: {
      measureCode: target.measure.code,
      by: actor.displayName,
      reportId: comment.reportId,
      ...(target.report ? { reportPeriod: target.report.period } : {}),
      excerpt: comment.body.slice(0, 80),
    },
  });
}
