import { Prisma } from "@/generated/prisma/client";
import type { PrismaClient } from "@/lib/db/create-client";
import { emptyLightCounts, type Light } from "@/lib/tracking/light";
import { asOfDay } from "@/lib/tracking/as-of";
import { monthEnd, monthOf } from "@/lib/tracking/dates";
import { lightSql, measureStateSql, scopedMeasuresFrom, scopeWhereSql } from "@/lib/measures/measure-sql";
import type { TrackingSettings } from "@/lib/tracking/settings";
import type { DashboardQuery } from "./schemas";
import { expectedReportsSql, reportMissingSql } from "@/lib/reports/expected-reports-sql";
import { getTrend } from "./trend";

export type LightCounts = Record<Light, number>;
export interface Breakdown {
  code: string;
  nameZh: string;
  nameEn: string;
  total: number;
  lights: LightCounts;
}
export interface MeasureItem {
  code: string;
  titleZh: string;
  titleEn: string;
  dueDate: Date | null;
  percentComplete: number;
}


/** The measures in scope with their computed light, as a CTE named `scoped`. */
function scopedSql(query: DashboardQuery, today: Date, settings: TrackingSettings): Prisma.Sql {
  const { joins, state } = measureStateSql(query.asOf);
  return Prisma.sql`scoped AS (
    SELECT m.id, m.code, m."titleZh", m."titleEn", m."dueDate", ${state.percent} AS "percentComplete", ${state.status} AS status,
           m."areaId", m."leadUnitId", m."startDate", m."isSample", m."investmentPlanned", ${state.investmentCompleted} AS "investmentCompleted", ${state.latestState} AS "latestReportState",
           ${lightSql(asOfDay(query.asOf, today), settings, state)} AS light
    FROM ${scopedMeasuresFrom}
    ${joins}
    WHERE ${scopeWhereSql(query)}
  )`;
}

type BreakdownRow = { code: string; nameZh: string; nameEn: string; sort: number; light: Light; count: bigint };

function toBreakdown(rows: BreakdownRow[]): Breakdown[] {
  const byCode = new Map<string, Breakdown & { sort: number }>();
  for (const row of rows) {
    const entry = byCode.get(row.code) ?? { code: row.code, nameZh: row.nameZh, nameEn: row.nameEn, sort: row.sort, total: 0, lights: emptyLightCounts() };
    entry.lights[row.light] += Number(row.count);
    entry.total += Number(row.count);
    byCode.set(row.code, entry);
  }
  return [...byCode.values()].sort((a, b) => a.sort - b.sort || a.code.localeCompare(b.code)).map(({ sort: _sort, ...entry }) => entry);
}

/**
 * The overview's SQL statements, one per figure or chart. Exposed so the
 * benchmark can run the identical statements without the app around them.
 */
export function dashboardStatements(query: DashboardQuery, today: Date, settings: TrackingSettings) {
  const scoped = scopedSql(query, today, settings);
  const day = asOfDay(query.asOf, today);
  const period = monthOf(day);
  const periodEnd = monthEnd(day);
  const list = (where: Prisma.Sql, order: Prisma.Sql) => Prisma.sql`WITH ${scoped}
    SELECT code, "titleZh", "titleEn", "dueDate", "percentComplete" FROM scoped WHERE ${where} ORDER BY ${order} LIMIT 10`;
  return {
    totals: Prisma.sql`WITH ${scoped} SELECT light, count(*) AS count FROM scoped GROUP BY light`,
    byArea: Prisma.sql`WITH ${scoped} SELECT a.code, a."titleZh" AS "nameZh", a."titleEn" AS "nameEn", a."sortOrder" AS sort, s.light, count(*) AS count
      FROM scoped s JOIN "Area" a ON a.id = s."areaId" GROUP BY a.code, a."titleZh", a."titleEn", a."sortOrder", s.light`,
    byCity: Prisma.sql`WITH ${scoped} SELECT c.code, c."nameZh", c."nameEn", c."sortOrder" AS sort, s.light, count(*) AS count
      FROM scoped s JOIN "MeasureCity" mc ON mc."measureId" = s.id JOIN "City" c ON c.id = mc."cityId"
      GROUP BY c.code, c."nameZh", c."nameEn", c."sortOrder", s.light`,
    byLeadUnit: Prisma.sql`WITH ${scoped} SELECT u.code, u."nameZh", u."nameEn", 0 AS sort, s.light, count(*) AS count
      FROM scoped s JOIN "Unit" u ON u.id = s."leadUnitId" GROUP BY u.code, u."nameZh", u."nameEn", s.light`,
    investment: Prisma.sql`WITH ${scoped} SELECT sum("investmentPlanned") AS planned, sum("investmentCompleted") AS completed, coalesce(bool_or("isSample"), false) AS "hasSample" FROM scoped`,
    reporting: Prisma.sql`WITH ${scoped}, expected AS (${expectedReportsSql(period, periodEnd)})
      SELECT count(*) AS due,
             count(*) FILTER (WHERE NOT ${reportMissingSql}) AS submitted,
             count(*) FILTER (WHERE "reportState" = 'APPROVED') AS approved
      FROM expected`,
    overdue: list(Prisma.sql`light = 'RED'`, Prisma.sql`"dueDate", code`),
    dueSoon: list(Prisma.sql`light = 'BLUE'`, Prisma.sql`"dueDate", code`),
    returned: list(Prisma.sql`"latestReportState" = 'RETURNED'`, Prisma.sql`code`),
  };
}

export interface MissingReportItem {
  code: string;
  titleZh: string;
  titleEn: string;
  leadUnitZh: string;
  leadUnitEn: string;
  /** The lead unit's report of the month if there is one (a draft or a returned report still counts as missing). */
  state: "DRAFT" | "RETURNED" | null;
}

/**
 * Every measure counted as "missing" on the overview for its scope and month:
 * the same expected reports as the `reporting` figure, without a submitted or approved one.
 */
export async function listMissingInScope(db: PrismaClient, query: DashboardQuery, today: Date, settings: TrackingSettings): Promise<MissingReportItem[]> {
  const day = asOfDay(query.asOf, today);
  return db.$queryRaw<MissingReportItem[]>(Prisma.sql`WITH ${scopedSql(query, today, settings)},
      expected AS (${expectedReportsSql(monthOf(day), monthEnd(day))})
    SELECT e.code, e."titleZh", e."titleEn", e."reportState" AS state, u."nameZh" AS "leadUnitZh", u."nameEn" AS "leadUnitEn"
    FROM expected e JOIN "Unit" u ON u.id = e."leadUnitId"
    WHERE ${reportMissingSql}
    ORDER BY u.code, e.code`);
}

/**
 * Everything the overview shows, counted in SQL: lights, completion by area,
 * city and lead unit, investment, this month's reporting, and the lists to chase.
 */
export async function getDashboardData(
  db: PrismaClient,
  query: DashboardQuery,
  today: Date,
  settings: TrackingSettings,
  // The trend is the costliest statement; views without the chart (the bulletin) skip it.
  { withTrend = true }: { withTrend?: boolean } = {},
) {
  const sql = dashboardStatements(query, today, settings);
  const trendPromise = withTrend ? getTrend(db, query, today, settings) : Promise.resolve([]);
  const [totals, byArea, byCity, byLeadUnit, investment, reporting, overdue, dueSoon, returned] = await Promise.all([
    db.$queryRaw<{ light: Light; count: bigint }[]>(sql.totals),
    db.$queryRaw<BreakdownRow[]>(sql.byArea),
    db.$queryRaw<BreakdownRow[]>(sql.byCity),
    db.$queryRaw<BreakdownRow[]>(sql.byLeadUnit),
    db.$queryRaw<{ planned: Prisma.Decimal | null; completed: Prisma.Decimal | null; hasSample: boolean }[]>(sql.investment),
    db.$queryRaw<{ due: bigint; submitted: bigint; approved: bigint }[]>(sql.reporting),
    db.$queryRaw<MeasureItem[]>(sql.overdue),
    db.$queryRaw<MeasureItem[]>(sql.dueSoon),
    db.$queryRaw<MeasureItem[]>(sql.returned),
  ]);

  const lightCounts = emptyLightCounts();
  for (const row of totals) lightCounts[row.light] = Number(row.count);
  const report = reporting[0]!;
  const trend = await trendPromise;
  return {
    trend,
    /** Whether any measure in scope carries sample data. */
    hasSample: investment[0]?.hasSample ?? false,
    total: Object.values(lightCounts).reduce((sum, count) => sum + count, 0),
    lightCounts,
    byArea: toBreakdown(byArea),
    byCity: toBreakdown(byCity),
    byLeadUnit: toBreakdown(byLeadUnit).sort((a, b) => b.total - a.total),
    investment: { planned: Number(investment[0]?.planned ?? 0), completed: Number(investment[0]?.completed ?? 0) },
    reporting: {
      due: Number(report.due),
      submitted: Number(report.submitted),
      approved: Number(report.approved),
      missing: Number(report.due) - Number(report.submitted),
    },
    lists: { overdue, dueSoon, returned },
  };
}

export type DashboardData = Awaited<ReturnType<typeof getDashboardData>>;
