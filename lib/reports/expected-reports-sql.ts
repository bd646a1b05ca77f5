import { Prisma } from "@/generated/prisma/client";

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
    WHERE s.status IN ('NOT_STARTED', 'IN_PROGRESS') AND (s."startDate" IS NULL OR s."startDate" <= ${periodEnd}::date)`;
}

/** An expected report is missing until it is submitted: a draft or a returned report still counts as missing. */
export const reportMissingSql = Prisma.sql`("reportState" IS NULL OR "reportState" NOT IN ('SUBMITTED', 'APPROVED'))`;
