import { StartupError } from "./startup-error.mjs";

/**
 * Demo mode (demo accounts with their published password, a demo banner on
 * every page): the embedded quick start, unless LUOSHI_DEMO=0, or any database
 * with LUOSHI_DEMO=1. The start script passes the answer on as LUOSHI_DEMO=1/0
 * (lib/demo/mode.ts reads it).
 */
export function demoModeFromEnv(env = process.env) {
  const value = env.LUOSHI_DEMO?.trim();
  if (value === undefined || value === "") return !env.DATABASE_URL;
  if (value === "1") return true;
  if (value === "0") return false;
  throw new StartupError(`LUOSHI_DEMO must be 1 (demo mode) or 0 (no demo accounts), got "${value}".`);
}
