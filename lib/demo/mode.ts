/**
 * Demo mode: the embedded quick start (`npm start` without DATABASE_URL) or
 * `LUOSHI_DEMO=1`. Only then does the seed create the demo accounts with their
 * published password, and every page shows the demo banner. The start script
 * decides and passes `LUOSHI_DEMO=1` or `0` on to the web server and the seed.
 */
export function isDemoMode(env: Record<string, string | undefined> = process.env): boolean {
  return env.LUOSHI_DEMO === "1";
}

/**
 * Password of every demo account, published in the README and on the demo
 * banner: seeded only in demo mode. It passes the app's own password rule like
 * any other password.
 */
export const DEMO_PASSWORD = "Luoshi-Demo-2026";
