import { Prisma } from "@/generated/prisma/client";
import type { PrismaClient } from "@/lib/db/create-client";
import { formatPeriod, isoDay, monthOf } from "@/lib/tracking/dates";
import type { TrackingSettings } from "@/lib/tracking/settings";
import { measureMonthSql, measureMonthsSql } from "./trend-sql";

/**
 * The trend's cache: every measure's light and percent at the end of each of the
 * closed months before the current one, and in the current month as of today
 * (MeasureMonthState). A month's figures change only when the measure's reports,
 * dates, status or area change, and database triggers (migration 20261128090000)
 * then drop the measure's MeasureTrendCache row; the next refresh recomputes just
 * those measures. The current month is recomputed for everyone once a day.
 * Beside it, each measure's first month with an approved report (MeasureTrendStart),
 * rewritten whenever its marker was dropped.
 */

/** Closed months kept: enough for the twelve-month trend as of any month of the past year. */
export const cachedMonthCount = 23;

/** Shared with the triggers' pg_advisory_xact_lock_shared. */
const fillLock = 7146021;

/** The months the cache holds for `today`: the closed ones, then the current one. */
export function cacheWindow(today: Date): string[] {
  return Array.from({ length: cachedMonthCount + 1 }, (_, index) => formatPeriod(monthOf(today, index - cachedMonthCount)));
}

type StaleMeasure = { id: string; fromMonth: Date | null; throughMonth: Date | null; sameDay: boolean | null; sameSettings: boolean | null };

/**
 * Stale measures grouped by what they still hold: a measure whose marker was
 * dropped starts over; one cached under the same settings on another day keeps
 * the months that were closed then and are in the window now.
 */
function groupByMissingMonths(stale: StaleMeasure[], window: string[]) {
  const groups = new Map<string, { ids: string[]; kept: string[]; missing: string[] }>();
  for (const row of stale) {
    const [from, through] = [row.fromMonth && formatPeriod(row.fromMonth), row.throughMonth && formatPeriod(row.throughMonth)];
    // The marker's last month was the current one, valid on its day only.
    const kept = row.sameSettings && from && through ? window.filter((month) => month >= from && (month < through || (month === through && row.sameDay))) : [];
    const missing = window.filter((month) => !kept.includes(month));
    const group = groups.get(missing.join()) ?? { ids: [], kept, missing };
    group.ids.push(row.id);
    groups.set(missing.join(), group);
  }
  return groups.values();
}

/** The light rule's settings a cached row was computed with. */
const settingsKey = (settings: Pick<TrackingSettings, "paceMarginPercent" | "dueSoonDays">) =>
  `pace=${settings.paceMarginPercent};dueSoon=${settings.dueSoonDays}`;

/** Brings the cache up to date for `today` and the settings; returns how many measures were recomputed. */
export async function refreshTrendCache(db: PrismaClient, today: Date, settings: TrackingSettings): Promise<number> {
  const months = cacheWindow(today);
  const [from, through, key, day] = [`${months[0]}-01`, `${months.at(-1)}-01`, settingsKey(settings), isoDay(today)];
  const current = Prisma.sql`k."fromMonth" = ${from}::date AND k."throughMonth" = ${through}::date AND k."asOfDay" = ${day}::date AND k."settingsKey" = ${key}`;
  // Counting, not an anti-join: cheap whatever the planner believes about the
  // cache's size (one row per measure at most, and only for existing measures).
  const [check] = await db.$queryRaw<{ fresh: boolean }[]>`SELECT (SELECT count(*) FROM "Measure")
    = (SELECT count(*) FROM "MeasureTrendCache" k WHERE ${current}) AS fresh`;
  if (check?.fresh) return 0;

  const refilled = await db.$transaction(
    async (tx) => {
      // Waits for writers in flight; the statements below then see their commits,
      // and writers after this point wait for the fill and drop what it wrote.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${fillLock})`;
      const stale = await tx.$queryRaw<StaleMeasure[]>`SELECT m.id, k."fromMonth", k."throughMonth", k."asOfDay" = ${day}::date AS "sameDay", k."settingsKey" = ${key} AS "sameSettings"
        FROM "Measure" m LEFT JOIN "MeasureTrendCache" k ON k."measureId" = m.id
        WHERE k."measureId" IS NULL OR NOT (${current})`;
      for (const { ids, kept, missing } of groupByMissingMonths(stale, months)) {
        await tx.$executeRaw`DELETE FROM "MeasureMonthState" WHERE "measureId" = ANY(${ids}) AND NOT (to_char(month, 'YYYY-MM') = ANY(${kept}))`;
        const where = Prisma.sql`m.id = ANY(${ids})`;
        const insert = Prisma.sql`INSERT INTO "MeasureMonthState" ("measureId", month, "areaId", percent, light)`;
        // A month or two (a new day, or the month turned): look up each measure's reports; more: one pass over all reports.
        if (missing.length <= 2) {
          for (const month of missing) await tx.$executeRaw`${insert} ${measureMonthSql(where, month, today, settings)}`;
        } else {
          await tx.$executeRaw`${insert} ${measureMonthsSql(where, missing, today, settings)}`;
        }
      }
      // A dropped marker means a report or the lead unit may have changed: the first approved month too (MeasureTrendStart).
      const restarted = stale.filter((row) => row.fromMonth === null).map((row) => row.id);
      if (restarted.length) {
        await tx.$executeRaw`INSERT INTO "MeasureTrendStart" ("measureId", "firstApprovedPeriod")
          SELECT m.id, (SELECT min(r.period) FROM "ProgressReport" r WHERE r."measureId" = m.id AND r."unitId" = m."leadUnitId" AND r.state = 'APPROVED')
          FROM "Measure" m WHERE m.id = ANY(${restarted})
          ON CONFLICT ("measureId") DO UPDATE SET "firstApprovedPeriod" = EXCLUDED."firstApprovedPeriod"`;
      }
      const ids = stale.map((row) => row.id);
      await tx.$executeRaw`INSERT INTO "MeasureTrendCache" ("measureId", "fromMonth", "throughMonth", "asOfDay", "settingsKey")
        SELECT id, ${from}::date, ${through}::date, ${day}::date, ${key} FROM unnest(${ids}::text[]) AS id
        ON CONFLICT ("measureId") DO UPDATE SET "fromMonth" = EXCLUDED."fromMonth", "throughMonth" = EXCLUDED."throughMonth",
          "asOfDay" = EXCLUDED."asOfDay", "settingsKey" = EXCLUDED."settingsKey"`;
      return ids.length;
    },
    { timeout: 300_000, maxWait: 30_000 },
  );
  // After a large fill the planner needs to know the cache's new size to read it well.
  if (refilled > 1000) await db.$executeRaw`ANALYZE "MeasureMonthState", "MeasureTrendCache", "MeasureTrendStart"`;
  return refilled;
}
