import type { SessionUser } from "@/lib/auth/session-user";
import type { PrismaClient } from "@/lib/db/create-client";
import { AppError, fieldError } from "@/lib/errors/app-error";
import { findMeasureFor } from "@/lib/measures/find-measure-for";
import { createNotice } from "./notice-core";
import { lockNoticeNumbers } from "./notice-number";
import type { IssueNoticeInput } from "./schemas";

/**
 * An inspector issues a notice on a measure to its lead unit and, if chosen,
 * some of its cooperating units. `today` is the calendar day in China.
 */
export async function issueNotice(db: PrismaClient, user: SessionUser, input: IssueNoticeInput, today: Date) {
  return db.$transaction(async (tx) => {
    const measure = await findMeasureFor(tx, user, "notice.issue", input.measureCode);
    // A closed-out measure has nothing left to chase (reopen it first).
    if (measure.status === "COMPLETED") throw new AppError("INVALID_STATE");
    if (input.replyDueDate < today) throw fieldError("replyDueDate", "dateInPast");
    const cooperating = await tx.measureCooperatingUnit.findMany({ where: { measureId: measure.id }, select: { unitId: true } });
    const allowed = new Set(cooperating.map((row) => row.unitId));
    const chosen = [...new Set(input.cooperatingUnitIds)].filter((unitId) => unitId !== measure.leadUnitId);
    if (chosen.some((unitId) => !allowed.has(unitId))) throw fieldError("cooperatingUnitIds", "unknownUnit");
    const year = today.getUTCFullYear();
    const number = (await lockNoticeNumbers(tx, year)) + 1;
    return createNotice(tx, {
      measure,
      level: input.level,
      body: input.body,
      replyDueDate: input.replyDueDate,
      year,
      number,
      issuedById: user.id,
      recipients: [{ unitId: measure.leadUnitId, isLead: true }, ...chosen.map((unitId) => ({ unitId, isLead: false }))],
    });
  });
}
