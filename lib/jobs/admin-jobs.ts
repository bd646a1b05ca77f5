import cronParser from "cron-parser";
import type { PrismaClient } from "@/lib/db/create-client";
import { BOSS_SCHEMA, DELIVER_QUEUE, jobSettingsFromEnv } from "./job-settings";
import { scheduledJobs } from "./scheduled-jobs";

interface JobRow {
  name: string;
  state: string;
  started_on: Date | null;
  completed_on: Date | null;
  retry_count: number;
  message: string | null;
}

/** A webhook URL without its query (where robots keep their secret token). */
export function redactTarget(target: string): string {
  try {
    const url = new URL(target);
    return `${url.origin}${url.pathname}${url.search ? "?…" : ""}`;
  } catch {
    return target;
  }
}

function nextRun(cron: string, tz: string, now: Date): Date | null {
  try {
    return cronParser.parseExpression(cron, { currentDate: now, tz }).next().toDate();
  } catch {
    return null;
  }
}

/**
 * Everything /admin/jobs shows: each scheduled job's last run, state and next run
 * (from pg-boss's own tables), recent failures, failed deliveries, and events that
 * reached nobody or missed a unit without an active official.
 */
export async function loadJobsOverview(db: PrismaClient, now = new Date()) {
  const names = [...scheduledJobs.map((job) => job.name), DELIVER_QUEUE];
  const [{ ready }] = await db.$queryRawUnsafe<{ ready: boolean }[]>(`SELECT to_regclass('${BOSS_SCHEMA}.job') IS NOT NULL AND to_regclass('${BOSS_SCHEMA}.archive') IS NOT NULL AS ready`) as [{ ready: boolean }];
  let last: JobRow[] = [];
  let failures: JobRow[] = [];
  if (ready) {
    const all = `
      SELECT name, state::text AS state, started_on, completed_on, retry_count, output->>'message' AS message FROM ${BOSS_SCHEMA}.job WHERE name = ANY($1)
      UNION ALL
      SELECT name, state::text, started_on, completed_on, retry_count, output->>'message' FROM ${BOSS_SCHEMA}.archive WHERE name = ANY($1)`;
    last = await db.$queryRawUnsafe<JobRow[]>(
      `SELECT DISTINCT ON (name) * FROM (${all}) j WHERE started_on IS NOT NULL ORDER BY name, started_on DESC`,
      names,
    );
    failures = await db.$queryRawUnsafe<JobRow[]>(
      `SELECT * FROM (${all}) j WHERE state IN ('failed', 'retry') OR (state = 'active' AND retry_count > 0) ORDER BY COALESCE(completed_on, started_on) DESC NULLS LAST LIMIT 20`,
      names,
    );
  }
  const jobs = [...scheduledJobs.map((job) => ({ name: job.name, cron: job.cron, tz: job.tz ?? "Asia/Shanghai" })), { name: DELIVER_QUEUE, cron: null, tz: null }].map(
    (job) => {
      const row = last.find((r) => r.name === job.name);
      return {
        name: job.name,
        cron: job.cron,
        lastRun: row ? (row.completed_on ?? row.started_on) : null,
        state: row?.state ?? null,
        nextRun: job.cron && job.tz ? nextRun(job.cron, job.tz, now) : null,
      };
    },
  );

  const [failedDeliveries, pendingDeliveries, unreached] = await Promise.all([
    db.notificationDelivery.findMany({
      where: { state: "FAILED" },
      orderBy: { updatedAt: "desc" },
      take: 50,
      select: { id: true, key: true, channel: true, target: true, subject: true, attempts: true, lastError: true, updatedAt: true },
    }),
    db.notificationDelivery.count({ where: { state: "PENDING" } }),
    db.eventDispatchLog.findMany({
      where: { OR: [{ recipients: 0 }, { unitsWithoutOfficial: { isEmpty: false } }] },
      orderBy: { dispatchedAt: "desc" },
      take: 50,
    }),
  ]);
  const unitIds = [...new Set(unreached.flatMap((row) => row.unitsWithoutOfficial))];
  const units = new Map((await db.unit.findMany({ where: { id: { in: unitIds } }, select: { id: true, code: true, nameZh: true, nameEn: true } })).map((u) => [u.id, u]));
  return {
    enabled: jobSettingsFromEnv().enabled,
    queueReady: ready,
    jobs,
    failures: failures.map((f) => ({ name: f.name, state: f.state, at: f.completed_on ?? f.started_on, retries: f.retry_count, message: f.message })),
    failedDeliveries: failedDeliveries.map((d) => ({ ...d, target: d.channel === "WEBHOOK" ? redactTarget(d.target) : d.target })),
    pendingDeliveries,
    unreached: unreached.map((row) => ({
      eventId: String(row.eventId),
      type: row.type,
      recipients: row.recipients,
      dispatchedAt: row.dispatchedAt,
      units: row.unitsWithoutOfficial.map((id) => units.get(id) ?? { id, code: id, nameZh: id, nameEn: id }),
    })),
  };
}

export type JobsOverview = Awaited<ReturnType<typeof loadJobsOverview>>;
