import { Prisma } from "@/generated/prisma/client";
import type { MeasureStatus } from "@/generated/prisma/enums";

/**
 * Whether a measure counted as suspended at the end of a past month, replayed
 * from its suspension periods (MeasureSuspension, written by
 * lib/catalogue/suspend-measure.ts) rather than read from today's status: a
 * measure suspended today was not suspended last year, and one resumed today
 * still was in the months it was suspended.
 *
 * The month's as-of point is its end: midnight China time at the start of the
 * next month. A month counts as suspended iff a period covers that instant
 * (suspended at or before it, not resumed by then). A measure whose status is
 * SUSPENDED with no open period (set by an import or a script, no date known)
 * counts as suspended in every month, as before the history existed.
 *
 * suspendedAsOfSql is the same rule in SQL; tests/db/suspension-history.test.ts
 * checks that both agree.
 */

export interface SuspensionPeriod {
  suspendedAt: Date;
  resumedAt: Date | null;
}

const CHINA_OFFSET_MS = 8 * 3_600_000;

/** The end of a month ("YYYY-MM") as an instant: the next month's first midnight in China. */
export function monthEndInstant(month: string): Date {
  const [year, monthIndex] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
  return new Date(Date.UTC(year, monthIndex, 1) - CHINA_OFFSET_MS);
}

/** The rule: suspended at `instant`. */
export function wasSuspendedAt(measure: { status: MeasureStatus; suspensions: SuspensionPeriod[] }, instant: Date): boolean {
  const covered = measure.suspensions.some((period) => period.suspendedAt <= instant && (period.resumedAt === null || period.resumedAt > instant));
  if (covered) return true;
  return measure.status === "SUSPENDED" && !measure.suspensions.some((period) => period.resumedAt === null);
}

/** The rule at the end of `month`. */
export function wasSuspendedInMonth(measure: { status: MeasureStatus; suspensions: SuspensionPeriod[] }, month: string): boolean {
  return wasSuspendedAt(measure, monthEndInstant(month));
}

/** The end of the month `month` (a SQL date, the month's first day) as a timestamptz: the next month's first midnight in China. */
export function monthEndInstantSql(month: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(((${month} + interval '1 month')::timestamp - interval '8 hours') AT TIME ZONE 'UTC')`;
}

/** A suspension period `su` covers the instant. */
export function periodCoversSql(su: Prisma.Sql, instant: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(${su}."suspendedAt" <= ${instant} AND (${su}."resumedAt" IS NULL OR ${su}."resumedAt" > ${instant}))`;
}

/** A measure `measure` SUSPENDED with no open period (date unknown): suspended in every month. */
export function suspendedWithoutPeriodSql(measure: Prisma.Sql): Prisma.Sql {
  // NOT IN over a NOT NULL column: one hashed set, not a probe per measure.
  return Prisma.sql`(${measure}.status = 'SUSPENDED' AND ${measure}.id NOT IN (SELECT su."measureId" FROM "MeasureSuspension" su WHERE su."resumedAt" IS NULL))`;
}

/**
 * The rule in SQL, for the measure `measure` (an alias with id and status) at
 * the end of the month `month` (a SQL date, the month's first day). With a
 * constant month the subqueries are uncorrelated: each is one hashed set for
 * the whole statement. (The trend, over many months, joins the covered
 * measure-months instead: lib/dashboard/trend-sql.ts, same fragments.)
 */
export function suspendedAsOfSql(measure: Prisma.Sql, month: Prisma.Sql): Prisma.Sql {
  const covered = periodCoversSql(Prisma.sql`su`, monthEndInstantSql(month));
  return Prisma.sql`(${measure}.id IN (SELECT su."measureId" FROM "MeasureSuspension" su WHERE ${covered}) OR ${suspendedWithoutPeriodSql(measure)})`;
}
