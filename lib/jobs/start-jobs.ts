import { db } from "@/lib/db";
import { SQL_POOL } from "@/lib/db/create-client";
import { logger } from "@/lib/observability/logger.mjs";
import { registerJobQueue } from "@/lib/observability/metrics.mjs";
import { type JobRunner, startJobRunner } from "./job-runner";
import { BOSS_SCHEMA, jobSettingsFromEnv } from "./job-settings";

const globalForJobs = globalThis as unknown as { luoshiJobs?: Promise<JobRunner | null> };

const log = (message: string) => logger().info({ event: "jobs" }, `jobs: ${message}`);

/**
 * Starts the job queue in this server process, once (instrumentation.ts calls it
 * when the app boots). Off with LUOSHI_JOBS=off. A database that cannot be
 * reached yet is tried again every 30 s; the web server starts regardless.
 */
export function startJobsFromEnv(env: NodeJS.ProcessEnv = process.env): Promise<JobRunner | null> {
  if (globalForJobs.luoshiJobs) return globalForJobs.luoshiJobs;
  const settings = jobSettingsFromEnv(env);
  const connectionString = env.DATABASE_URL;
  if (!settings.enabled || !connectionString) {
    log(settings.enabled ? "not started: DATABASE_URL is not set" : "off (LUOSHI_JOBS=off)");
    return (globalForJobs.luoshiJobs = Promise.resolve(null));
  }
  const attempt = async (): Promise<JobRunner | null> => {
    try {
      const runner = await startJobRunner({ connectionString, db, settings, log });
      // /metrics counts the queue's jobs by state, read through the app's pool at scrape time.
      registerJobQueue((db as unknown as Record<symbol, import("pg").Pool>)[SQL_POOL], BOSS_SCHEMA);
      for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, () => void runner.stop().catch(() => {}));
      return runner;
    } catch (error) {
      log(`could not start (${error instanceof Error ? error.message : String(error)}); trying again in 30 s`);
      await new Promise((resolve) => setTimeout(resolve, 30_000).unref());
      return attempt();
    }
  };
  return (globalForJobs.luoshiJobs = attempt());
}

/** Whether this process runs the job queue (for /admin/jobs). */
export const jobsEnabled = () => jobSettingsFromEnv().enabled;
