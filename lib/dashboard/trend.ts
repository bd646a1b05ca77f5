import { Prisma } from "@/generated/prisma/client";
import type { PrismaClient } from "@/lib/db/create-client";
import { asOfDay } from "@/lib/tracking/as-of";
import { formatPeriod, monthOf } from "@/lib/tracking/dates";
import { emptyLightCounts, type Light } from "@/lib/tracking/light";
import type { TrackingSettings } from "@/lib/tracking/settings";
import type { DashboardQuery } from "./schemas";
import { scopedMeasuresFrom, scopeWhereSql } from "@/lib/measures/measure-sql";
import { cacheWindow, refreshTrendCache } from "./trend-cache";
import { cachedTrendSql, trendSql } from "./trend-sql";

export interface TrendPoint {
  month: string;
  averagePercent: number;
  lights: Record<Light, number>;
}

/** The twelve months up to the as-of month (or this month), oldest first, as YYYY-MM. */
export function trendMonths(query: DashboardQuery, today: Date): string[] {
  const end = asOfDay(query.asOf, today);
  return Array.from({ length: 12 }, (_, index) => formatPeriod(monthOf(end, index - 11)));
}

/**
 * The statements that give the trend: months in the cache's window from the
 * cache, months older than that (an as-of view more than a year back) from the
 * report history.
 */
export function trendStatements(query: DashboardQuery, today: Date, settings: TrackingSettings): Prisma.Sql[] {
  const months = trendMonths(query, today);
  const window = new Set(cacheWindow(today));
  const cached = months.filter((month) => window.has(month));
  const older = months.filter((month) => !window.has(month));
  return [
    ...(cached.length ? [cachedTrendSql(query, cached)] : []),
    ...(older.length ? [trendSql(scopeWhereSql(query), older, today, settings)] : []),
  ];
}

type TrendRow = { month: string; light: Light; count: bigint; percent: bigint | null };

/** Per month of the last twelve: light counts and average completion, as the report history gives them. */
export async function getTrend(db: PrismaClient, query: DashboardQuery, today: Date, settings: TrackingSettings): Promise<TrendPoint[]> {
  await refreshTrendCache(db, today, settings);
  return readTrend(db, query, today, settings);
}

/** getTrend from a trend cache already refreshed for `today` and the settings. */
export async function readTrend(db: PrismaClient, query: DashboardQuery, today: Date, settings: TrackingSettings): Promise<TrendPoint[]> {
  const rows = (await Promise.all(trendStatements(query, today, settings).map((sql) => db.$queryRaw<TrendRow[]>(sql)))).flat();
  return trendMonths(query, today).map((month) => {
    const counts = emptyLightCounts();
    let measures = 0;
    let percent = 0;
    for (const row of rows.filter((candidate) => candidate.month === month)) {
      counts[row.light] = Number(row.count);
      measures += Number(row.count);
      percent += Number(row.percent ?? 0);
    }
    return { month, averagePercent: measures ? Math.round((percent / measures) * 10) / 10 : 0, lights: counts };
  });
}

/**
 * The first month (YYYY-MM) up to the as-of month with a lead unit's approved
 * report on a measure in scope, or null. Before it nothing is known: those months
 * would draw as 0 % complete, a jump that never happened (see trend-start.ts).
 * From each measure's first approved month (MeasureTrendStart, kept by
 * refreshTrendCache, which must have run): the earliest of those up to the
 * as-of month is the earliest approved report up to it.
 */
export async function getTrendStart(db: PrismaClient, query: DashboardQuery, today: Date): Promise<string | null> {
  const [row] = await db.$queryRaw<{ first: Date | null }[]>(trendStartSql(query, today));
  return row?.first ? formatPeriod(row.first) : null;
}

/** getTrendStart's statement (the benchmark runs it bare). */
export function trendStartSql(query: DashboardQuery, today: Date): Prisma.Sql {
  const last = `${formatPeriod(monthOf(asOfDay(query.asOf, today)))}-01`;
  return Prisma.sql`SELECT min(t."firstApprovedPeriod") FILTER (WHERE t."firstApprovedPeriod" <= ${last}::date) AS first
    FROM ${scopedMeasuresFrom} JOIN "MeasureTrendStart" t ON t."measureId" = m.id
    WHERE ${scopeWhereSql(query)}`;
}
