import type { Prisma } from "@/generated/prisma/client";
import { scopeOf } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session-user";
import { AppError } from "@/lib/errors/app-error";
import { parsePeriod } from "@/lib/tracking/dates";

type Reader = Pick<Prisma.TransactionClient, "unit" | "measure" | "progressReport">;

const measureSelect = {
  id: true,
  code: true,
  titleZh: true,
  titleEn: true,
  leadUnitId: true,
  status: true,
  kpiNameZh: true,
  kpiNameEn: true,
  kpiUnit: true,
  kpiTarget: true,
  investmentPlanned: true,
} as const;

const reportSelect = {
  id: true,
  measureId: true,
  state: true,
  version: true,
  percentComplete: true,
  progress: true,
  problems: true,
  nextSteps: true,
  kpiActual: true,
  investmentCompleted: true,
} as const;

/**
 * A unit may be collected for by an inspector (any unit) or by its own
 * official; anyone else is refused, naming the unit, before anything is read.
 */
export function assertMayCollectFor(user: SessionUser, unit: { id: string; code: string }): void {
  const scope = scopeOf(user.role, "report.collect");
  if (scope === "all" || (scope === "ownUnit" && user.unitId === unit.id)) return;
  throw new AppError("FORBIDDEN", {}, { file: { key: "reportCollection.errors.otherUnit", values: { unit: unit.code } } });
}

/**
 * What a unit reports on for a month: the measures it leads or cooperates on
 * (each with the unit's report of that month, if any), in catalogue order.
 * A cooperating unit's rows are its own part; the report rules decide the rest.
 */
export async function loadCollectionScope(db: Reader, user: SessionUser, unitCode: string, period: string) {
  const unit = await db.unit.findUnique({ where: { code: unitCode }, select: { id: true, code: true, nameZh: true, nameEn: true } });
  if (!unit) throw new AppError("NOT_FOUND");
  assertMayCollectFor(user, unit);
  const measures = await db.measure.findMany({
    where: { OR: [{ leadUnitId: unit.id }, { cooperatingUnits: { some: { unitId: unit.id } } }] },
    select: measureSelect,
    orderBy: [{ area: { sortOrder: "asc" } }, { sortOrder: "asc" }, { code: "asc" }],
  });
  const reports = await db.progressReport.findMany({
    where: { unitId: unit.id, period: parsePeriod(period), measureId: { in: measures.map((measure) => measure.id) } },
    select: reportSelect,
  });
  const reportOf = new Map(reports.map((report) => [report.measureId, report]));
  return {
    unit,
    period,
    measures: measures.map((measure) => ({ ...measure, isLead: measure.leadUnitId === unit.id, report: reportOf.get(measure.id) ?? null })),
  };
}

export type CollectionScope = Awaited<ReturnType<typeof loadCollectionScope>>;
export type CollectionMeasure = CollectionScope["measures"][number];
