import type { PrismaClient } from "@/lib/db/create-client";
import type { EventType } from "@/lib/events/event-types";
import { todayInChina } from "@/lib/tracking/dates";
import { getTrackingSettings, type TrackingSettings } from "@/lib/tracking/settings";
import { measureDueReminders, milestoneReminders } from "./due-rules";
import { lightChangeReminders } from "./light-changed";
import { recordKeyedEvents } from "./record-events";
import type { KeyedEvent } from "./reminder-event";
import { reportReminderDay } from "./report-dates";
import { reportReminders } from "./report-rules";
import { getReminderSettings, type ReminderSettings } from "./settings";

/** The advisory lock the daily run holds for its transaction (any constant bigint; this one spells "REMIND"). */
export const REMINDERS_LOCK_KEY = 0x52454d494e44n;

export interface DailyRemindersResult {
  /** False when another instance held the lock: this run did nothing. */
  ran: boolean;
  day: string;
  /** New events recorded, by type. */
  emitted: Partial<Record<EventType, number>>;
  total: number;
}

export interface DailyRemindersOptions {
  /** Settings to use instead of the stored ones (tests). */
  tracking?: TrackingSettings;
  reminders?: ReminderSettings;
}

/**
 * The daily reminder run: register THIS function as the daily job
 * (`runDailyReminders(db, new Date())`). It evaluates every rule for China's
 * calendar day of `now` — report due soon / due today / missing, milestone and
 * measure due soon / overdue, light turned yellow or red — and records the
 * reminders in the DomainEvent outbox (recordKeyedEvents: emitEvents' rows, in
 * bulk), in one transaction. Every event has a deterministic key, so a re-run of the same day records nothing new; and the
 * transaction takes a Postgres advisory lock, so when several instances start it
 * at once one does the work and the others return `ran: false` (or, if they come
 * after it committed, find every key recorded). Works on PGlite and PostgreSQL.
 */
export async function runDailyReminders(db: PrismaClient, now: Date, options: DailyRemindersOptions = {}): Promise<DailyRemindersResult> {
  const today = todayInChina(now);
  const day = today.toISOString().slice(0, 10);
  const [tracking, reminders] = await Promise.all([
    options.tracking ?? getTrackingSettings(db),
    options.reminders ?? getReminderSettings(db),
  ]);
  return db.$transaction(
    async (tx) => {
      const [lock] = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(${REMINDERS_LOCK_KEY}::bigint) AS locked`;
      if (!lock?.locked) return { ran: false, day, emitted: {}, total: 0 };
      const events: KeyedEvent[] = [
        ...(await reportReminders(tx, reportReminderDay(today, tracking.reportingDay, reminders))),
        ...(await milestoneReminders(tx, today, reminders.milestoneDueDays)),
        ...(await measureDueReminders(tx, today, tracking.dueSoonDays)),
        ...(await lightChangeReminders(tx, today, tracking)),
      ];
      const emitted: Partial<Record<EventType, number>> = {};
      const total = await recordKeyedEvents(tx, events);
      for (const event of events) emitted[event.type] = (emitted[event.type] ?? 0) + 1;
      return { ran: true, day, emitted, total };
    },
    // Province volume takes seconds; a second instance waits for a connection, then finds the lock or the keys.
    { timeout: 300_000, maxWait: 120_000 },
  );
}
