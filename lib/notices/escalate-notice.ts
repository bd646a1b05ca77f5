import { conflictError } from "@/lib/audit/conflict-error";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { SessionUser } from "@/lib/auth/session-user";
import type { PrismaClient } from "@/lib/db/create-client";
import { AppError, fieldError } from "@/lib/errors/app-error";
import { createNotice, findNoticeFor, NEXT_LEVEL } from "./notice-core";
import { lockNoticeNumbers } from "./notice-number";
import type { EscalateNoticeInput } from "./schemas";

/**
 * An inspector escalates a notice still awaiting the unit: a new notice one
 * level higher to the same units, linked by escalatedFromId; the old one
 * becomes ESCALATED. (The rules do the same on silence: apply-notice-rules.ts.)
 */
export async function escalateNotice(db: PrismaClient, user: SessionUser, input: EscalateNoticeInput, today: Date) {
  return db.$transaction(async (tx) => {
    const notice = await findNoticeFor(tx, user, "notice.issue", input.noticeId);
    const level = NEXT_LEVEL[notice.level];
    if (!level || (notice.state !== "OPEN" && notice.state !== "RETURNED" && notice.state !== "REPLIED")) {
      throw new AppError("INVALID_STATE");
    }
    if (input.replyDueDate < today) throw fieldError("replyDueDate", "dateInPast");
    const updated = await tx.notice.updateMany({
      where: { id: notice.id, version: input.version, state: notice.state },
      data: { state: "ESCALATED", closedAt: new Date(), version: { increment: 1 } },
    });
    if (updated.count === 0) throw await conflictError(tx, "Measure", notice.measureId);
    await recordAuditEvent(tx, {
      actorId: user.id,
      action: "notice.escalate",
      entityType: "Measure",
      entityId: notice.measureId,
      before: { notice: notice.id, state: notice.state, level: notice.level },
      after: { notice: notice.id, serial: `${notice.year}-${notice.number}`, state: "ESCALATED", level },
    });
    const year = today.getUTCFullYear();
    const number = (await lockNoticeNumbers(tx, year)) + 1;
    return createNotice(tx, {
      measure: notice.measure,
      level,
      body: input.body || notice.body,
      replyDueDate: input.replyDueDate,
      year,
      number,
      issuedById: user.id,
      escalatedFromId: notice.id,
      recipients: notice.recipients.map(({ unitId, isLead }) => ({ unitId, isLead })),
    });
  });
}
