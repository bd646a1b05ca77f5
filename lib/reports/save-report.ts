import type { Prisma } from "@/generated/prisma/client";
import type { MeasureStatus } from "@/generated/prisma/enums";
import { conflictError } from "@/lib/audit/conflict-error";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { SessionUser } from "@/lib/auth/session-user";
import type { PrismaClient } from "@/lib/db/create-client";
import { AppError, fieldError } from "@/lib/errors/app-error";
import { findMeasureFor } from "@/lib/measures/find-measure-for";
import { emitReportSubmitted } from "@/lib/reminders/action-events";
import { monthOf, parsePeriod } from "@/lib/tracking/dates";
import { refreshLatestReport } from "./refresh-latest-report";
import { nextReportState } from "./report-state-machine";
import type { SaveReportInput } from "./schemas";

function reportedStatus(input: SaveReportInput): MeasureStatus {
  if (input.isCompletion) return "COMPLETED";
  return input.percentComplete > 0 ? "IN_PROGRESS" : "NOT_STARTED";
}

/**
 * Saves (as draft) or submits the monthly report of the user's unit on a
 * measure it leads or cooperates on: one report per measure, unit and month.
 */
export async function saveReport(db: PrismaClient, user: SessionUser, input: SaveReportInput, today: Date) {
  return db.$transaction((tx) => saveReportIn(tx, user, input, today));
}

/**
 * The same, inside the caller's transaction: a bulk write (the Excel report
 * collection) saves many reports under exactly these rules, all or none.
 */
export async function saveReportIn(tx: Prisma.TransactionClient, user: SessionUser, input: SaveReportInput, today: Date) {
  const period = parsePeriod(input.period);
  if (period > monthOf(today)) throw fieldError("period", "periodInFuture");
  const measure = await findMeasureFor(tx, user, "report.write", input.measureCode);
  if (!user.unitId) throw new AppError("FORBIDDEN");
  if (input.intent === "submit" && measure.status === "COMPLETED") throw new AppError("INVALID_STATE");
  // Only the lead unit speaks for the measure: a cooperating unit reports its part, never the close-out.
  if (input.isCompletion && measure.leadUnitId !== user.unitId) throw fieldError("isCompletion", "completionLeadOnly");
  const key = { measureId_unitId_period: { measureId: measure.id, unitId: user.unitId, period } };
  const existing = await tx.progressReport.findUnique({ where: key });
  const state = nextReportState(existing?.state ?? null, input.intent, user.role);
  const fields = {
    percentComplete: input.percentComplete,
    status: reportedStatus(input),
    progress: input.progress,
    problems: input.problems,
    nextSteps: input.nextSteps,
    kpiActual: input.kpiActual,
    investmentCompleted: input.investmentCompleted,
    isCompletion: input.isCompletion,
    state,
    authorId: user.id,
    submittedAt: state === "SUBMITTED" ? new Date() : null,
  };

  let reportId: string;
  if (existing) {
    if (input.version === null) throw await conflictError(tx, "ProgressReport", existing.id);
    const updated = await tx.progressReport.updateMany({
      where: { id: existing.id, version: input.version },
      data: { ...fields, version: { increment: 1 } },
    });
    if (updated.count === 0) throw await conflictError(tx, "ProgressReport", existing.id);
    reportId = existing.id;
  } else {
    // A new report; a concurrent creator hits the unique key and gets CONFLICT.
    const created = await tx.progressReport.create({ data: { ...fields, measureId: measure.id, unitId: user.unitId, period } });
    reportId = created.id;
  }
  await refreshLatestReport(tx, measure.id);
  await recordAuditEvent(tx, {
    actorId: user.id,
    action: input.intent === "submit" ? "report.submit" : "report.save",
    entityType: "ProgressReport",
    entityId: reportId,
    before: existing ? { state: existing.state, percentComplete: existing.percentComplete, version: existing.version } : undefined,
    after: { state, percentComplete: input.percentComplete, period: input.period, measure: measure.code },
  });
  if (state === "SUBMITTED") await emitReportSubmitted(tx, user.id, measure, { id: reportId, unitId: user.unitId, period });
  return { reportId, state };
}
