import { Prisma } from "@/generated/prisma/client";
import { asOfDay } from "@/lib/tracking/as-of";
import { lightSql, measureStateSql, scopedMeasuresFrom } from "@/lib/measures/measure-sql";
import type { TrackingSettings } from "@/lib/tracking/settings";
import { monthEndInstantSql, periodCoversSql, suspendedWithoutPeriodSql } from "@/lib/tracking/suspension";
import type { DashboardQuery } from "./schemas";

type LightSettings = Pick<TrackingSettings, "paceMarginPercent" | "dueSoonDays">;

const monthDate = (month: string) => Prisma.sql`${`${month}-01`}::date`;

/**
 * Each measure's light and percent at the end of each month (the rules of
 * tracking/as-of.ts), rebuilt from the lead unit's report history in one statement: rather
 * than look up reports per measure and month, each approved or submitted report
 * is spread over the months it holds (until the next one) and joined to the
 * measure–month grid; so are suspension periods (the rule of
 * lib/tracking/suspension.ts, from the same fragments). Rows: "measureId", month (date), "areaId", percent, light.
 */
export function measureMonthsSql(measureWhere: Prisma.Sql, months: string[], today: Date, settings: LightSettings): Prisma.Sql {
  const last = monthDate(months.at(-1)!);
  // A literal list, not generate_series: the planner then knows how many rows
  // there are, and does not pick plans (or JIT compilation) sized for thousands.
  const monthRows = Prisma.join(months.map((month) => Prisma.sql`(${monthDate(month)})`));
  const todaySql = Prisma.sql`${today.toISOString().slice(0, 10)}::date`;
  return Prisma.sql`
    WITH base AS (
      SELECT m.id, m."areaId", m."leadUnitId", m."startDate", m."dueDate", m.status FROM ${scopedMeasuresFrom} WHERE ${measureWhere}
    ),
    months (month) AS (VALUES ${monthRows}),
    approved AS (
      SELECT x.*, lead(x.period) OVER (PARTITION BY x."measureId" ORDER BY x.period) AS next FROM (
        SELECT DISTINCT ON (r."measureId", r.period) r."measureId", r.period, r."percentComplete", r."isCompletion"
        FROM "ProgressReport" r JOIN base b ON b.id = r."measureId" AND r."unitId" = b."leadUnitId"
        WHERE r.state = 'APPROVED' AND r.period <= ${last}
        ORDER BY r."measureId", r.period, r."reviewedAt" DESC NULLS LAST
      ) x
    ),
    submitted AS (
      SELECT x.*, lead(x.period) OVER (PARTITION BY x."measureId" ORDER BY x.period) AS next FROM (
        SELECT DISTINCT ON (r."measureId", r.period) r."measureId", r.period, r.state
        FROM "ProgressReport" r JOIN base b ON b.id = r."measureId" AND r."unitId" = b."leadUnitId"
        WHERE r.state <> 'DRAFT' AND r.period <= ${last}
        ORDER BY r."measureId", r.period, r."updatedAt" DESC
      ) x
    ),
    approved_months AS (
      SELECT r."measureId", mo.month, r."percentComplete", r."isCompletion"
      FROM approved r JOIN months mo ON mo.month >= r.period AND (r.next IS NULL OR mo.month < r.next)
    ),
    submitted_months AS (
      SELECT r."measureId", mo.month, r.state
      FROM submitted r JOIN months mo ON mo.month >= r.period AND (r.next IS NULL OR mo.month < r.next)
    ),
    suspended_months AS (
      SELECT DISTINCT su."measureId", mo.month
      FROM "MeasureSuspension" su JOIN base b ON b.id = su."measureId" JOIN months mo ON ${periodCoversSql(Prisma.sql`su`, monthEndInstantSql(Prisma.sql`mo.month`))}
    ),
    grid AS (
      SELECT m.id, m."areaId", m."startDate", m."dueDate", mo.month,
             LEAST((mo.month + interval '1 month' - interval '1 day')::date, ${todaySql}) AS day,
             (CASE WHEN am."isCompletion" THEN 'COMPLETED' WHEN sp."measureId" IS NOT NULL OR ${suspendedWithoutPeriodSql(Prisma.sql`m`)} THEN 'SUSPENDED'
                   WHEN am."percentComplete" IS NULL THEN 'NOT_STARTED' ELSE 'IN_PROGRESS' END) AS status,
             COALESCE(am."percentComplete", 0) AS percent,
             sm.state AS latest_state
      FROM base m CROSS JOIN months mo
      LEFT JOIN approved_months am ON am."measureId" = m.id AND am.month = mo.month
      LEFT JOIN submitted_months sm ON sm."measureId" = m.id AND sm.month = mo.month
      LEFT JOIN suspended_months sp ON sp."measureId" = m.id AND sp.month = mo.month
    )
    SELECT m.id AS "measureId", m.month, m."areaId", m.percent,
           ${lightSql(Prisma.sql`m.day`, settings, { status: Prisma.sql`m.status`, percent: Prisma.sql`m.percent`, latestState: Prisma.sql`m.latest_state` })} AS light
    FROM grid m`;
}

/** Light counts and summed percent per month, computed from the report history (the reference the cache is checked against). */
export function trendSql(scopeWhere: Prisma.Sql, months: string[], today: Date, settings: LightSettings): Prisma.Sql {
  return Prisma.sql`SELECT to_char(month, 'YYYY-MM') AS month, light, count(*) AS count, sum(percent) AS percent
    FROM (${measureMonthsSql(scopeWhere, months, today, settings)}) s GROUP BY month, light`;
}

/**
 * The same figures for closed months, from the cache (trend-cache.ts must have
 * refreshed it): its sums by area when the scope is areas, else its rows.
 */
export function cachedTrendSql(query: Pick<DashboardQuery, "programme" | "area" | "city" | "leadUnit">, months: string[]): Prisma.Sql {
  const conditions = [Prisma.sql`s.month IN (${Prisma.join(months.map(monthDate))})`];
  if (query.programme) {
    conditions.push(Prisma.sql`s."areaId" IN (SELECT a.id FROM "Area" a JOIN "Programme" p ON p.id = a."programmeId" WHERE p.code = ${query.programme})`);
  }
  if (query.area) conditions.push(Prisma.sql`s."areaId" IN (SELECT a.id FROM "Area" a WHERE a.code = ${query.area})`);
  if (!query.city && !query.leadUnit) {
    return Prisma.sql`SELECT to_char(s.month, 'YYYY-MM') AS month, s.light, sum(s.count) AS count, sum(s.percent) AS percent
      FROM "TrendAreaMonth" s WHERE ${Prisma.join(conditions, " AND ")} GROUP BY s.month, s.light`;
  }
  if (query.city) {
    conditions.push(Prisma.sql`s."measureId" IN (SELECT mc."measureId" FROM "MeasureCity" mc JOIN "City" c ON c.id = mc."cityId" WHERE c.code = ${query.city})`);
  }
  if (query.leadUnit) {
    conditions.push(Prisma.sql`s."measureId" IN (SELECT m.id FROM "Measure" m JOIN "Unit" u ON u.id = m."leadUnitId" WHERE u.code = ${query.leadUnit})`);
  }
  return Prisma.sql`SELECT to_char(s.month, 'YYYY-MM') AS month, s.light, count(*) AS count, sum(s.percent) AS percent
    FROM "MeasureMonthState" s WHERE ${Prisma.join(conditions, " AND ")} GROUP BY s.month, s.light`;
}

/**
 * Each measure's light and percent at the end of one month (today, for the
 * current one), by looking up its reports up to that month: faster than
 * measureMonthsSql for a single month. Same rows.
 */
export function measureMonthSql(measureWhere: Prisma.Sql, month: string, today: Date, settings: LightSettings): Prisma.Sql {
  const { joins, state } = measureStateSql(month);
  return Prisma.sql`SELECT m.id AS "measureId", ${monthDate(month)} AS month, m."areaId", ${state.percent} AS percent,
      ${lightSql(asOfDay(month, today), settings, state)} AS light
    FROM ${scopedMeasuresFrom} ${joins} WHERE ${measureWhere}`;
}
