import { conflictError } from "@/lib/audit/conflict-error";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { SessionUser } from "@/lib/auth/session-user";
import type { PrismaClient } from "@/lib/db/create-client";
import { AppError } from "@/lib/errors/app-error";
import type { ResumeMeasureInput, SuspendMeasureInput } from "./schemas";

/**
 * Suspends a measure under way (an admin's decision, with a reason): it gets the
 * grey SUSPENDED light and leaves the behind/overdue counts, expected reports,
 * reminders, notice rules and scoring until resumed. A completed measure cannot be suspended.
 * A suspension period is recorded with it (MeasureSuspension): the months it
 * covers stay suspended in as-of views and the trend after it is resumed.
 */
export async function suspendMeasure(db: PrismaClient, actor: SessionUser, input: SuspendMeasureInput) {
  return db.$transaction(async (tx) => {
    const before = await tx.measure.findUnique({ where: { code: input.code } });
    if (!before) throw new AppError("NOT_FOUND");
    if (before.status !== "NOT_STARTED" && before.status !== "IN_PROGRESS") throw new AppError("INVALID_STATE");
    const now = new Date();
    const updated = await tx.measure.updateMany({
      where: { id: before.id, version: input.version },
      data: { status: "SUSPENDED", suspendedAt: now, suspendedReason: input.reason, version: { increment: 1 } },
    });
    if (updated.count === 0) throw await conflictError(tx, "Measure", before.id);
    // The history the as-of views replay (lib/tracking/suspension.ts).
    await tx.measureSuspension.create({ data: { measureId: before.id, suspendedAt: now, reason: input.reason } });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "measure.suspend",
      entityType: "Measure",
      entityId: before.id,
      before: { status: before.status, version: before.version },
      after: { status: "SUSPENDED", reason: input.reason, version: before.version + 1 },
    });
  });
}

/**
 * Resumes a suspended measure: back in progress if its lead unit has an approved
 * report (what review-report would have set), otherwise not started.
 */
export async function resumeMeasure(db: PrismaClient, actor: SessionUser, input: ResumeMeasureInput) {
  return db.$transaction(async (tx) => {
    const before = await tx.measure.findUnique({ where: { code: input.code } });
    if (!before) throw new AppError("NOT_FOUND");
    if (before.status !== "SUSPENDED") throw new AppError("INVALID_STATE");
    const approved = await tx.progressReport.count({ where: { measureId: before.id, unitId: before.leadUnitId, state: "APPROVED" } });
    const status = approved > 0 ? ("IN_PROGRESS" as const) : ("NOT_STARTED" as const);
    const now = new Date();
    const updated = await tx.measure.updateMany({
      where: { id: before.id, version: input.version },
      data: { status, suspendedAt: null, suspendedReason: null, version: { increment: 1 } },
    });
    if (updated.count === 0) throw await conflictError(tx, "Measure", before.id);
    // Closes the open period: the months up to now stay suspended in the as-of views.
    await tx.measureSuspension.updateMany({ where: { measureId: before.id, resumedAt: null }, data: { resumedAt: now } });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "measure.resume",
      entityType: "Measure",
      entityId: before.id,
      before: { status: "SUSPENDED", reason: before.suspendedReason, version: before.version },
      after: { status, version: before.version + 1 },
    });
  });
}
