/** Settings next-auth and our session reader must agree on. */

/** A whole number setting of at least `min`, or its default when unset. */
function wholeNumberSetting(env: Record<string, string | undefined>, name: string, fallback: number, min: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(value) || value < min) {
    throw new Error(`${name} must be a whole number of at least ${min} (got "${raw}")`);
  }
  return value;
}

/**
 * How long a browser session lives: at most `maxHours` after signing in
 * (LUOSHI_SESSION_MAX_HOURS, default 12; never extended by activity), and it
 * ends after `idleMinutes` without a request (LUOSHI_SESSION_IDLE_MINUTES,
 * default 60).
 */
export function sessionLimits(env: Record<string, string | undefined> = process.env) {
  const maxHours = wholeNumberSetting(env, "LUOSHI_SESSION_MAX_HOURS", 12, 1);
  const idleMinutes = wholeNumberSetting(env, "LUOSHI_SESSION_IDLE_MINUTES", 60, 1);
  return { maxHours, idleMinutes, maxAgeMs: maxHours * 3_600_000, idleMs: idleMinutes * 60_000 };
}

/** The cookie and JWT lifetime next-auth is given: the absolute session lifetime. */
export const SESSION_MAX_AGE_SECONDS = sessionLimits().maxHours * 60 * 60;

export function usesSecureCookies(): boolean {
  return (process.env.NEXTAUTH_URL ?? "").startsWith("https://");
}

export function sessionCookieName(): string {
  return `${usesSecureCookies() ? "__Secure-" : ""}next-auth.session-token`;
}

export function authSecret(): string {
  const secret = process.env.NEXTAUTH_SECRET;
  if (!secret) throw new Error("NEXTAUTH_SECRET is not set; start the app with `npm start`.");
  return secret;
}
