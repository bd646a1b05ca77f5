// The data-version cache of the dashboard's views (lib/cache/view-cache.ts), part
// of `npm run bench:dashboard`: the page's data with the cache off and warm,
// interleaved run by run, the version check alone, and what the version's
// triggers cost a writing transaction (alone and with concurrent writers).
import os from "node:os";
import pg from "pg";
import { clearViewCache, readDataVersion } from "@/lib/cache/view-cache";
import { loadDashboardViews } from "@/lib/dashboard/cached-views";
import { dashboardQuerySchema } from "@/lib/dashboard/schemas";
import type { PrismaClient } from "@/lib/db/create-client";
import { defaultTrackingSettings } from "@/lib/tracking/settings";
import { percentile } from "./stats";

const leader = { role: "LEADER" as const, unitId: null };

/** Wall and Node CPU milliseconds of one call. */
async function measure(fn: () => Promise<unknown>): Promise<{ wall: number; cpu: number }> {
  const [start, cpu] = [process.hrtime.bigint(), process.cpuUsage()];
  await fn();
  const used = process.cpuUsage(cpu);
  return { wall: Number(process.hrtime.bigint() - start) / 1e6, cpu: (used.user + used.system) / 1e3 };
}

/** Runs `variants` alternately, `runs` times each, so load on the machine hits all alike. */
async function interleaved(variants: Record<string, () => Promise<unknown>>, runs: number) {
  const samples = Object.fromEntries(Object.keys(variants).map((name) => [name, [] as { wall: number; cpu: number }[]]));
  for (let i = 0; i < runs; i++) for (const [name, fn] of Object.entries(variants)) samples[name]!.push(await measure(fn));
  return samples;
}

const row = (samples: { wall: number; cpu: number }[]) => {
  const walls = samples.map((s) => s.wall);
  const cpu = samples.reduce((sum, s) => sum + s.cpu, 0) / samples.length;
  return { p50: percentile(walls, 50), p95: percentile(walls, 95), cpu };
};

function withCache<T>(on: boolean, fn: () => Promise<T>): () => Promise<T> {
  return async () => {
    process.env.LUOSHI_VIEW_CACHE = on ? "on" : "off";
    try {
      return await fn();
    } finally {
      delete process.env.LUOSHI_VIEW_CACHE;
    }
  };
}

export async function benchViewCache(db: PrismaClient, url: string, today: Date, scopes: Record<string, string>[]) {
  console.log(`\nView cache (lib/cache/view-cache.ts): the dashboard page's data (dashboard, forecast card, notice counts, filter options), runs interleaved; load average ${os.loadavg().map((load) => load.toFixed(1)).join(" ")}`);
  console.log("| scope | uncached p50 ms | p95 ms | Node CPU ms/call | cached (warm) p50 ms | p95 ms | Node CPU ms/call |");
  console.log("|---|---|---|---|---|---|---|");
  clearViewCache();
  for (const params of scopes) {
    const query = dashboardQuerySchema.parse(params);
    const load = () => loadDashboardViews(db, query, today, defaultTrackingSettings, leader);
    await withCache(true, load)();
    const samples = await interleaved({ uncached: withCache(false, load), cached: withCache(true, load) }, 20);
    const [off, on] = [row(samples.uncached!), row(samples.cached!)];
    const name = new URLSearchParams(params).toString() || "(all)";
    console.log(`| \`${name}\` | ${off.p50.toFixed(1)} | ${off.p95.toFixed(1)} | ${off.cpu.toFixed(1)} | ${on.p50.toFixed(2)} | ${on.p95.toFixed(2)} | ${on.cpu.toFixed(2)} |`);
  }
  const check = row((await interleaved({ check: () => readDataVersion(db) }, 100)).check!);
  console.log(`Version check alone (one SELECT through Prisma): p50 ${check.p50.toFixed(2)} ms, p95 ${check.p95.toFixed(2)} ms, Node CPU ${check.cpu.toFixed(2)} ms/call`);
  await benchWrites(url);
}

/** A report's submission as SQL: the report and its measure updated in one transaction, optionally held open a little (other work of a use-case). */
async function submit(client: pg.PoolClient, reportId: string, holdMs: number) {
  await client.query("BEGIN");
  const { rows } = await client.query(`UPDATE "ProgressReport" SET "updatedAt" = now() WHERE id = $1 RETURNING "measureId"`, [reportId]);
  await client.query(`UPDATE "Measure" SET "updatedAt" = now() WHERE id = $1`, [rows[0].measureId]);
  if (holdMs) await client.query(`SELECT pg_sleep($1)`, [holdMs / 1000]);
  await client.query("COMMIT");
}

/** Only on a copy of the data: ALTER TABLE switches the version's triggers for every session. */
async function setViewTriggers(pool: pg.Pool, enabled: boolean) {
  for (const table of ["ProgressReport", "Measure"]) {
    await pool.query(`ALTER TABLE "${table}" ${enabled ? "ENABLE" : "DISABLE"} TRIGGER "${table}_view_data"`);
  }
}

/** The version's triggers on a writing transaction: one writer, then 8 at once; with the triggers off and on, alternately. */
export async function benchWrites(url: string) {
  const pool = new pg.Pool({ connectionString: url, max: 9 });
  const { rows } = await pool.query<{ id: string }>(`SELECT id FROM "ProgressReport" ORDER BY id LIMIT 400`);
  const ids = rows.map((r) => r.id);
  let next = 0;
  const one = async (holdMs: number) => {
    const client = await pool.connect();
    try {
      await submit(client, ids[next++ % ids.length]!, holdMs);
    } finally {
      client.release();
    }
  };
  const results: Record<string, number[]> = { "1 writer, off": [], "1 writer, on": [], "8 writers, off": [], "8 writers, on": [] };
  try {
    for (let round = 0; round < 10; round++) {
      for (const enabled of [false, true]) {
        await setViewTriggers(pool, enabled);
        const state = enabled ? "on" : "off";
        for (let i = 0; i < 10; i++) results[`1 writer, ${state}`]!.push((await measure(() => one(0))).wall);
        // 8 concurrent writers, each transaction held 5 ms: a shared counter row would queue them.
        await Promise.all(
          Array.from({ length: 8 }, async () => {
            for (let i = 0; i < 4; i++) results[`8 writers, ${state}`]!.push((await measure(() => one(5))).wall);
          }),
        );
      }
    }
  } finally {
    await setViewTriggers(pool, true);
    await pool.end();
  }
  console.log("\nA report submission's transaction (report + measure updated), with the version's triggers off and on, alternately");
  console.log("| writers | triggers | p50 ms | p95 ms |");
  console.log("|---|---|---|---|");
  for (const [name, samples] of Object.entries(results)) {
    const [writers, state] = name.split(", ");
    console.log(`| ${writers} | ${state} | ${percentile(samples, 50).toFixed(2)} | ${percentile(samples, 95).toFixed(2)} |`);
  }
}
