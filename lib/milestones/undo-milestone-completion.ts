import { conflictError } from "@/lib/audit/conflict-error";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { SessionUser } from "@/lib/auth/session-user";
import type { PrismaClient } from "@/lib/db/create-client";
import { AppError } from "@/lib/errors/app-error";
import { findMeasureFor } from "@/lib/measures/find-measure-for";
import { isoDay } from "@/lib/tracking/dates";
import { latestCompletions } from "./latest-completions";
import type { UndoMilestoneCompletionInput } from "./schemas";
import { MILESTONE_UNDO_WINDOW_MS, mayUndoCompletion } from "./undo-window";

/**
 * Takes back a milestone's completion shortly after it was made (undo-window.ts):
 * completedOn back to null, which is all a completion changes; audited.
 * Another person's completion, or one past the window, is refused.
 */
export async function undoMilestoneCompletion(db: PrismaClient, user: SessionUser, input: UndoMilestoneCompletionInput, now = new Date()) {
  return db.$transaction(async (tx) => {
    const milestone = await tx.milestone.findUnique({ where: { id: input.milestoneId }, include: { measure: true } });
    if (!milestone) throw new AppError("NOT_FOUND");
    await findMeasureFor(tx, user, "milestone.undoComplete", milestone.measure.code);
    if (!milestone.completedOn) throw new AppError("INVALID_STATE");
    const completion = (await latestCompletions(tx, milestone.measureId, new Date(now.getTime() - MILESTONE_UNDO_WINDOW_MS))).get(milestone.id);
    if (!completion) throw new AppError("UNDO_WINDOW_PASSED");
    if (!mayUndoCompletion(user, completion, now)) throw new AppError("FORBIDDEN");
    const updated = await tx.milestone.updateMany({
      where: { id: milestone.id, version: input.version },
      data: { completedOn: null, version: { increment: 1 } },
    });
    if (updated.count === 0) throw await conflictError(tx, "Measure", milestone.measureId);
    await recordAuditEvent(tx, {
      actorId: user.id,
      action: "milestone.undoComplete",
      entityType: "Measure",
      entityId: milestone.measureId,
      before: { milestone: milestone.id, completedOn: isoDay(milestone.completedOn) },
      after: { milestone: milestone.id, completedOn: null },
    });
  });
}
