import PgBoss from "pg-boss";
import type { PrismaClient } from "@/lib/db/create-client";
import { logger, safeError } from "@/lib/observability/logger.mjs";
import { recordJobRun } from "@/lib/observability/metrics.mjs";
import { createSenders, deliverOne, type Senders, unsentDeliveryIds } from "@/lib/notifications/deliver";
import { BOSS_SCHEMA, DELIVER_QUEUE, type JobSettings, jobSettingsFromEnv } from "./job-settings";
import { DISPATCH_JOB, type ScheduledJob, scheduledJobs } from "./scheduled-jobs";

export interface JobRunner {
  stop(): Promise<void>;
  /** Queue every delivery still waiting (after a dispatch or digest run). */
  enqueueDeliveries(): Promise<number>;
}

export interface JobRunnerOptions {
  connectionString: string;
  db: PrismaClient;
  settings?: JobSettings;
  senders?: Senders;
  jobs?: ScheduledJob[];
  log?: (message: string) => void;
}

/**
 * Starts pg-boss in this process: the schedules of every scheduled job, a worker
 * for each, and the worker that sends mails and webhook calls. Every instance of
 * the app runs this; pg-boss hands each job to one worker (SKIP LOCKED), runs a
 * cron slot once across instances, keeps jobs in the database across restarts
 * and retries failures with exponential backoff.
 */
export async function startJobRunner(options: JobRunnerOptions): Promise<JobRunner> {
  const settings = options.settings ?? jobSettingsFromEnv();
  const jobs = options.jobs ?? scheduledJobs;
  const senders = options.senders ?? createSenders();
  const log = options.log ?? ((message: string) => console.log(`[luoshi] jobs: ${message}`));
  const { db } = options;

  const boss = new PgBoss({
    connectionString: options.connectionString,
    schema: BOSS_SCHEMA,
    max: settings.pool,
    application_name: "luoshi-jobs",
  });
  boss.on("error", (error) => {
    log(`queue error: ${error.message}`);
    logger().error({ event: "job-queue-error", err: safeError(error) }, "job queue error");
  });
  await boss.start();

  const polling = Math.max(0.5, Math.min(2, settings.dispatchIntervalSeconds / 2));
  const runner: JobRunner = {
    async enqueueDeliveries() {
      // The job's id is the delivery's: queuing it again while its job exists is a no-op.
      const ids = await unsentDeliveryIds(db);
      let queued = 0;
      for (let start = 0; start < ids.length; start += 500) {
        const chunk = ids.slice(start, start + 500).map((id) => ({ name: DELIVER_QUEUE, id, data: { deliveryId: id } }));
        // pg-boss 10 answers with the ids it inserted (its typings say void).
        const inserted = (await boss.insert(chunk)) as unknown as string[] | null;
        queued += inserted?.length ?? 0;
      }
      return queued;
    },
    async stop() {
      clearInterval(nudge);
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    },
  };

  await boss.createQueue(DELIVER_QUEUE, {
    name: DELIVER_QUEUE,
    policy: "standard",
    retryLimit: settings.deliveryRetryLimit,
    retryDelay: settings.deliveryRetryDelaySeconds,
    retryBackoff: true,
    expireInSeconds: 300,
  });
  await boss.updateQueue(DELIVER_QUEUE, {
    name: DELIVER_QUEUE,
    retryLimit: settings.deliveryRetryLimit,
    retryDelay: settings.deliveryRetryDelaySeconds,
    retryBackoff: true,
  });
  await boss.work<{ deliveryId: string }>(DELIVER_QUEUE, { pollingIntervalSeconds: polling }, async ([job]) => {
    if (job) await observedRun(DELIVER_QUEUE, () => deliverOne(db, job.data.deliveryId, senders), "debug");
  });

  for (const job of jobs) {
    await boss.createQueue(job.name, { name: job.name, policy: "standard", retryLimit: 3, retryDelay: 60, retryBackoff: true, expireInSeconds: 30 * 60 });
    await boss.schedule(job.name, job.cron, {}, { tz: job.tz ?? "Asia/Shanghai" });
    await boss.work(job.name, { pollingIntervalSeconds: polling }, () =>
      observedRun(job.name, async () => {
        await job.run(db, new Date());
        await runner.enqueueDeliveries();
        // The dispatcher runs every few seconds: its successes only at debug level.
      }, job.name === DISPATCH_JOB ? "debug" : "info"),
    );
  }

  // Between the cron's minutes each instance nudges the dispatcher; the singleton
  // window makes that one job per interval across all instances.
  const nudge = setInterval(() => {
    boss
      .send(DISPATCH_JOB, {}, { singletonKey: "nudge", singletonSeconds: settings.dispatchIntervalSeconds })
      .catch((error: Error) => log(`could not queue ${DISPATCH_JOB}: ${error.message}`));
  }, settings.dispatchIntervalSeconds * 1000);
  nudge.unref();

  log(`started (pg-boss schema "${BOSS_SCHEMA}", ${jobs.length} scheduled jobs, dispatch every ${settings.dispatchIntervalSeconds} s)`);
  return runner;
}

/**
 * Runs one job with a log line and metrics (luoshi_job_runs_total, its
 * duration); a failure is logged and rethrown, so pg-boss retries it.
 * Frequent jobs (each delivery) log their successes at debug level only.
 */
async function observedRun(job: string, run: () => Promise<unknown>, level: "info" | "debug" = "info"): Promise<void> {
  const started = process.hrtime.bigint();
  const seconds = () => Number(process.hrtime.bigint() - started) / 1e9;
  try {
    await run();
    const elapsed = seconds();
    recordJobRun(job, "ok", elapsed);
    logger()[level]({ event: "job", job, outcome: "ok", durationMs: Math.round(elapsed * 1000) }, "job run");
  } catch (error) {
    const elapsed = seconds();
    recordJobRun(job, "failed", elapsed);
    logger().error({ event: "job", job, outcome: "failed", durationMs: Math.round(elapsed * 1000), err: safeError(error) }, "job failed");
    throw error;
  }
}
