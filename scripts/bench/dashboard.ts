// `npm run bench:dashboard`: all dashboard data at 10,000 measures and 120,000
// reports on a real PostgreSQL server, through the app's code and as bare SQL;
// then the timeline of 3,000 measures rendered by the production server.
// `-- --database URL` times the dashboard on an existing database instead (for
// example luoshi_load of `npm run bench:seed`, with its 600,000 reports);
// `-- --view-cache-only` then times only the view cache (scripts/bench/view-cache.ts).
import { spawn } from "node:child_process";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { getDashboardData, dashboardStatements } from "@/lib/dashboard/get-dashboard-data";
import { dashboardQuerySchema } from "@/lib/dashboard/schemas";
import { getForecastMissCard } from "@/lib/dashboard/forecast-miss";
import { refreshForecastCache } from "@/lib/forecast/forecast-cache";
import { trendStartSql, trendStatements } from "@/lib/dashboard/trend";
import { cachedMonthCount, refreshTrendCache } from "@/lib/dashboard/trend-cache";
import { createPrismaClient } from "@/lib/db/create-client";
import { defaultTrackingSettings } from "@/lib/tracking/settings";
import { seedAll } from "@/prisma/seed/seed-all";
import { DEMO_PASSWORD } from "@/lib/demo/mode";
import { freshBenchDatabase, generateLedgerData } from "./bench-database";
import { machineLine, percentile, time } from "./stats";
import { benchViewCache } from "./view-cache";

const today = new Date("2026-11-28T00:00:00Z");
const scopes: Record<string, string>[] = [{}, { programme: "P2" }, { area: "2.1" }, { city: "jinan" }, { city: "zibo", area: "2.4" }];

const databaseArgument = process.argv.indexOf("--database");
const existingDatabase = databaseArgument >= 0 ? process.argv[databaseArgument + 1] : undefined;

async function benchDashboard() {
  const url = existingDatabase ?? (await freshBenchDatabase());
  const db = createPrismaClient(url);
  const volume = existingDatabase ? await countVolume(url) : await generate(db, url);
  if (process.argv.includes("--view-cache-only")) {
    // Only the view cache's figures, on a database whose caches are filled (after a full run).
    console.log(`Machine: ${await machineLine(url)}\nData: ${volume.measures} measures, ${volume.reports} progress reports`);
    await benchViewCache(db, url, today, scopes);
    return db.$disconnect();
  }
  // The app's pool runs the nine statements concurrently; the bare run does the same on an equal pg pool.
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  console.log(`Machine: ${await machineLine(url)}; load average ${os.loadavg().map((load) => load.toFixed(1)).join(" ")}`);
  console.log(`Data: ${volume.measures} measures, ${volume.reports} progress reports\n`);
  // The trend cache is filled once for all measures (first view of a month, or after a settings change) ...
  const fill = performance.now();
  const filled = await refreshTrendCache(db, today, defaultTrackingSettings);
  console.log(`Trend cache, first fill: ${filled} measures × ${cachedMonthCount + 1} months in ${(performance.now() - fill).toFixed(0)} ms`);
  // ... and afterwards only for the measures whose reports, dates or status changed.
  await pool.query(`UPDATE "ProgressReport" SET "percentComplete" = "percentComplete" WHERE id IN (SELECT id FROM "ProgressReport" ORDER BY id LIMIT 20)`);
  const refill = performance.now();
  const refilled = await refreshTrendCache(db, today, defaultTrackingSettings);
  console.log(`Trend cache, after 20 reports changed: ${refilled} measures recomputed in ${(performance.now() - refill).toFixed(0)} ms\n`);
  console.log("| scope | app p50 ms | app p95 ms | bare SQL p50 ms | bare SQL p95 ms | p95 app / bare |");
  console.log("|---|---|---|---|---|---|");
  for (const params of scopes) {
    const query = dashboardQuerySchema.parse(params);
    const statements = [
      ...Object.values(dashboardStatements(query, today, defaultTrackingSettings)),
      ...trendStatements(query, today, defaultTrackingSettings),
      trendStartSql(query, today),
    ];
    const app = await time(() => getDashboardData(db, query, today, defaultTrackingSettings), { runs: 20 });
    const bare = await time(() => Promise.all(statements.map((sql) => pool.query(sql.text, sql.values as unknown[]))), { runs: 20 });
    const [a50, a95, b50, b95] = [percentile(app, 50), percentile(app, 95), percentile(bare, 50), percentile(bare, 95)];
    console.log(`| \`${new URLSearchParams(params).toString() || "(all)"}\` | ${a50.toFixed(1)} | ${a95.toFixed(1)} | ${b50.toFixed(1)} | ${b95.toFixed(1)} | ${(a95 / b95).toFixed(2)} |`);
  }
  // The forecast cache (docs/forecast.md): its first fill, then the dashboard with the forecast card, as the page loads them.
  const forecastFill = performance.now();
  const forecastFilled = await refreshForecastCache(db, today);
  console.log(`\nForecast cache, first fill: ${forecastFilled} measures in ${(performance.now() - forecastFill).toFixed(0)} ms\n`);
  console.log("| scope | with forecast card p50 ms | p95 ms |");
  console.log("|---|---|---|");
  for (const params of scopes) {
    const query = dashboardQuerySchema.parse(params);
    const runs = await time(() => Promise.all([getDashboardData(db, query, today, defaultTrackingSettings), getForecastMissCard(db, query, today)]), { runs: 20 });
    console.log(`| \`${new URLSearchParams(params).toString() || "(all)"}\` | ${percentile(runs, 50).toFixed(1)} | ${percentile(runs, 95).toFixed(1)} |`);
  }
  await benchViewCache(db, url, today, scopes);
  // A new day: every measure's current month is recomputed.
  const day = performance.now();
  const dayCount = await refreshTrendCache(db, new Date("2026-11-29T00:00:00Z"), defaultTrackingSettings);
  console.log(`\nTrend cache, on a new day: ${dayCount} measures' current month in ${(performance.now() - day).toFixed(0)} ms`);
  // The month turns: every measure gains one closed month, looked up per measure.
  const turn = performance.now();
  const turned = await refreshTrendCache(db, new Date("2026-12-02T00:00:00Z"), defaultTrackingSettings);
  console.log(`Trend cache, when the month turns: ${turned} measures gain a month in ${(performance.now() - turn).toFixed(0)} ms`);
  await pool.end();
  await db.$disconnect();
}

async function generate(db: ReturnType<typeof createPrismaClient>, url: string) {
  await seedAll(db, { now: new Date("2026-11-28T04:00:00Z") });
  return generateLedgerData(url);
}

async function countVolume(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query(`SELECT (SELECT count(*) FROM "Measure")::int AS measures, (SELECT count(*) FROM "ProgressReport")::int AS reports`);
  await client.end();
  return rows[0] as { measures: number; reports: number };
}

/** Times GET /timeline on the production build against 3,000 measures. */
async function benchTimeline() {
  const url = await freshBenchDatabase("luoshi_bench_timeline");
  const db = createPrismaClient(url);
  await seedAll(db, { now: new Date("2026-11-28T04:00:00Z") });
  const volume = await generateLedgerData(url, { measures: 3_000 - 36, months: 1 });
  await db.$disconnect();
  const port = 3990;
  const root = path.resolve(import.meta.dirname, "..", "..");
  const server = spawn(process.execPath, ["scripts/start.mjs"], { cwd: root, env: { ...process.env, DATABASE_URL: url, PORT: String(port) }, stdio: "ignore" });
  try {
    const base = `http://localhost:${port}`;
    for (let i = 0; i < 240 && !(await fetch(`${base}/api/health`).then((r) => r.ok).catch(() => false)); i++) await new Promise((r) => setTimeout(r, 1000));
    const csrf = await fetch(`${base}/api/auth/csrf`);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const login = await fetch(`${base}/api/auth/callback/credentials`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ") },
      body: new URLSearchParams({ csrfToken, username: "leader", password: DEMO_PASSWORD, json: "true" }),
    });
    const cookie = login.headers.getSetCookie().find((c) => c.startsWith("next-auth.session-token"))!.split(";")[0]!;
    let bytes = 0;
    const samples = await time(
      async () => {
        const response = await fetch(`${base}/timeline?zoom=year`, { headers: { cookie } });
        bytes = (await response.text()).length;
      },
      { runs: 10, warmup: 2 },
    );
    console.log(`\nTimeline: ${volume.measures} measures, GET /timeline?zoom=year on the production server: p50 ${percentile(samples, 50).toFixed(0)} ms, p95 ${percentile(samples, 95).toFixed(0)} ms (${(bytes / 1e6).toFixed(1)} MB of HTML; target ≤ 500 ms)`);
  } finally {
    server.kill("SIGINT");
  }
}

(process.argv.includes("--timeline-only") ? Promise.resolve() : benchDashboard())
  .then(() => (process.argv.includes("--no-timeline") || existingDatabase ? undefined : benchTimeline()))
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
