import { Prisma } from "@/generated/prisma/client";
import { cacheWindow } from "@/lib/dashboard/trend-cache";
import type { PrismaClient } from "@/lib/db/create-client";
import { scopedMeasuresFrom, scopeWhereSql, type MeasureScope } from "@/lib/measures/measure-sql";
import { formatPeriod, monthOf } from "@/lib/tracking/dates";
import type { ForecastClass } from "./forecast";
import { loadForecasts } from "./load-forecasts";

/**
 * The forecast cache (MeasureForecastCache): every measure's forecast class and
 * finish month as of a month, one row per measure and as-of month, for the
 * current month and the closed months of the trend cache's window. A forecast
 * as of a month changes only when the measure's approved reports, dates,
 * status, lead unit, suspensions or ongoing flag change, and the trend cache's
 * triggers then drop ALL the measure's rows (migration 20261203180000), so a
 * late approval for a past month also drops that month's forecast. Fills take
 * the trend cache's exclusive advisory lock, which every invalidating write
 * takes shared, so a fill never misses a write it cannot see. Months leaving
 * the window are pruned at the next fill, so the cache holds at most 24 months.
 */

/** Shared with the triggers' pg_advisory_xact_lock_shared (lib/dashboard/trend-cache.ts). */
const fillLock = 7146021;

/** The as-of month ("YYYY-MM") a view reads from the cache (default this month), or null when it is outside the window and computed. */
export function cachedForecastMonth(asOf: string | undefined, today: Date): string | null {
  const month = asOf ?? formatPeriod(monthOf(today));
  return cacheWindow(today).includes(month) ? month : null;
}

/** Brings the cache up to date as of `asOf` (default this month; inside the window); returns how many measures were recomputed. */
export async function refreshForecastCache(db: PrismaClient, today: Date, asOf?: string): Promise<number> {
  const period = cachedForecastMonth(asOf, today);
  if (!period) throw new Error(`The forecast cache holds no month ${asOf}`);
  const month = `${period}-01`;
  // Rows exist only for existing measures (cascade), so equal counts mean all are fresh.
  const [check] = await db.$queryRaw<{ fresh: boolean }[]>`SELECT (SELECT count(*) FROM "Measure")
    = (SELECT count(*) FROM "MeasureForecastCache" f WHERE f.month = ${month}::date) AS fresh`;
  if (check?.fresh) return 0;
  const refilled = await db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${fillLock})`;
      await tx.$executeRaw`DELETE FROM "MeasureForecastCache" WHERE month < ${`${cacheWindow(today)[0]}-01`}::date`;
      const stale = await tx.$queryRaw<{ id: string }[]>`SELECT m.id FROM "Measure" m
        WHERE NOT EXISTS (SELECT 1 FROM "MeasureForecastCache" f WHERE f."measureId" = m.id AND f.month = ${month}::date)`;
      if (stale.length === 0) return 0;
      const ids = stale.map((row) => row.id);
      const forecasts = await loadForecasts(tx as unknown as PrismaClient, { where: Prisma.sql`m.id = ANY(${ids})`, asOf: period, today });
      const rows = JSON.stringify(forecasts.map((forecast) => ({ id: forecast.measureId, class: forecast.class, finish: forecast.finish })));
      await tx.$executeRaw`INSERT INTO "MeasureForecastCache" ("measureId", month, class, finish)
        SELECT x.id, ${month}::date, x.class, x.finish FROM json_to_recordset(${rows}::json) AS x(id text, class text, finish text)
        ON CONFLICT ("measureId", month) DO UPDATE SET class = EXCLUDED.class, finish = EXCLUDED.finish`;
      return forecasts.length;
    },
    { timeout: 300_000, maxWait: 30_000 },
  );
  if (refilled > 1000) await db.$executeRaw`ANALYZE "MeasureForecastCache"`;
  return refilled;
}

/**
 * An SQL condition on `m`: the measure's forecast as of `asOf` (default this
 * month) is of the class. A month of the window reads the cache (refreshed
 * first); an older month computes the scope's forecasts and keeps the ids.
 */
export async function forecastClassSql(
  db: PrismaClient,
  scope: MeasureScope & { asOf?: string },
  forecastClass: ForecastClass,
  today: Date,
  extra: Prisma.Sql[] = [],
): Promise<Prisma.Sql> {
  const month = cachedForecastMonth(scope.asOf, today);
  if (month) {
    await refreshForecastCache(db, today, month);
    return Prisma.sql`EXISTS (SELECT 1 FROM "MeasureForecastCache" f
      WHERE f."measureId" = m.id AND f.month = ${`${month}-01`}::date AND f.class = ${forecastClass})`;
  }
  const forecasts = await loadForecasts(db, { where: scopeWhereSql(scope, extra), asOf: scope.asOf, today });
  const ids = forecasts.filter((forecast) => forecast.class === forecastClass).map((forecast) => forecast.measureId);
  return Prisma.sql`m.id = ANY(${ids})`;
}

/** The ids of the scope's measures whose forecast is of the class, with extra conditions on `m`, `a`, `p`. */
export async function forecastClassIds(
  db: PrismaClient,
  scope: MeasureScope & { asOf?: string },
  forecastClass: ForecastClass,
  today: Date,
  extra: Prisma.Sql[] = [],
): Promise<string[]> {
  const condition = await forecastClassSql(db, scope, forecastClass, today, extra);
  const rows = await db.$queryRaw<{ id: string }[]>`SELECT m.id FROM ${scopedMeasuresFrom} WHERE ${scopeWhereSql(scope, [...extra, condition])}`;
  return rows.map((row) => row.id);
}
