import { Prisma } from "@/generated/prisma/client";
import { lightSql, type MeasureScope, measureStateSql, scopedMeasuresFrom, scopeWhereSql } from "@/lib/measures/measure-sql";
import { expectedReportsSql } from "@/lib/reports/expected-reports-sql";
import type { TrackingSettings } from "@/lib/tracking/settings";
import { suspendedAsOfSql } from "@/lib/tracking/suspension";

/*
 * The four set-based statements behind a month's unit scores (docs/scoring.md).
 * Each returns one row per item that counts (a measure, an expected report, a
 * notice, a return) with its unit; compute-unit-scores.ts adds them up. Exposed so
 * the benchmark runs the identical statements.
 */

/** The month being scored, as dates and as China-time instants. */
export interface ScoringMonth {
  /** "YYYY-MM" */
  month: string;
  /** "YYYY-MM" of the month before (the state a month starts from). */
  previous: string;
  /** First and last calendar day (UTC midnight, as `date` columns). */
  period: Date;
  periodEnd: Date;
  /** The day the month is judged on: its last day, or today if that is earlier. */
  day: Date;
  /** The month's first instant and the next month's first instant, in China time. */
  startsAt: Date;
  endsAt: Date;
}

const isoDay = (date: Date) => date.toISOString().slice(0, 10);
const measureColumns = Prisma.sql`m.id AS "measureId", m.code, m."titleZh", m."titleEn", m."isSample"`;

/**
 * Every measure the unit leads, in scope, started by the month's end and not
 * suspended at the month's end (its suspension periods, lib/tracking/suspension.ts), with its light at the end of the month as rebuilt from the report
 * history (measureStateSql + lightSql, as the dashboard's "as of"). Completed
 * measures come back too (light COMPLETED) and are left out of the share.
 */
export function measureLightsSql(month: ScoringMonth, scope: MeasureScope, settings: TrackingSettings): Prisma.Sql {
  const { joins, state } = measureStateSql(month.month);
  return Prisma.sql`SELECT ${measureColumns}, m."leadUnitId" AS "unitId", m."dueDate",
      ${lightSql(month.day, settings, state)} AS light
    FROM ${scopedMeasuresFrom} ${joins}
    WHERE ${scopeWhereSql(scope, [
      Prisma.sql`NOT ${suspendedAsOfSql(Prisma.sql`m`, Prisma.sql`${`${month.month}-01`}::date`)}`,
      Prisma.sql`(m."startDate" IS NULL OR m."startDate" <= ${isoDay(month.periodEnd)}::date)`,
    ])}`;
}

/**
 * The month's expected reports by the one rule of expected-reports-sql.ts, applied
 * to each measure's state at the START of the month (the end of the month before),
 * so a measure closed out by this month's report still expected that report. With
 * the instant the report was first submitted: the earliest "report.submit" audit
 * event, or its submittedAt (reports written before the audit trail, or imported).
 */
export function expectedReportsForScoringSql(month: ScoringMonth, scope: MeasureScope): Prisma.Sql {
  const { joins, state } = measureStateSql(month.previous);
  return Prisma.sql`WITH scoped AS (
      SELECT ${measureColumns}, m.id, m."startDate", m."leadUnitId", ${state.status} AS status
      FROM ${scopedMeasuresFrom} ${joins}
      WHERE ${scopeWhereSql(scope)}
    ), expected AS (${expectedReportsSql(month.period, month.periodEnd)})
    SELECT e."measureId", e.code, e."titleZh", e."titleEn", e."isSample", e."leadUnitId" AS "unitId",
           r.id AS "reportId", r.state AS "reportState",
           LEAST(r."submittedAt", (SELECT min(ev."createdAt") FROM "AuditEvent" ev
             WHERE ev."entityType" = 'ProgressReport' AND ev."entityId" = r.id AND ev.action = 'report.submit')) AS "firstSubmittedAt"
    FROM expected e
    LEFT JOIN "ProgressReport" r ON r."measureId" = e.id AND r."unitId" = e."leadUnitId" AND r.period = ${isoDay(month.period)}::date`;
}

/**
 * The notices whose reply was due in the month, per LEAD recipient unit (a
 * cooperating unit may reply for its part, but is not required to), with the
 * instant of that unit's first reply.
 */
export function noticesDueSql(month: ScoringMonth, scope: MeasureScope): Prisma.Sql {
  return Prisma.sql`SELECT ${measureColumns}, nr."unitId", n.id AS "noticeId", n.year, n.number, n."replyDueDate",
      (SELECT min(rp."createdAt") FROM "NoticeReply" rp WHERE rp."noticeId" = n.id AND rp."unitId" = nr."unitId") AS "firstReplyAt"
    FROM "Notice" n
    JOIN "NoticeRecipient" nr ON nr."noticeId" = n.id AND nr."isLead"
    JOIN ${scopedMeasuresFrom} ON m.id = n."measureId"
    WHERE ${scopeWhereSql(scope, [
      Prisma.sql`n."replyDueDate" >= ${isoDay(month.period)}::date`,
      Prisma.sql`n."replyDueDate" <= ${isoDay(month.periodEnd)}::date`,
    ])}`;
}

/**
 * Every return of one of the unit's reports (lead or cooperating) during the
 * month, China time: each "report.return" audit event; a report returned before
 * the audit trail recorded returns (sample or imported data) counts once, at its
 * reviewedAt, while it is still RETURNED.
 */
export function returnsSql(month: ScoringMonth, scope: MeasureScope): Prisma.Sql {
  const from = month.startsAt.toISOString();
  const to = month.endsAt.toISOString();
  return Prisma.sql`SELECT ${measureColumns}, r."unitId", r.id AS "reportId", r.period, ev."createdAt" AS "returnedAt"
    FROM "AuditEvent" ev
    JOIN "ProgressReport" r ON r.id = ev."entityId"
    JOIN ${scopedMeasuresFrom} ON m.id = r."measureId"
    WHERE ${scopeWhereSql(scope, [
      Prisma.sql`ev."entityType" = 'ProgressReport'`,
      Prisma.sql`ev.action = 'report.return'`,
      Prisma.sql`ev."createdAt" >= ${from}::timestamptz`,
      Prisma.sql`ev."createdAt" < ${to}::timestamptz`,
    ])}
    UNION ALL
    SELECT ${measureColumns}, r."unitId", r.id AS "reportId", r.period, r."reviewedAt" AS "returnedAt"
    FROM "ProgressReport" r
    JOIN ${scopedMeasuresFrom} ON m.id = r."measureId"
    WHERE ${scopeWhereSql(scope, [
      Prisma.sql`r.state = 'RETURNED'`,
      Prisma.sql`r."reviewedAt" >= ${from}::timestamptz`,
      Prisma.sql`r."reviewedAt" < ${to}::timestamptz`,
      Prisma.sql`NOT EXISTS (SELECT 1 FROM "AuditEvent" ev WHERE ev."entityType" = 'ProgressReport' AND ev."entityId" = r.id AND ev.action = 'report.return')`,
    ])}`;
}
