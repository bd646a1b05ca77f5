// Settings of the start script's supervision of the web server (scripts/start.mjs).
import { StartupError } from "./startup-error.mjs";

/**
 * The restart delays of the web server (docs/operations.md, "Supervision").
 * @param {Record<string, string | undefined>} [env]
 */
export function supervisionSettingsFromEnv(env = process.env) {
  const number = (name, fallback) => {
    const raw = env[name];
    if (raw === undefined || raw === "") return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 1) throw new StartupError(`${name} must be a whole number of at least 1 (got "${raw}").`);
    return value;
  };
  const initialDelayMs = number("LUOSHI_RESTART_DELAY_MS", 1_000);
  return {
    initialDelayMs,
    maxDelayMs: Math.max(initialDelayMs, number("LUOSHI_RESTART_MAX_DELAY_MS", 30_000)),
    stableAfterMs: 60_000,
  };
}
