import { Prisma } from "@/generated/prisma/client";
import { z } from "zod";
import { lenient } from "@/lib/validation/lenient";
import { monthString } from "@/lib/validation/period";
import { isoDate, monthEnd } from "./dates";
import type { MeasureStateSql } from "./light-sql";

/** "As of" a past month, from the URL: YYYY-MM; anything else means "now". */
const monthSchema = monthString().meta({ description: "As it stood at the end of this month (YYYY-MM)." });
export const asOfSchema = lenient(
  z.preprocess((value) => (value === "" ? undefined : value), monthSchema.optional()),
  undefined,
  monthSchema,
);

/** The day a view is computed for: the last day of the as-of month, or today if that is earlier. */
export function asOfDay(asOf: string | undefined, today: Date): Date {
  if (!asOf) return today;
  const end = monthEnd(isoDate(`${asOf}-01`));
  return end < today ? end : today;
}

/**
 * How to read a measure's state on measure `m`: now (its own columns), or as of
 * the end of a month, rebuilt from the LEAD unit's report history (cooperating
 * units' reports never count) — percent from the latest approved report up to that month (0 before any), completed if that report was
 * a completion report, investment completed as that report gave it, and the
 * latest submitted report up to that month.
 * Due dates are today's (extensions are not replayed).
 */
export function measureStateSql(asOf: string | undefined): { joins: Prisma.Sql; state: MeasureStateSql } {
  if (!asOf) {
    return {
      joins: Prisma.empty,
      state: {
        status: Prisma.sql`m.status`,
        percent: Prisma.sql`m."percentComplete"`,
        latestState: Prisma.sql`m."latestReportState"`,
        latestPeriod: Prisma.sql`m."latestReportPeriod"`,
        investmentCompleted: Prisma.sql`m."investmentCompleted"`,
      },
    };
  }
  const month = Prisma.sql`${`${asOf}-01`}::date`;
  return {
    joins: Prisma.sql`
      LEFT JOIN LATERAL (
        SELECT r."percentComplete", r."isCompletion", r."investmentCompleted" FROM "ProgressReport" r
        WHERE r."measureId" = m.id AND r."unitId" = m."leadUnitId" AND r.state = 'APPROVED' AND r.period <= ${month}
        ORDER BY r.period DESC, r."reviewedAt" DESC NULLS LAST LIMIT 1
      ) approved ON TRUE
      LEFT JOIN LATERAL (
        SELECT r.state, r.period FROM "ProgressReport" r
        WHERE r."measureId" = m.id AND r."unitId" = m."leadUnitId" AND r.state <> 'DRAFT' AND r.period <= ${month}
        ORDER BY r.period DESC, r."updatedAt" DESC LIMIT 1
      ) submitted ON TRUE`,
    state: {
      status: Prisma.sql`(CASE WHEN approved."isCompletion" THEN 'COMPLETED' WHEN m.status = 'SUSPENDED' THEN 'SUSPENDED'
        WHEN approved."percentComplete" IS NULL THEN 'NOT_STARTED' ELSE 'IN_PROGRESS' END)::"MeasureStatus"`,
      percent: Prisma.sql`COALESCE(approved."percentComplete", 0)`,
      latestState: Prisma.sql`submitted.state`,
      latestPeriod: Prisma.sql`submitted.period`,
      investmentCompleted: Prisma.sql`approved."investmentCompleted"`,
    },
  };
}
