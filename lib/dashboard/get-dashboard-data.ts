import { Prisma } from "@/generated/prisma/client";
import type { PrismaClient } from "@/lib/db/create-client";
import { emptyLightCounts, type Light } from "@/lib/tracking/light";
import { asOfDay } from "@/lib/tracking/as-of";
import { formatPeriod, isoDay, monthEnd, monthOf } from "@/lib/tracking/dates";
import { lightSql, measureStateSql, scopedMeasuresFrom, scopeWhereSql } from "@/lib/measures/measure-sql";
import type { TrackingSettings } from "@/lib/tracking/settings";
import type { DashboardQuery } from "./schemas";
import { expectedReportsSql, reportMissingSql } from "@/lib/reports/expected-reports-sql";
import { getTrendStart, readTrend } from "./trend";
import { cacheWindow, refreshTrendCache } from "./trend-cache";

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

/**
 * scopedSql with only the columns the breakdowns read. Read twice, the CTE is
 * materialized, columns and all: the narrow rows halve the statement's time.
 */
function scopedLightsSql(query: DashboardQuery, today: Date, settings: TrackingSettings): Prisma.Sql {
  const { joins, state } = measureStateSql(query.asOf);
  return Prisma.sql`scoped AS (
    SELECT m.id, m."areaId", m."leadUnitId", ${lightSql(asOfDay(query.asOf, today), settings, state)} AS light
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

function reportingSql(scoped: Prisma.Sql, period: Date, periodEnd: Date): Prisma.Sql {
  return Prisma.sql`WITH ${scoped}, expected AS (${expectedReportsSql(period, periodEnd)})
    SELECT count(*) AS due,
           count(*) FILTER (WHERE NOT ${reportMissingSql}) AS submitted,
           count(*) FILTER (WHERE "reportState" = 'APPROVED') AS approved
    FROM expected`;
}

/**
 * reportingSql at the end of the month before `day`. The rule reads only whether
 * each measure was under way then (neither completed nor suspended) and its start
 * date, so a month in the trend cache's window is read from there: its light is
 * COMPLETED or SUSPENDED exactly when the status as of then was (lightSql). The
 * cache must have been refreshed for `today` (getDashboardData does that first).
 * An older month is rebuilt from the report history.
 */
function previousReportingSql(query: DashboardQuery, day: Date, today: Date, settings: TrackingSettings): Prisma.Sql {
  const month = monthOf(day, -1);
  if (!cacheWindow(today).includes(formatPeriod(month))) {
    return reportingSql(scopedSql({ ...query, asOf: formatPeriod(month) }, today, settings), month, monthEnd(month));
  }
  // Only the measures under way then; whether not started or in progress does not matter to the rule.
  const scoped = Prisma.sql`scoped AS (
    SELECT m.id, m."leadUnitId", m."startDate", 'IN_PROGRESS' AS status
    FROM ${scopedMeasuresFrom} JOIN "MeasureMonthState" s ON s."measureId" = m.id AND s.month = ${isoDay(month)}::date
    WHERE ${scopeWhereSql(query, [Prisma.sql`s.light NOT IN ('COMPLETED', 'SUSPENDED')`])}
  )`;
  return reportingSql(scoped, month, monthEnd(month));
}

type ReportingRow = { due: bigint; submitted: bigint; approved: bigint };

/** Reports expected in the month, submitted (or approved), approved, and missing (expected, not submitted). */
function toReporting(row: ReportingRow) {
  return { due: Number(row.due), submitted: Number(row.submitted), approved: Number(row.approved), missing: Number(row.due) - Number(row.submitted) };
}

function difference<T extends Record<string, number>>(now: T, before: T): T {
  return Object.fromEntries(Object.entries(now).map(([key, value]) => [key, value - before[key]!])) as T;
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
    // Lights by area, lead unit and city in one statement, so the scope's lights are computed once
    // (the totals are the areas' sums: every measure has one area). Counted by id, in one
    // pass for areas and lead units (grouping sets), and named after counting.
    breakdowns: Prisma.sql`WITH ${scopedLightsSql(query, today, settings)},
      counts AS (SELECT "areaId", "leadUnitId", light, count(*) AS count FROM scoped GROUP BY GROUPING SETS (("areaId", light), ("leadUnitId", light)))
      SELECT 'area' AS kind, a.code, a."titleZh" AS "nameZh", a."titleEn" AS "nameEn", a."sortOrder" AS sort, c.light, c.count
      FROM counts c JOIN "Area" a ON a.id = c."areaId"
      UNION ALL
      SELECT 'leadUnit', u.code, u."nameZh", u."nameEn", 0, c.light, c.count
      FROM counts c JOIN "Unit" u ON u.id = c."leadUnitId"
      UNION ALL
      SELECT 'city', ci.code, ci."nameZh", ci."nameEn", ci."sortOrder", c.light, c.count
      FROM (SELECT mc."cityId", s.light, count(*) AS count FROM scoped s JOIN "MeasureCity" mc ON mc."measureId" = s.id GROUP BY mc."cityId", s.light) c
      JOIN "City" ci ON ci.id = c."cityId"`,
    investment: Prisma.sql`WITH ${scoped} SELECT sum("investmentPlanned") AS planned, sum("investmentCompleted") AS completed, coalesce(bool_or("isSample"), false) AS "hasSample",
      count(*) FILTER (WHERE "latestReportState" = 'RETURNED') AS returned FROM scoped`,
    reporting: reportingSql(scoped, period, periodEnd),
    // The same figures at the end of the month before, for the cards' change.
    previousReporting: previousReportingSql(query, day, today, settings),
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
  // The trend, its first month and last month's reporting figures all read the trend cache.
  const trendPromise = withTrend
    ? refreshTrendCache(db, today, settings).then(() =>
        Promise.all([readTrend(db, query, today, settings), getTrendStart(db, query, today), db.$queryRaw<ReportingRow[]>(sql.previousReporting)]),
      )
    : Promise.resolve(null);
  const [breakdowns, investment, reporting, overdue, dueSoon, returned] = await Promise.all([
    db.$queryRaw<(BreakdownRow & { kind: "area" | "leadUnit" | "city" })[]>(sql.breakdowns),
    db.$queryRaw<{ planned: Prisma.Decimal | null; completed: Prisma.Decimal | null; hasSample: boolean; returned: bigint }[]>(sql.investment),
    db.$queryRaw<ReportingRow[]>(sql.reporting),
    db.$queryRaw<MeasureItem[]>(sql.overdue),
    db.$queryRaw<MeasureItem[]>(sql.dueSoon),
    db.$queryRaw<MeasureItem[]>(sql.returned),
  ]);

  const byKind = (kind: "area" | "leadUnit" | "city") => breakdowns.filter((row) => row.kind === kind);
  const lightCounts = emptyLightCounts();
  for (const row of byKind("area")) lightCounts[row.light] += Number(row.count);
  const total = Object.values(lightCounts).reduce((sum, count) => sum + count, 0);
  const [trend, trendStart, previousReporting] = (await trendPromise) ?? [[], null, null];
  // The month before the one shown, as the trend rebuilt it (the same as-of rules).
  const previous = trend.at(-2);
  return {
    trend,
    /** The first month with an approved report in scope: the trend is drawn from there. */
    trendStart,
    /** Change since the end of the month before (null where the trend was not computed). */
    changes: previous && previousReporting?.[0]
      ? {
          total: total - Object.values(previous.lights).reduce((sum, count) => sum + count, 0),
          lights: difference(lightCounts, previous.lights),
          reporting: difference(toReporting(reporting[0]!), toReporting(previousReporting[0])),
        }
      : null,
    /** Whether any measure in scope carries sample data. */
    hasSample: investment[0]?.hasSample ?? false,
    total,
    lightCounts,
    byArea: toBreakdown(byKind("area")),
    byCity: toBreakdown(byKind("city")),
    byLeadUnit: toBreakdown(byKind("leadUnit")).sort((a, b) => b.total - a.total),
    investment: { planned: Number(investment[0]?.planned ?? 0), completed: Number(investment[0]?.completed ?? 0) },
    reporting: toReporting(reporting[0]!),
    lists: { overdue, dueSoon, returned, returnedCount: Number(investment[0]?.returned ?? 0) },
  };
}

export type DashboardData = Awaited<ReturnType<typeof getDashboardData>>;
