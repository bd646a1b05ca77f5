import { cleanOrphanAttachments } from "@/lib/attachments/clean-orphans";
import { backupScheduleFromEnv, runScheduledBackup } from "@/lib/backup/backup-job";
import type { PrismaClient } from "@/lib/db/create-client";
import { applyNoticeRules } from "@/lib/notices/apply-notice-rules";
import { queueDigests } from "@/lib/notifications/digest";
import { dispatchEvents } from "@/lib/notifications/dispatch-events";
import { runDailyReminders } from "@/lib/reminders/run-daily-reminders";
import { objectStore } from "@/lib/storage/create-object-store";

/**
 * A job the queue runs on a schedule. `run` does all the work with the database
 * and the instant it is given, so tests call it directly with a fixed `now`;
 * it must be idempotent (a second run of the same day changes nothing more),
 * because a job may be retried after a failure or a restart.
 */
export interface ScheduledJob {
  /** Queue name in pg-boss (letters, digits, - and _). */
  name: string;
  /** Cron expression in `tz` (default Asia/Shanghai); pg-boss runs it once per slot across all instances. */
  cron: string;
  tz?: string;
  run(db: PrismaClient, now: Date): Promise<unknown>;
}

export const DISPATCH_JOB = "dispatch-events";

/**
 * Every scheduled job. The daily rules only record events; people hear of them
 * through the next `dispatch-events` run.
 */
export const scheduledJobs: ScheduledJob[] = [
  // Every minute by the schedule, and every few seconds by each instance's nudge (see job-runner.ts).
  { name: DISPATCH_JOB, cron: "* * * * *", run: (db, now) => dispatchEvents(db, now) },
  // Reminders before office hours (China time): due soon, due today, missing, overdue, light turned yellow/red.
  { name: "daily-reminders", cron: "0 7 * * *", run: (db, now) => runDailyReminders(db, now) },
  // Automatic 督办 notices and escalation of unanswered ones, after the reminders.
  { name: "notice-rules", cron: "30 7 * * *", run: (db, now) => applyNoticeRules(db, now) },
  // One mail per person listing the day's events they chose to get as a digest.
  { name: "send-digest", cron: "0 18 * * *", run: (db, now) => queueDigests(db, now) },
  // Stored attachment bytes that no row names (an upload cut off between storing and its row), after an hour.
  { name: "attachment-orphans", cron: "17 * * * *", run: (db, now) => cleanOrphanAttachments(db, objectStore(), now) },
  // Backups with retention, when LUOSHI_BACKUP_CRON is set (docs/operations.md).
  ...backupJobs(),
];

function backupJobs(): ScheduledJob[] {
  const root = process.cwd();
  let schedule;
  try {
    schedule = backupScheduleFromEnv(root);
  } catch (error) {
    console.error(`[luoshi] jobs: no scheduled backups: ${error instanceof Error ? error.message : String(error)}`);
    return [];
  }
  return schedule ? [{ name: "database-backup", cron: schedule.cron, run: (_db, now) => runScheduledBackup(schedule, root, now) }] : [];
}
