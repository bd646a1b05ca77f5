import { listMeasureHistory } from "@/lib/audit/list-measure-history";
import { can } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session-user";
import type { PrismaClient } from "@/lib/db/create-client";
import { periodSchema } from "@/lib/reports/schemas";
import { formatPeriod, monthOf, todayInChina } from "@/lib/tracking/dates";
import { computeLight } from "@/lib/tracking/light";
import { getTrackingSettings } from "@/lib/tracking/settings";
import { getMeasureByCode } from "./get-measure-by-code";

/**
 * Everything the measure page shows for this user: the measure, its computed
 * light, what the user may do on it, their unit's report for the chosen month
 * (the current one by default) and the change history.
 */
export async function loadMeasurePage(db: PrismaClient, user: SessionUser, code: string, requestedPeriod: string | undefined) {
  const measure = await getMeasureByCode(db, code);
  if (!measure) return null;
  const today = todayInChina();
  const settings = await getTrackingSettings(db);
  const unitIds = [measure.leadUnit.id, ...measure.cooperatingUnits.map(({ unit }) => unit.id)];
  const light = computeLight(measure, today, settings);
  const permissions = {
    editOwner: can(user, "measure.editOwner", unitIds),
    writeReport: can(user, "report.write", unitIds),
    review: can(user, "report.review"),
    manageMilestones: can(user, "milestone.manage", unitIds),
    requestExtension: can(user, "extension.request", unitIds),
    decideExtension: can(user, "extension.decide"),
    reopen: can(user, "measure.reopen"),
  };

  const currentPeriod = formatPeriod(monthOf(today));
  const parsedPeriod = periodSchema.safeParse(requestedPeriod);
  const period = parsedPeriod.success && parsedPeriod.data <= currentPeriod ? parsedPeriod.data : currentPeriod;
  let reportSlot = null;
  if (permissions.writeReport && user.unitId && measure.status !== "COMPLETED") {
    const [existing, unit] = await Promise.all([
      db.progressReport.findUnique({
        where: { measureId_unitId_period: { measureId: measure.id, unitId: user.unitId, period: new Date(`${period}-01T00:00:00Z`) } },
      }),
      db.unit.findUniqueOrThrow({ where: { id: user.unitId }, select: { nameZh: true, nameEn: true } }),
    ]);
    reportSlot = {
      period,
      unit,
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
  const history = await listMeasureHistory(db, measure.id);
  return { measure, light, today, permissions, reportSlot, history };
}
