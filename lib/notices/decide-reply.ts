import { conflictError } from "@/lib/audit/conflict-error";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { SessionUser } from "@/lib/auth/session-user";
import type { PrismaClient } from "@/lib/db/create-client";
import { emitEvent } from "@/lib/events/emit-event";
import { AppError } from "@/lib/errors/app-error";
import { eventPayload, findNoticeFor } from "./notice-core";
import type { DecideReplyInput } from "./schemas";

/**
 * An inspector decides the lead unit's reply: accept (the notice is closed) or
 * send it back with a comment (RETURNED, awaiting a new reply).
 */
export async function decideReply(db: PrismaClient, user: SessionUser, input: DecideReplyInput) {
  return db.$transaction(async (tx) => {
    const notice = await findNoticeFor(tx, user, "notice.decide", input.noticeId);
    if (notice.state !== "REPLIED") throw new AppError("INVALID_STATE");
    const leadUnitId = notice.recipients.find((row) => row.isLead)?.unitId;
    const reply = await tx.noticeReply.findFirst({
      where: { noticeId: notice.id, unitId: leadUnitId, decision: null },
      orderBy: { createdAt: "desc" },
    });
    if (!reply) throw new AppError("INVALID_STATE");
    const state = input.decision === "accept" ? "ACCEPTED" : "RETURNED";
    const now = new Date();
    const updated = await tx.notice.updateMany({
      where: { id: notice.id, version: input.version, state: "REPLIED" },
      data: { state, closedAt: state === "ACCEPTED" ? now : null, version: { increment: 1 } },
    });
    if (updated.count === 0) throw await conflictError(tx, "Measure", notice.measureId);
    await tx.noticeReply.update({
      where: { id: reply.id },
      data: { decision: state, decidedById: user.id, decisionComment: input.comment || null, decidedAt: now },
    });
    await recordAuditEvent(tx, {
      actorId: user.id,
      action: state === "ACCEPTED" ? "notice.accept" : "notice.return",
      entityType: "Measure",
      entityId: notice.measureId,
      before: { notice: notice.id, state: "REPLIED" },
      after: { notice: notice.id, serial: `${notice.year}-${notice.number}`, reply: reply.id, state, comment: input.comment },
    });
    await emitEvent(tx, {
      type: state === "ACCEPTED" ? "notice.accepted" : "notice.returned",
      measureId: notice.measureId,
      audienceUnitIds: notice.recipients.map((row) => row.unitId),
      actorId: user.id,
      entityType: "Notice",
      entityId: notice.id,
      payload: { ...eventPayload(notice, notice.measure), comment: input.comment },
    });
  });
}
