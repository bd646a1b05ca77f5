import { conflictError } from "@/lib/audit/conflict-error";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { SessionUser } from "@/lib/auth/session-user";
import type { PrismaClient } from "@/lib/db/create-client";
import { emitEvent } from "@/lib/events/emit-event";
import { AppError } from "@/lib/errors/app-error";
import { isoDay } from "@/lib/tracking/dates";
import { deciderAudience, eventPayload, findNoticeFor } from "./notice-core";
import type { ReplyToNoticeInput } from "./schemas";

/**
 * An official of a recipient unit replies in writing. The lead unit's reply
 * moves the notice from OPEN or RETURNED to REPLIED (awaiting the inspector);
 * a cooperating unit's reply is kept beside it and changes no state.
 */
export async function replyToNotice(db: PrismaClient, user: SessionUser, input: ReplyToNoticeInput) {
  return db.$transaction(async (tx) => {
    const notice = await findNoticeFor(tx, user, "notice.reply", input.noticeId);
    const recipient = notice.recipients.find((row) => row.unitId === user.unitId);
    if (!recipient) throw new AppError("FORBIDDEN");
    if (notice.state === "ACCEPTED" || notice.state === "ESCALATED") throw new AppError("INVALID_STATE");
    if (recipient.isLead) {
      if (notice.state === "REPLIED") throw new AppError("INVALID_STATE");
      const updated = await tx.notice.updateMany({
        where: { id: notice.id, version: input.version, state: { in: ["OPEN", "RETURNED"] } },
        data: { state: "REPLIED", version: { increment: 1 } },
      });
      if (updated.count === 0) throw await conflictError(tx, "Measure", notice.measureId);
    }
    const reply = await tx.noticeReply.create({
      data: { noticeId: notice.id, unitId: recipient.unitId, authorId: user.id, body: input.body, newDueDate: input.newDueDate ?? null },
    });
    await recordAuditEvent(tx, {
      actorId: user.id,
      action: "notice.reply",
      entityType: "Measure",
      entityId: notice.measureId,
      before: { notice: notice.id, state: notice.state },
      after: {
        notice: notice.id,
        serial: `${notice.year}-${notice.number}`,
        reply: reply.id,
        state: recipient.isLead ? "REPLIED" : notice.state,
        ...(input.newDueDate ? { newDueDate: isoDay(input.newDueDate) } : {}),
      },
    });
    await emitEvent(tx, {
      type: "notice.replied",
      measureId: notice.measureId,
      ...deciderAudience(notice),
      actorId: user.id,
      entityType: "Notice",
      entityId: notice.id,
      payload: { ...eventPayload(notice, notice.measure), unitId: recipient.unitId, isLead: recipient.isLead },
    });
    return reply;
  });
}
