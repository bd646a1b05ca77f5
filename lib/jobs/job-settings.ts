/**
 * The job queue's settings from the environment (documented in docs/operations.md).
 *   LUOSHI_JOBS=off                  no scheduler and no senders in this process (tests; a web-only instance)
 *   LUOSHI_DISPATCH_INTERVAL_SECONDS how often events are dispatched (default 10; at least 1)
 *   LUOSHI_JOBS_POOL                 connections pg-boss may open (default 4)
 *   LUOSHI_DELIVERY_RETRY_LIMIT      retries of a failed mail/webhook call (default 8)
 *   LUOSHI_DELIVERY_RETRY_DELAY_SECONDS  first retry delay, doubled each time (default 30)
 */
export interface JobSettings {
  enabled: boolean;
  dispatchIntervalSeconds: number;
  pool: number;
  deliveryRetryLimit: number;
  deliveryRetryDelaySeconds: number;
}

function positiveNumber(env: NodeJS.ProcessEnv, name: string, fallback: number, min = 1): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min) throw new Error(`${name} must be a number ≥ ${min}, not "${raw}".`);
  return value;
}

export function jobSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): JobSettings {
  const flag = (env.LUOSHI_JOBS ?? "").trim().toLowerCase();
  return {
    enabled: !["off", "0", "false", "no"].includes(flag),
    dispatchIntervalSeconds: positiveNumber(env, "LUOSHI_DISPATCH_INTERVAL_SECONDS", 10),
    pool: Math.floor(positiveNumber(env, "LUOSHI_JOBS_POOL", 4, 2)),
    deliveryRetryLimit: Math.floor(positiveNumber(env, "LUOSHI_DELIVERY_RETRY_LIMIT", 8, 0)),
    deliveryRetryDelaySeconds: Math.floor(positiveNumber(env, "LUOSHI_DELIVERY_RETRY_DELAY_SECONDS", 30)),
  };
}

/** pg-boss keeps its tables in this schema of the app's database. */
export const BOSS_SCHEMA = "pgboss";
export const DELIVER_QUEUE = "deliver";
