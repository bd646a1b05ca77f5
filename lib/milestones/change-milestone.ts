import { conflictError } from "@/lib/audit/conflict-error";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { SessionUser } from "@/lib/auth/session-user";
import type { PrismaClient } from "@/lib/db/create-client";
import { AppError, fieldError } from "@/lib/errors/app-error";
import { findMeasureFor } from "@/lib/measures/find-measure-for";
import { isoDay } from "@/lib/tracking/dates";
import type { CompleteMilestoneInput, RescheduleMilestoneInput } from "./schemas";

/** Completes or reschedules a milestone of a measure the user may manage, at the version read. */
export async function changeMilestone(
  db: PrismaClient,
  user: SessionUser,
  input: CompleteMilestoneInput | RescheduleMilestoneInput,
  today: Date,
) {
  return db.$transaction(async (tx) => {
    const milestone = await tx.milestone.findUnique({ where: { id: input.milestoneId }, include: { measure: true } });
    if (!milestone) throw new AppError("NOT_FOUND");
    await findMeasureFor(tx, user, "milestone.manage", milestone.measure.code);
    const change =
      "completedOn" in input
        ? { completedOn: input.completedOn }
        : { dueDate: input.dueDate };
    if ("completedOn" in input && input.completedOn > today) throw fieldError("completedOn", "dateInFuture");
    const updated = await tx.milestone.updateMany({
      where: { id: milestone.id, version: input.version },
      data: { ...change, version: { increment: 1 } },
    });
    if (updated.count === 0) throw await conflictError(tx, "Measure", milestone.measureId);
    await recordAuditEvent(tx, {
      actorId: user.id,
      action: "completedOn" in input ? "milestone.complete" : "milestone.reschedule",
      entityType: "Measure",
      entityId: milestone.measureId,
      before: { milestone: milestone.id, dueDate: isoDay(milestone.dueDate), completedOn: milestone.completedOn && isoDay(milestone.completedOn) },
      after:
        "completedOn" in input
          ? { milestone: milestone.id, completedOn: isoDay(input.completedOn) }
          : { milestone: milestone.id, dueDate: isoDay(input.dueDate), reason: input.reason },
    });
  });
}
