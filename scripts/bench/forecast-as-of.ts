// `npx tsx scripts/bench/forecast-as-of.ts --database URL`: the forecast cache as of
// past months (docs/forecast.md) on an existing database, e.g. a copy of luoshi_load
// of `npm run bench:seed`. It WRITES (cache rows, and a no-op update of 20 reports):
// never point it at a database others read. Times the per-request forecast the
// cache replaces, the first fill of an as-of month, a refill after reports changed,
// and the ledger's forecast filter and the dashboard's card with `asOf`, warm.
import pg from "pg";
import { getForecastMissCard } from "@/lib/dashboard/forecast-miss";
import { dashboardQuerySchema } from "@/lib/dashboard/schemas";
import { createPrismaClient } from "@/lib/db/create-client";
import { refreshForecastCache } from "@/lib/forecast/forecast-cache";
import { loadScopeForecasts } from "@/lib/forecast/scope-forecasts";
import { listLedger } from "@/lib/ledger/list-ledger";
import { ledgerQuerySchema } from "@/lib/ledger/schemas";
import { defaultTrackingSettings } from "@/lib/tracking/settings";
import { machineLine, percentile, time } from "./stats";

const today = new Date("2026-11-28T00:00:00Z");
const months = ["2026-10", "2026-06"];
const ms = (start: number) => `${(performance.now() - start).toFixed(0)} ms`;
const summary = (samples: number[]) => `p50 ${percentile(samples, 50).toFixed(0)} ms, p95 ${percentile(samples, 95).toFixed(0)} ms`;

async function main() {
  const url = process.argv[process.argv.indexOf("--database") + 1];
  if (!process.argv.includes("--database") || !url) throw new Error("Usage: --database URL (a database of your own: the bench writes)");
  const db = createPrismaClient(url);
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  const { rows } = await pool.query(`SELECT (SELECT count(*) FROM "Measure")::int AS measures, (SELECT count(*) FROM "ProgressReport")::int AS reports`);
  console.log(`Machine: ${await machineLine(url)}; load ${(await import("node:os")).loadavg().map((load) => load.toFixed(1)).join(" ")}`);
  console.log(`Data: ${rows[0].measures} measures, ${rows[0].reports} progress reports\n`);
  for (const month of months) {
    const computed = await time(() => loadScopeForecasts(db, { asOf: month }, today), { runs: 5, warmup: 1 });
    console.log(`As of ${month}: computing every measure's forecast (the cost per request before the cache): ${summary(computed)}`);
    const fill = performance.now();
    const filled = await refreshForecastCache(db, today, month);
    console.log(`  first fill of the cache: ${filled} measures in ${ms(fill)}`);
    const fresh = await time(() => refreshForecastCache(db, today, month), { runs: 20 });
    console.log(`  warm freshness check: ${summary(fresh)}`);
  }
  await pool.query(`UPDATE "ProgressReport" SET "percentComplete" = "percentComplete" WHERE id IN (SELECT id FROM "ProgressReport" ORDER BY id LIMIT 20)`);
  const refill = performance.now();
  const refilled = await refreshForecastCache(db, today, months[0]);
  console.log(`After 20 reports changed: ${refilled} measures recomputed as of ${months[0]} in ${ms(refill)}\n`);
  for (const params of [{}, { programme: "P2" }, { area: "2.1" }] as Record<string, string>[]) {
    const scope = new URLSearchParams(params).toString() || "(all)";
    const ledger = await time(() => listLedger(db, ledgerQuerySchema.parse({ ...params, forecast: "WILL_MISS", asOf: months[0] }), today, defaultTrackingSettings), { runs: 10, warmup: 1 });
    const card = await time(() => getForecastMissCard(db, dashboardQuerySchema.parse({ ...params, asOf: months[0] }), today), { runs: 10, warmup: 1 });
    console.log(`\`${scope}\` as of ${months[0]}, warm: ledger forecast=WILL_MISS ${summary(ledger)}; forecast card ${summary(card)}`);
  }
  const { rows: size } = await pool.query(`SELECT count(*)::int AS rows, count(DISTINCT month)::int AS months, pg_size_pretty(pg_total_relation_size('"MeasureForecastCache"')) AS size FROM "MeasureForecastCache"`);
  console.log(`\nCache: ${size[0].rows} rows, ${size[0].months} months, ${size[0].size}`);
  await pool.end();
  await db.$disconnect();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
