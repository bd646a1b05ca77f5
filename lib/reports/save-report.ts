import type { Prisma } from "@/generated/prisma/client";
import type { MeasureStatus } from "@/generated/prisma/enums";
import { conflictError } from "@/lib/audit/conflict-error";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { scopeOf } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session-user";
import type { PrismaClient } from "@/lib/db/create-client";
import { AppError, fieldError } from "@/lib/errors/app-error";
import { findMeasureFor } from "@/lib/measures/find-measure-for";
import { measuresOfUnitWhere } from "@/lib/measures/measure-where";
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

/** The unit an inspector writes a collected report sheet for (报表回收). */
export type OnBehalfOf = { id: string; code: string };

/**
 * The same, inside the caller's transaction: a bulk write (the Excel report
 * collection) saves many reports under exactly these rules, all or none.
 * With `onBehalfOf`, an inspector submits the unit's report for it: only as
 * submitted, only on a measure the unit reports on, and the audit names both.
 */
export async function saveReportIn(tx: Prisma.TransactionClient, user: SessionUser, input: SaveReportInput, today: Date, onBehalfOf?: OnBehalfOf) {
  const period = parsePeriod(input.period);
  if (period > monthOf(today)) throw fieldError("period", "periodInFuture");
  const unitId = onBehalfOf ? onBehalfOf.id : user.unitId;
  if (!unitId) throw new AppError("FORBIDDEN");
  const event = onBehalfOf ? "submitOnBehalf" : input.intent;
  // The role check first: nobody learns which measures a unit reports on without the right to write for it.
  if (onBehalfOf && (scopeOf(user.role, "report.submitOnBehalf") !== "all" || input.intent !== "submit")) throw new AppError("FORBIDDEN");
  const measure = onBehalfOf ? await findUnitMeasure(tx, onBehalfOf.id, input.measureCode) : await findMeasureFor(tx, user, "report.write", input.measureCode);
  if (input.intent === "submit" && measure.status === "COMPLETED") throw new AppError("INVALID_STATE");
  // Only the lead unit speaks for the measure: a cooperating unit reports its part, never the close-out.
  if (input.isCompletion && measure.leadUnitId !== unitId) throw fieldError("isCompletion", "completionLeadOnly");
  const key = { measureId_unitId_period: { measureId: measure.id, unitId, period } };
  const existing = await tx.progressReport.findUnique({ where: key });
  const state = nextReportState(existing?.state ?? null, event, user.role);
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
    const created = await tx.progressReport.create({ data: { ...fields, measureId: measure.id, unitId, period } });
    reportId = created.id;
  }
  await refreshLatestReport(tx, measure.id);
  await recordAuditEvent(tx, {
    actorId: user.id,
    action: onBehalfOf ? "report.submitOnBehalf" : input.intent === "submit" ? "report.submit" : "report.save",
    entityType: "ProgressReport",
    entityId: reportId,
    before: existing ? { state: existing.state, percentComplete: existing.percentComplete, version: existing.version } : undefined,
    after: { state, percentComplete: input.percentComplete, period: input.period, measure: measure.code, ...(onBehalfOf ? { onBehalfOf: onBehalfOf.code } : {}) },
  });
  if (state === "SUBMITTED") await emitReportSubmitted(tx, user.id, measure, { id: reportId, unitId, period });
  return { reportId, state };
}

/** A measure the unit leads or cooperates on, by code; NOT_FOUND otherwise (the inspector may read every measure). */
async function findUnitMeasure(tx: Prisma.TransactionClient, unitId: string, code: string) {
  const measure = await tx.measure.findFirst({ where: { code, ...measuresOfUnitWhere(unitId) } });
  if (!measure) throw new AppError("NOT_FOUND");
  return measure;
}
