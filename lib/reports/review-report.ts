import type { Prisma } from "@/generated/prisma/client";
import { conflictError } from "@/lib/audit/conflict-error";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { SessionUser } from "@/lib/auth/session-user";
import type { PrismaClient } from "@/lib/db/create-client";
import { AppError } from "@/lib/errors/app-error";
import { emitReportReturned } from "@/lib/reminders/action-events";
import { refreshLatestReport } from "./refresh-latest-report";
import { nextReportState } from "./report-state-machine";
import { WRITING_ACTIONS } from "./report-writers";
import type { ReviewReportInput } from "./schemas";

/**
 * Whether the user wrote (saved or submitted any version of) the report: its
 * author, or anyone the audit trail shows writing it (the author field holds
 * only the last writer).
 */
export async function wroteReport(tx: Prisma.TransactionClient, userId: string, report: { id: string; authorId: string }) {
  if (report.authorId === userId) return true;
  const written = await tx.auditEvent.count({
    where: { entityType: "ProgressReport", entityId: report.id, actorId: userId, action: { in: WRITING_ACTIONS } },
  });
  return written > 0;
}

/**
 * Approves or returns a submitted report. Nobody decides a report they wrote
 * (OWN_REPORT). Only the measure's LEAD unit speaks for the measure: approving
 * the lead unit's report of the newest approved month carries its figures onto
 * the measure, and approving its completion report closes the measure out (销号).
 * A cooperating unit's approved report is shown beside the lead unit's and never
 * changes the measure. Approving an older month than one already approved
 * records that month's report but leaves the measure's figures (and status) as
 * the newer month gave them. While the measure is closed out, a later month of
 * the lead unit is refused (MEASURE_CLOSED_OUT) unless it is a completion report
 * too: return it, or reopen the measure first. (docs/workflow.md, "Lead-unit authority".)
 */
export async function reviewReport(db: PrismaClient, user: SessionUser, input: ReviewReportInput) {
  return db.$transaction(async (tx) => {
    const report = await tx.progressReport.findUnique({ where: { id: input.reportId }, include: { measure: true } });
    if (!report) throw new AppError("NOT_FOUND");
    const state = nextReportState(report.state, input.decision, user.role);
    if (await wroteReport(tx, user.id, report)) throw new AppError("OWN_REPORT");
    const updated = await tx.progressReport.updateMany({
      where: { id: report.id, version: input.version },
      data: {
        state,
        reviewerId: user.id,
        reviewComment: input.comment || null,
        reviewedAt: new Date(),
        version: { increment: 1 },
      },
    });
    if (updated.count === 0) throw await conflictError(tx, "ProgressReport", report.id);
    await refreshLatestReport(tx, report.measureId);
    await recordAuditEvent(tx, {
      actorId: user.id,
      action: input.decision === "approve" ? "report.approve" : "report.return",
      entityType: "ProgressReport",
      entityId: report.id,
      before: { state: report.state },
      after: { state, comment: input.comment },
    });

    if (state === "APPROVED") await applyApprovedReport(tx, user, report);
    if (state === "RETURNED") await emitReportReturned(tx, user.id, report.measure, report, input.comment);
    return { state };
  });
}

type ApprovedReport = Prisma.ProgressReportGetPayload<{ include: { measure: true } }>;

/** The measure's figures after one of its reports is approved (the rule above). */
async function applyApprovedReport(tx: Prisma.TransactionClient, user: SessionUser, report: ApprovedReport) {
  if (report.unitId !== report.measure.leadUnitId) return;
  const measure = await lockMeasure(tx, report.measureId);
  if (report.unitId !== measure.leadUnitId) return;
  const newerApproved = await tx.progressReport.count({
    where: { measureId: measure.id, unitId: measure.leadUnitId, state: "APPROVED", period: { gt: report.period } },
  });
  if (newerApproved > 0) return;
  // The newest approved month of a closed-out measure must stay a completion report (else the
  // measure and its as-of views would disagree): any other report is refused until it is reopened.
  const closedOut = measure.status === "COMPLETED";
  if (closedOut && !report.isCompletion) throw new AppError("MEASURE_CLOSED_OUT");
  const figures = {
    percentComplete: report.isCompletion ? 100 : report.percentComplete,
    status: report.isCompletion ? ("COMPLETED" as const) : measure.status === "NOT_STARTED" ? ("IN_PROGRESS" as const) : measure.status,
    ...(report.kpiActual !== null ? { kpiActual: report.kpiActual } : {}),
    ...(report.investmentCompleted !== null ? { investmentCompleted: report.investmentCompleted } : {}),
  };
  await tx.measure.update({ where: { id: measure.id }, data: { ...figures, version: { increment: 1 } } });
  await recordAuditEvent(tx, {
    actorId: user.id,
    action: report.isCompletion && !closedOut ? "measure.closeOut" : "measure.figuresFromReport",
    entityType: "Measure",
    entityId: measure.id,
    before: { percentComplete: measure.percentComplete, status: measure.status, version: measure.version },
    after: { percentComplete: figures.percentComplete, status: figures.status, report: report.id },
  });
}

/**
 * Locks the measure's row and reads it afresh: two reviewers approving two
 * months of the same measure at once are taken one after the other, so the one
 * that commits last still sees the other's approval and an older month never
 * overwrites a newer one.
 */
async function lockMeasure(tx: Prisma.TransactionClient, measureId: string) {
  await tx.$queryRaw`SELECT id FROM "Measure" WHERE id = ${measureId} FOR UPDATE`;
  return tx.measure.findUniqueOrThrow({ where: { id: measureId } });
}
