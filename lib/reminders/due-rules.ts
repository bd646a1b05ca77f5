import { Prisma } from "@/generated/prisma/client";
import { isoDay } from "@/lib/tracking/dates";
import { type CandidateRow, type KeyedEvent, toReminderEvent } from "./reminder-event";

type DueRow = CandidateRow & { dueDate: Date; daysLeft: number; milestoneZh?: string; milestoneEn?: string };

const dayParam = (day: Date) => Prisma.sql`${isoDay(day)}::date`;

/**
 * Milestones not completed, of measures under way, due within `windowDays`
 * (0 = due today) → milestone.dueSoon to the lead unit; past their due date →
 * milestone.overdue to the lead unit and the inspectors. Keys name the milestone
 * and its due date (`milestone.dueSoon:<milestoneId>:<YYYY-MM-DD>`), so a moved
 * due date is reminded again and the same one never twice.
 */
export async function milestoneReminders(tx: Prisma.TransactionClient, today: Date, windowDays: number): Promise<KeyedEvent[]> {
  const day = dayParam(today);
  const rows = await tx.$queryRaw<DueRow[]>(Prisma.sql`
    WITH candidates AS (
      SELECT ms.id AS "entityId", ms."titleZh" AS "milestoneZh", ms."titleEn" AS "milestoneEn", ms."dueDate",
             (ms."dueDate" - ${day})::int AS "daysLeft", m.id AS "measureId", m.code, m."titleZh", m."titleEn", m."leadUnitId",
             (CASE WHEN ms."dueDate" < ${day} THEN 'milestone.overdue:' ELSE 'milestone.dueSoon:' END)
               || ms.id || ':' || to_char(ms."dueDate", 'YYYY-MM-DD') AS key
      FROM "Milestone" ms JOIN "Measure" m ON m.id = ms."measureId"
      WHERE ms."completedOn" IS NULL AND m.status IN ('NOT_STARTED', 'IN_PROGRESS')
        AND ms."dueDate" <= ${day} + ${windowDays}::int)
    SELECT c.*, 'Milestone' AS "entityType", u.active AS "unitActive"
    FROM candidates c JOIN "Unit" u ON u.id = c."leadUnitId"
    WHERE NOT EXISTS (SELECT 1 FROM "DomainEvent" d WHERE d.key = c.key)
      AND (c."daysLeft" < 0 OR u.active)`);
  return rows.map(({ milestoneZh, milestoneEn, dueDate, daysLeft, ...row }) => {
    const payload = { milestoneZh: milestoneZh ?? "", milestoneEn: milestoneEn ?? "", dueDate: isoDay(dueDate), daysLeft };
    return daysLeft < 0
      ? toReminderEvent("milestone.overdue", row, ["INSPECTOR"], payload)
      : toReminderEvent("milestone.dueSoon", row, [], payload);
  });
}

/**
 * Measures under way due within `windowDays` (the blue-light window, dueSoonDays;
 * 0 = due today) → measure.dueSoon to the lead unit; past their due date →
 * measure.overdue to the lead unit and the inspectors. Keys name the measure and
 * its due date (`measure.overdue:<measureId>:<YYYY-MM-DD>`): an extension that
 * moves the date is reminded anew.
 */
export async function measureDueReminders(tx: Prisma.TransactionClient, today: Date, windowDays: number): Promise<KeyedEvent[]> {
  const day = dayParam(today);
  const rows = await tx.$queryRaw<DueRow[]>(Prisma.sql`
    WITH candidates AS (
      SELECT m.id AS "measureId", m.id AS "entityId", m.code, m."titleZh", m."titleEn", m."leadUnitId", m."dueDate",
             (m."dueDate" - ${day})::int AS "daysLeft",
             (CASE WHEN m."dueDate" < ${day} THEN 'measure.overdue:' ELSE 'measure.dueSoon:' END)
               || m.id || ':' || to_char(m."dueDate", 'YYYY-MM-DD') AS key
      FROM "Measure" m
      WHERE m.status IN ('NOT_STARTED', 'IN_PROGRESS') AND m."dueDate" <= ${day} + ${windowDays}::int)
    SELECT c.*, 'Measure' AS "entityType", u.active AS "unitActive"
    FROM candidates c JOIN "Unit" u ON u.id = c."leadUnitId"
    WHERE NOT EXISTS (SELECT 1 FROM "DomainEvent" d WHERE d.key = c.key)
      AND (c."daysLeft" < 0 OR u.active)`);
  return rows.map(({ dueDate, daysLeft, ...row }) => {
    const payload = { dueDate: isoDay(dueDate), daysLeft };
    return daysLeft < 0 ? toReminderEvent("measure.overdue", row, ["INSPECTOR"], payload) : toReminderEvent("measure.dueSoon", row, [], payload);
  });
}
