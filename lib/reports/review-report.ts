import type { Prisma } from "@/generated/prisma/client";
import { conflictError } from "@/lib/audit/conflict-error";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { SessionUser } from "@/lib/auth/session-user";
import type { PrismaClient } from "@/lib/db/create-client";
import { AppError } from "@/lib/errors/app-error";
import { emitReportReturned } from "@/lib/reminders/action-events";
import { refreshLatestReport } from "./refresh-latest-report";
import { nextReportState } from "./report-state-machine";
import type { ReviewReportInput } from "./schemas";

/** The audit actions of writing a report: whoever did one of them wrote it. */
const WRITING_ACTIONS = ["report.save", "report.submit"];

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
 * the newer month gave them; so does any approval while the measure is closed out.
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
  const { measure } = report;
  if (report.unitId !== measure.leadUnitId) return;
  if (measure.status === "COMPLETED") return;
  const newerApproved = await tx.progressReport.count({
    where: { measureId: measure.id, unitId: measure.leadUnitId, state: "APPROVED", period: { gt: report.period } },
  });
  if (newerApproved > 0) return;
  const figures = {
    percentComplete: report.isCompletion ? 100 : report.percentComplete,
    status: report.isCompletion ? ("COMPLETED" as const) : measure.status === "NOT_STARTED" ? ("IN_PROGRESS" as const) : measure.status,
    ...(report.kpiActual !== null ? { kpiActual: report.kpiActual } : {}),
    ...(report.investmentCompleted !== null ? { investmentCompleted: report.investmentCompleted } : {}),
  };
  await tx.measure.update({ where: { id: measure.id }, data: { ...figures, version: { increment: 1 } } });
  await recordAuditEvent(tx, {
    actorId: user.id,
    action: report.isCompletion ? "measure.closeOut" : "measure.figuresFromReport",
    entityType: "Measure",
    entityId: measure.id,
    before: { percentComplete: measure.percentComplete, status: measure.status, version: measure.version },
    after: { percentComplete: figures.percentComplete, status: figures.status, report: report.id },
  });
}
