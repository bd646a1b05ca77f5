import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { SessionUser } from "@/lib/auth/session-user";
import type { PrismaClient } from "@/lib/db/create-client";
import { findCommentTarget } from "./comment-scope";
import { checkMentions, emitMentionEvent } from "./mentions";
import type { AddCommentInput } from "./schemas";

/**
 * Adds a comment to a measure's discussion or to one of its reports, with the
 * people it names; the audit event and the mention event are in the same transaction.
 */
export async function addComment(db: PrismaClient, user: SessionUser, input: AddCommentInput) {
  return db.$transaction(async (tx) => {
    const target = await findCommentTarget(tx, user, input.measureCode, input.reportId);
    const mentioned = await checkMentions(tx, target, input.mentionIds);
    const comment = await tx.comment.create({
      data: {
        measureId: target.measure.id,
        reportId: target.report?.id ?? null,
        authorId: user.id,
        body: input.body,
        mentions: { create: mentioned.map((person) => ({ userId: person.id })) },
      },
    });
    await recordAuditEvent(tx, {
      actorId: user.id,
      action: "comment.add",
      ...auditEntity(target),
      after: { comment: comment.id, body: comment.body, mentions: mentioned.map((person) => person.id) },
    });
    await emitMentionEvent(tx, comment, target, user, mentioned.map((person) => person.id));
    return comment;
  });
}

/** A comment's audit event belongs to its report (private with a draft) or else to its measure. */
export function auditEntity(target: { measure: { id: string }; report: { id: string } | null }) {
  return target.report ? { entityType: "ProgressReport", entityId: target.report.id } : { entityType: "Measure", entityId: target.measure.id };
}
