import { conflictError } from "@/lib/audit/conflict-error";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { SessionUser } from "@/lib/auth/session-user";
import type { PrismaClient } from "@/lib/db/create-client";
import { AppError } from "@/lib/errors/app-error";
import { refreshLatestReport } from "./refresh-latest-report";
import { nextReportState } from "./report-state-machine";
import type { ReviewReportInput } from "./schemas";

/**
 * Approves or returns a submitted report. Approval carries the report's figures
 * onto the measure (unless a later month is already approved); approving a
 * completion report closes the measure out (销号).
 */
export async function reviewReport(db: PrismaClient, user: SessionUser, input: ReviewReportInput) {
  return db.$transaction(async (tx) => {
    const report = await tx.progressReport.findUnique({ where: { id: input.reportId }, include: { measure: true } });
    if (!report) throw new AppError("NOT_FOUND");
    const state = nextReportState(report.state, input.decision, user.role);
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

    if (state === "APPROVED") {
      const newerApproved = await tx.progressReport.count({
        where: { measureId: report.measureId, state: "APPROVED", period: { gt: report.period } },
      });
      if (newerApproved === 0 || report.isCompletion) {
        const { measure } = report;
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
    }
    return { state };
  });
}
