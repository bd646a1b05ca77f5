import { Prisma } from "@/generated/prisma/client";
import { lightSql } from "@/lib/tracking/light-sql";
import type { TrackingSettings } from "@/lib/tracking/settings";

/**
 * The trend in one statement: for each month, each measure's state as of that
 * month's end (the rules of as-of.ts), counted by light. Rather than look up
 * reports per measure and month, each approved or submitted report is spread
 * over the months it holds (until the next one), and joined to the
 * measure–month grid.
 */
export function trendSql(
  scopeWhere: Prisma.Sql,
  months: string[],
  today: Date,
  settings: Pick<TrackingSettings, "paceMarginPercent" | "dueSoonDays">,
): Prisma.Sql {
  const last = Prisma.sql`${`${months.at(-1)}-01`}::date`;
  // A literal list, not generate_series: the planner then knows there are twelve
  // rows, and does not pick plans (or JIT compilation) sized for thousands.
  const monthRows = Prisma.join(months.map((month) => Prisma.sql`(${`${month}-01`}::date)`));
  const todaySql = Prisma.sql`${today.toISOString().slice(0, 10)}::date`;
  return Prisma.sql`
    WITH base AS (
      SELECT m.id, m."startDate", m."dueDate", m.status
      FROM "Measure" m JOIN "Area" a ON a.id = m."areaId" JOIN "Programme" p ON p.id = a."programmeId"
      WHERE ${scopeWhere}
    ),
    months (month) AS (VALUES ${monthRows}),
    approved AS (
      SELECT x.*, lead(x.period) OVER (PARTITION BY x."measureId" ORDER BY x.period) AS next FROM (
        SELECT DISTINCT ON (r."measureId", r.period) r."measureId", r.period, r."percentComplete", r."isCompletion"
        FROM "ProgressReport" r JOIN base b ON b.id = r."measureId"
        WHERE r.state = 'APPROVED' AND r.period <= ${last}
        ORDER BY r."measureId", r.period, r."reviewedAt" DESC NULLS LAST
      ) x
    ),
    submitted AS (
      SELECT x.*, lead(x.period) OVER (PARTITION BY x."measureId" ORDER BY x.period) AS next FROM (
        SELECT DISTINCT ON (r."measureId", r.period) r."measureId", r.period, r.state
        FROM "ProgressReport" r JOIN base b ON b.id = r."measureId"
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
    grid AS (
      SELECT m.id, m."startDate", m."dueDate", mo.month,
             LEAST((mo.month + interval '1 month' - interval '1 day')::date, ${todaySql}) AS day,
             (CASE WHEN am."isCompletion" THEN 'COMPLETED' WHEN m.status = 'SUSPENDED' THEN 'SUSPENDED'
                   WHEN am."percentComplete" IS NULL THEN 'NOT_STARTED' ELSE 'IN_PROGRESS' END) AS status,
             COALESCE(am."percentComplete", 0) AS percent,
             sm.state AS latest_state
      FROM base m CROSS JOIN months mo
      LEFT JOIN approved_months am ON am."measureId" = m.id AND am.month = mo.month
      LEFT JOIN submitted_months sm ON sm."measureId" = m.id AND sm.month = mo.month
    )
    SELECT to_char(month, 'YYYY-MM') AS month, light, count(*) AS count, sum(percent) AS percent
    FROM (
      SELECT m.month, m.percent,
             ${lightSql(Prisma.sql`m.day`, settings, { status: Prisma.sql`m.status`, percent: Prisma.sql`m.percent`, latestState: Prisma.sql`m.latest_state` })} AS light
      FROM grid m
    ) lit
    GROUP BY month, light`;
}
