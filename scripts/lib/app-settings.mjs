import { parseTrustedProxies } from "./client-address.mjs";
import { StartupError } from "./startup-error.mjs";

/** Whole-number settings the app reads when it loads (lib/auth/session-cookie.ts, lib/api-tokens). */
const WHOLE_NUMBER_SETTINGS = ["LUOSHI_SESSION_MAX_HOURS", "LUOSHI_SESSION_IDLE_MINUTES", "LUOSHI_API_TOKEN_DAYS"];

/**
 * Settings the web server reads, checked before it starts: a bad one stops the
 * start with one line instead of failing the supervised server on every restart.
 */
/** @param {Record<string, string | undefined>} env */
export function checkAppSettings(env = process.env) {
  try {
    parseTrustedProxies(env.LUOSHI_TRUSTED_PROXIES);
  } catch (error) {
    throw new StartupError(error.message);
  }
  for (const name of WHOLE_NUMBER_SETTINGS) {
    const raw = env[name]?.trim();
    if (raw && !(/^\d+$/.test(raw) && Number(raw) >= 1)) throw new StartupError(`${name} must be a whole number of at least 1 (got "${raw}").`);
  }
}
