import { z } from "zod";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { PrismaClient } from "@/lib/db/create-client";

/**
 * Login throttling (docs/security.md "Login"). Failures are counted per client
 * address, and per login name from one address. Past a number of free failures
 * each further attempt must wait, and the wait doubles with every failure (up to a
 * maximum): guessing slows to a crawl, but nobody can lock a name out for everyone
 * else, and one busy office address only slows down after many failures.
 *
 * An attempt is counted BEFORE its password is checked, in one atomic upsert that
 * refuses when the key is blocked; a correct password gives the count back. So
 * concurrent attempts are counted exactly and cannot slip through together.
 */
export interface LoginThrottleSettings {
  /** Failures of one login name from one address before delays start. */
  freeFailuresPerName: number;
  /** Failures from one address (any names) before delays start. */
  freeFailuresPerAddress: number;
  /** The first delay; it doubles with every further failure. */
  firstDelayMs: number;
  maxDelayMs: number;
  /** Failures are forgotten this long after the last one; also one throttle audit row per key per window. */
  windowMs: number;
}

const count = (fallback: number, min: number, max: number) => z.coerce.number().int().min(min).max(max).default(fallback);
const envSchema = z.object({
  LUOSHI_LOGIN_FREE_FAILURES_PER_NAME: count(5, 1, 1000),
  LUOSHI_LOGIN_FREE_FAILURES_PER_ADDRESS: count(20, 1, 100_000),
  LUOSHI_LOGIN_DELAY_SECONDS: count(30, 1, 86_400),
  LUOSHI_LOGIN_MAX_DELAY_SECONDS: count(900, 1, 86_400),
  LUOSHI_LOGIN_WINDOW_MINUTES: count(60, 1, 10_080),
});

/** The settings from LUOSHI_LOGIN_* (see docs/security.md); an invalid value is an error, not a silent default. */
export function loginThrottleSettingsFromEnv(env: Record<string, string | undefined> = process.env): LoginThrottleSettings {
  const present = Object.fromEntries(Object.keys(envSchema.shape).map((key) => [key, env[key]?.trim() || undefined]));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    throw new Error(`Invalid login throttle setting: ${parsed.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`).join("; ")}`);
  }
  const values = parsed.data;
  return {
    freeFailuresPerName: values.LUOSHI_LOGIN_FREE_FAILURES_PER_NAME,
    freeFailuresPerAddress: values.LUOSHI_LOGIN_FREE_FAILURES_PER_ADDRESS,
    firstDelayMs: values.LUOSHI_LOGIN_DELAY_SECONDS * 1000,
    maxDelayMs: Math.max(values.LUOSHI_LOGIN_MAX_DELAY_SECONDS, values.LUOSHI_LOGIN_DELAY_SECONDS) * 1000,
    windowMs: values.LUOSHI_LOGIN_WINDOW_MINUTES * 60_000,
  };
}

let envSettings: LoginThrottleSettings | undefined;
/** The process's settings, read once. */
export function loginThrottleSettings(): LoginThrottleSettings {
  return (envSettings ??= loginThrottleSettingsFromEnv());
}

/** The wait after the `failures`-th failure: none while free, then first, 2×first, 4×first … up to the maximum. */
export function loginDelayMs(failures: number, free: number, settings: LoginThrottleSettings): number {
  if (failures < free) return 0;
  const doublings = Math.min(failures - free, 40);
  return Math.min(settings.firstDelayMs * 2 ** doublings, settings.maxDelayMs);
}

export type ThrottleScope = "address" | "name";
export interface ThrottleKey {
  scope: ThrottleScope;
  address: string;
  loginName: string;
}

export type LoginClaim =
  | { ok: true; keys: ThrottleKey[] }
  | { ok: false; blockedBy: ThrottleKey; blockedUntil: Date | null };

// Short transactions, but a burst of attempts queues for the connection (PGlite has one
// writer): wait for it rather than fail the sign-in.
const TX_OPTIONS = { maxWait: 15_000, timeout: 15_000 };

class Blocked extends Error {
  constructor(readonly key: ThrottleKey) {
    super("blocked");
  }
}

function keysFor(loginName: string, address: string): ThrottleKey[] {
  return [
    { scope: "address", address, loginName: "" },
    { scope: "name", address, loginName },
  ];
}

/**
 * Counts one attempt for the address and for the name from that address, unless
 * either is blocked (then nothing is counted). One transaction: both or neither.
 */
export async function claimLoginAttempt(
  db: PrismaClient,
  attempt: { loginName: string; address: string },
  settings: LoginThrottleSettings = loginThrottleSettings(),
  now = new Date(),
): Promise<LoginClaim> {
  const keys = keysFor(attempt.loginName, attempt.address);
  const windowStart = new Date(now.getTime() - settings.windowMs);
  try {
    await db.$transaction(async (tx) => {
      for (const key of keys) {
        // Locks the row until the transaction ends: a concurrent attempt waits, then
        // sees the new count and block (ON CONFLICT re-checks its WHERE on the latest row).
        const rows = await tx.$queryRaw<{ failures: number }[]>`
          INSERT INTO "LoginThrottle" ("scope", "address", "loginName", "failures", "lastFailureAt", "blockedUntil")
          VALUES (${key.scope}, ${key.address}, ${key.loginName}, 1, ${now}, ${now})
          ON CONFLICT ("scope", "address", "loginName") DO UPDATE SET
            "failures" = CASE WHEN "LoginThrottle"."lastFailureAt" < ${windowStart} THEN 1 ELSE "LoginThrottle"."failures" + 1 END,
            "lastFailureAt" = ${now}
          WHERE "LoginThrottle"."blockedUntil" <= ${now}
          RETURNING "failures"`;
        const claimed = rows[0];
        if (!claimed) throw new Blocked(key);
        const free = key.scope === "name" ? settings.freeFailuresPerName : settings.freeFailuresPerAddress;
        const delay = loginDelayMs(Number(claimed.failures), free, settings);
        if (delay > 0) {
          await tx.$executeRaw`
            UPDATE "LoginThrottle" SET "blockedUntil" = ${new Date(now.getTime() + delay)}
            WHERE "scope" = ${key.scope} AND "address" = ${key.address} AND "loginName" = ${key.loginName}`;
        }
      }
    }, TX_OPTIONS);
    return { ok: true, keys };
  } catch (error) {
    if (!(error instanceof Blocked)) throw error;
    const row = await db.loginThrottle.findUnique({
      where: { scope_address_loginName: { scope: error.key.scope, address: error.key.address, loginName: error.key.loginName } },
      select: { blockedUntil: true },
    });
    return { ok: false, blockedBy: error.key, blockedUntil: row?.blockedUntil ?? null };
  }
}

/**
 * After a correct password: the name's failures from this address are forgotten,
 * and the attempt counted for the address is given back (with its delay, if it
 * was the one that started one).
 */
export async function releaseLoginAttempt(
  db: PrismaClient,
  keys: ThrottleKey[],
  settings: LoginThrottleSettings = loginThrottleSettings(),
  now = new Date(),
): Promise<void> {
  await db.$transaction(async (tx) => {
    for (const key of keys) {
      if (key.scope === "name") {
        await tx.loginThrottle.deleteMany({ where: { scope: "name", address: key.address, loginName: key.loginName } });
        continue;
      }
      await tx.$executeRaw`
        UPDATE "LoginThrottle" SET
          "failures" = GREATEST("failures" - 1, 0),
          "blockedUntil" = CASE WHEN "failures" - 1 < ${settings.freeFailuresPerAddress} THEN LEAST("blockedUntil", ${now}) ELSE "blockedUntil" END
        WHERE "scope" = ${key.scope} AND "address" = ${key.address} AND "loginName" = ${key.loginName}`;
    }
  }, TX_OPTIONS);
}

/**
 * A refused attempt: counted on its key; the first one of a window (per key) is
 * audited, with the count of refused attempts so far, so a flood of attempts
 * adds at most one audit row per key per window.
 */
export async function recordThrottledAttempt(
  db: PrismaClient,
  key: ThrottleKey,
  settings: LoginThrottleSettings = loginThrottleSettings(),
  now = new Date(),
): Promise<boolean> {
  const windowStart = new Date(now.getTime() - settings.windowMs);
  return db.$transaction(async (tx) => {
    // The first statement locks the row, so the second sees any concurrent audit: exactly one per window.
    await tx.$executeRaw`
      UPDATE "LoginThrottle" SET "throttledAttempts" = "throttledAttempts" + 1
      WHERE "scope" = ${key.scope} AND "address" = ${key.address} AND "loginName" = ${key.loginName}`;
    const rows = await tx.$queryRaw<{ throttledAttempts: number; failures: number; blockedUntil: Date }[]>`
      UPDATE "LoginThrottle" SET "throttleAuditedAt" = ${now}
      WHERE "scope" = ${key.scope} AND "address" = ${key.address} AND "loginName" = ${key.loginName}
        AND ("throttleAuditedAt" IS NULL OR "throttleAuditedAt" < ${windowStart})
      RETURNING "throttledAttempts", "failures", "blockedUntil"`;
    const row = rows[0];
    if (!row) return false;
    await recordAuditEvent(tx, {
      actorId: null,
      action: "auth.login.throttled",
      entityType: key.scope === "name" ? "Login" : "LoginAddress",
      entityId: key.scope === "name" ? key.loginName : key.address,
      after: {
        ip: key.address,
        ...(key.scope === "name" ? { loginName: key.loginName } : {}),
        failures: Number(row.failures),
        throttledAttempts: Number(row.throttledAttempts),
        blockedUntil: row.blockedUntil.toISOString(),
        windowMinutes: Math.round(settings.windowMs / 60_000),
      },
    });
    return true;
  }, TX_OPTIONS);
}

/** Forgets keys whose last failure is older than the window and that are no longer blocked. */
export async function pruneLoginThrottle(
  db: PrismaClient,
  settings: LoginThrottleSettings = loginThrottleSettings(),
  now = new Date(),
): Promise<number> {
  const windowStart = new Date(now.getTime() - settings.windowMs);
  return db.loginThrottle.deleteMany({ where: { lastFailureAt: { lt: windowStart }, blockedUntil: { lt: now } } }).then((result) => result.count);
}

const PRUNE_EVERY_MS = 60_000;
let lastPrunedAt = 0;
/** Prunes at most once a minute per process (called after failed attempts). */
export async function pruneLoginThrottleNowAndThen(db: PrismaClient, settings?: LoginThrottleSettings, now = new Date()): Promise<void> {
  if (now.getTime() - lastPrunedAt < PRUNE_EVERY_MS) return;
  lastPrunedAt = now.getTime();
  await pruneLoginThrottle(db, settings, now);
}
