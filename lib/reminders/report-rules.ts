import { Prisma } from "@/generated/prisma/client";
import { expectedReportsSql, reportMissingSql } from "@/lib/reports/expected-reports-sql";
import { isoDay, monthEnd, parsePeriod } from "@/lib/tracking/dates";
import { type CandidateRow, type KeyedEvent, toReminderEvent } from "./reminder-event";
import type { ReportReminderDay } from "./report-dates";

/**
 * The reminders for this period's reports the lead units have not submitted yet,
 * by the one rule of expected-reports-sql.ts (measures under way and started by
 * the month's end; a draft or returned report is still missing):
 * - report.dueSoon / report.dueToday → the lead unit (skipped when the unit is disabled);
 * - report.missing → the lead unit and the inspectors, once per repeat slot.
 * Keys: `<type>:<measureId>:<unitId>:<YYYY-MM>` (+ `:<slot>` for report.missing).
 * Rows whose key is already in the outbox are not selected again.
 */
export async function reportReminders(tx: Prisma.TransactionClient, day: ReportReminderDay): Promise<KeyedEvent[]> {
  if (day.kind === "none") return [];
  const periodStart = parsePeriod(day.period);
  const type = day.kind === "dueSoon" ? "report.dueSoon" : day.kind === "dueToday" ? "report.dueToday" : "report.missing";
  const suffix = day.kind === "missing" ? `:${day.slot}` : "";
  const rows = await tx.$queryRaw<CandidateRow[]>(Prisma.sql`
    WITH scoped AS (SELECT m.id, m.code, m."titleZh", m."titleEn", m.status, m."startDate", m."leadUnitId" FROM "Measure" m),
      expected AS (${expectedReportsSql(periodStart, monthEnd(periodStart))}),
      candidates AS (
        SELECT e.*, ${`${type}:`} || e.id || ':' || e."leadUnitId" || ${`:${day.period}${suffix}`} AS key
        FROM expected e WHERE ${reportMissingSql})
    SELECT c.key, c.id AS "measureId", 'Measure' AS "entityType", c.id AS "entityId", c.code, c."titleZh", c."titleEn",
           c."leadUnitId", u.active AS "unitActive"
    FROM candidates c JOIN "Unit" u ON u.id = c."leadUnitId"
    WHERE NOT EXISTS (SELECT 1 FROM "DomainEvent" d WHERE d.key = c.key)
      ${day.kind === "missing" ? Prisma.empty : Prisma.sql`AND u.active`}`);
  const base = { period: day.period, deadline: isoDay(day.deadline) };
  if (day.kind === "missing") {
    return rows.map((row) => toReminderEvent(type, row, ["INSPECTOR"], { ...base, daysLate: day.daysLate, repeat: day.slot }));
  }
  const daysLeft = day.kind === "dueSoon" ? day.daysLeft : 0;
  return rows.map((row) => toReminderEvent(type, row, [], { ...base, daysLeft }));
}
