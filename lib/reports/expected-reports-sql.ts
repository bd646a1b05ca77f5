import { Prisma } from "@/generated/prisma/client";

/**
 * Whether a month expects a report of a measure: it is under way (not completed
 * or suspended) and has started by the month's end. On any alias: the caller
 * gives the status and start date expressions.
 */
export function reportExpectedSql(status: Prisma.Sql, startDate: Prisma.Sql, periodEnd: Date): Prisma.Sql {
  return Prisma.sql`(${status} IN ('NOT_STARTED', 'IN_PROGRESS') AND (${startDate} IS NULL OR ${startDate} <= ${periodEnd}::date))`;
}

/**
 * The one rule for which reports a month expects: one from the lead unit of every
 * measure under way (not completed or suspended) that has started by the month's
 * end. Selects the rows of a CTE named `scoped` (columns id, status, "startDate",
 * "leadUnitId", ...) with the state of the lead unit's report of that month as
 * "reportState".
 */
export function expectedReportsSql(period: Date, periodEnd: Date): Prisma.Sql {
  return Prisma.sql`SELECT s.*, r.state AS "reportState" FROM scoped s
    LEFT JOIN "ProgressReport" r ON r."measureId" = s.id AND r."unitId" = s."leadUnitId" AND r.period = ${period}::date
    WHERE ${reportExpectedSql(Prisma.sql`s.status`, Prisma.sql`s."startDate"`, periodEnd)}`;
}

/** An expected report is missing until it is submitted: a draft or a returned report still counts as missing. */
export const reportMissingSql = Prisma.sql`("reportState" IS NULL OR "reportState" NOT IN ('SUBMITTED', 'APPROVED'))`;
