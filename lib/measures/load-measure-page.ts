import { listMeasureHistory } from "@/lib/audit/list-measure-history";
import { can } from "@/lib/auth/permissions";
import { listComments } from "@/lib/comments/list-comments";
import type { SessionUser } from "@/lib/auth/session-user";
import type { PrismaClient } from "@/lib/db/create-client";
import { latestCompletions } from "@/lib/milestones/latest-completions";
import { MILESTONE_UNDO_WINDOW_MS, mayUndoCompletion } from "@/lib/milestones/undo-window";
import { listCooperatingParts } from "@/lib/reports/cooperating-parts";
import { reportIdsWrittenBy } from "@/lib/reports/report-writers";
import { periodSchema } from "@/lib/reports/schemas";
import { formatPeriod, monthOf, parsePeriod, todayInChina } from "@/lib/tracking/dates";
import { computeLight } from "@/lib/tracking/light";
import { getTrackingSettings } from "@/lib/tracking/settings";
import { loadMeasureForecast } from "@/lib/forecast/load-forecasts";
import { getMeasureByCode, type MeasureDetail } from "./get-measure-by-code";

/**
 * Everything the measure page shows for this user: the measure, its computed
 * light, what the user may do on it, their unit's report for the chosen month
 * (the current one by default), each cooperating unit's own part (its latest
 * approved report, shown beside the lead unit's and never the measure's
 * figures), the reports the user wrote (never theirs to review), the milestone
 * completions the user may still undo, the change history and the comments
 * (the discussion's and those on reports, lib/comments/list-comments.ts) and
 * the delivery forecast (lib/forecast).
 */
export async function loadMeasurePage(db: PrismaClient, user: SessionUser, code: string, requestedPeriod: string | undefined) {
  const measure = await getMeasureByCode(db, code, user.unitId);
  if (!measure) return null;
  const today = todayInChina();
  const unitIds = [measure.leadUnit.id, ...measure.cooperatingUnits.map(({ unit }) => unit.id)];
  const permissions = {
    editOwner: can(user, "measure.editOwner", unitIds),
    writeReport: can(user, "report.write", unitIds),
    review: can(user, "report.review"),
    manageMilestones: can(user, "milestone.manage", unitIds),
    requestExtension: can(user, "extension.request", unitIds),
    decideExtension: can(user, "extension.decide"),
    reopen: can(user, "measure.reopen"),
    undoMilestone: can(user, "milestone.undoComplete", unitIds),
    manageCatalogue: can(user, "catalogue.manage"),
    comment: can(user, "comment.write", unitIds),
  };

  const currentPeriod = formatPeriod(monthOf(today));
  const parsedPeriod = periodSchema.safeParse(requestedPeriod);
  const period = parsedPeriod.success && parsedPeriod.data <= currentPeriod ? parsedPeriod.data : currentPeriod;
  // Independent of each other: one round trip's wait instead of three.
  const submittedIds = measure.progressReports.filter((report) => report.state === "SUBMITTED").map((report) => report.id);
  const now = new Date();
  const [settings, history, reportSlot, cooperatingParts, writtenIds, completions, comments, forecast] = await Promise.all([
    getTrackingSettings(db),
    listMeasureHistory(db, measure.id, user.unitId),
    permissions.writeReport && user.unitId && measure.status !== "COMPLETED" ? loadReportSlot(db, measure, user.unitId, period) : null,
    listCooperatingParts(db, measure.id),
    permissions.review ? reportIdsWrittenBy(db, user.id, submittedIds) : new Set<string>(),
    permissions.undoMilestone ? latestCompletions(db, measure.id, new Date(now.getTime() - MILESTONE_UNDO_WINDOW_MS)) : new Map(),
    listComments(db, user, { measureId: measure.id }, now),
    loadMeasureForecast(db, measure.id, today),
  ]);
  // Completions this user may still take back (the same rule the use-case enforces).
  const undoableMilestoneIds = measure.milestones
    .filter((milestone) => milestone.completedOn && completions.has(milestone.id) && mayUndoCompletion(user, completions.get(milestone.id)!, now))
    .map((milestone) => milestone.id);
  return {
    measure,
    light: computeLight(measure, today, settings),
    today,
    permissions,
    reportSlot,
    history,
    viewerId: user.id,
    cooperatingParts,
    writtenReportIds: [...writtenIds],
    undoableMilestoneIds,
    comments,
    forecast,
  };
}

/** The user's unit's report on the measure for the month, as the report form starts from. */
async function loadReportSlot(db: PrismaClient, measure: MeasureDetail, unitId: string, period: string) {
  const [existing, unit] = await Promise.all([
    db.progressReport.findUnique({
      where: { measureId_unitId_period: { measureId: measure.id, unitId, period: parsePeriod(period) } },
    }),
    db.unit.findUniqueOrThrow({ where: { id: unitId }, select: { nameZh: true, nameEn: true } }),
  ]);
  return {
    period,
    unit,
    isLeadUnit: measure.leadUnit.id === unitId,
    state: existing?.state ?? null,
    reviewComment: existing?.reviewComment ?? null,
    draft: {
      version: existing?.version ?? null,
      percentComplete: existing?.percentComplete ?? measure.percentComplete,
      progress: existing?.progress ?? "",
      problems: existing?.problems ?? "",
      nextSteps: existing?.nextSteps ?? "",
      kpiActual: existing?.kpiActual?.toString() ?? "",
      investmentCompleted: existing?.investmentCompleted?.toString() ?? "",
      isCompletion: existing?.isCompletion ?? false,
    },
  };
}
