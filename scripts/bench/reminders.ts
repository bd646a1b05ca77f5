// `npm run bench:reminders`: the daily reminder run (lib/reminders/run-daily-reminders.ts)
// at province volume — 1,500 units, 5,000 users, 10,000 measures, 30,000 milestones,
// 5 years of monthly reports (the data of `npm run bench:seed`, generated afresh in the
// database luoshi_bench_reminders) — on the PostgreSQL server of BENCH_DATABASE_URL.
// Prints the time and the peak extra memory (RSS above the level before the run, sampled
// every 10 ms) of each run, and the events it recorded.
// `-- --database URL` runs on an existing database instead, after emptying its outbox and light states
// (e.g. `-- --database postgresql://postgres@127.0.0.1:5432/luoshi_bench_reminders` to re-run without re-generating).
import pg from "pg";
import { createPrismaClient } from "@/lib/db/create-client";
import { runDailyReminders } from "@/lib/reminders/run-daily-reminders";
import { seedProvince } from "./seed";
import { machineLine } from "./stats";

const databaseArgument = process.argv.indexOf("--database");
const existingDatabase = databaseArgument >= 0 ? process.argv[databaseArgument + 1] : undefined;

/** 10:00 in China on that day. */
const at = (day: string) => new Date(`${day}T02:00:00Z`);

async function measured<T>(fn: () => Promise<T>): Promise<{ result: T; ms: number; peakMiB: number }> {
  global.gc?.();
  const base = process.memoryUsage().rss;
  let peak = base;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  const started = performance.now();
  try {
    const result = await fn();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { result, ms: performance.now() - started, peakMiB: (peak - base) / 2 ** 20 };
  } finally {
    clearInterval(sampler);
  }
}

async function main() {
  let url = existingDatabase;
  if (!url) {
    console.log("Generating the province data (about 3 minutes)…");
    url = (await seedProvince({ name: "luoshi_bench_reminders" })).url;
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const counts = (await client.query(`SELECT (SELECT count(*) FROM "Unit")::int AS units, (SELECT count(*) FROM "User")::int AS users,
    (SELECT count(*) FROM "Measure")::int AS measures, (SELECT count(*) FROM "Milestone")::int AS milestones,
    (SELECT count(*) FROM "ProgressReport")::int AS reports`)).rows[0];
  console.log(`Machine: ${await machineLine(url)}`);
  console.log(`Data: ${JSON.stringify(counts)}\n`);
  if (existingDatabase) await client.query(`TRUNCATE "DomainEvent", "MeasureLightState"`);
  const db = createPrismaClient(url);
  // Load Prisma's query engine first: a one-time cost of any process, not of the run.
  await db.domainEvent.count();
  await db.$queryRaw`SELECT 1`;
  console.log("| run | day | time | peak extra RSS | events recorded |");
  console.log("|---|---|---|---|---|");
  const runs: [string, string][] = [
    ["first run ever (records every light)", "2026-11-25"],
    ["report due soon", "2026-11-26"],
    ["reporting day", "2026-11-28"],
    ["after the reporting day (missing)", "2026-11-29"],
    ["same day again", "2026-11-29"],
    ["month turns", "2026-12-01"],
  ];
  for (const [label, day] of runs) {
    const { result, ms, peakMiB } = await measured(() => runDailyReminders(db, at(day)));
    console.log(`| ${label} | ${day} | ${(ms / 1000).toFixed(2)} s | ${peakMiB.toFixed(0)} MiB | ${result.total} ${JSON.stringify(result.emitted)} |`);
  }
  // Four instances at once (four pools, as four processes would have): one works, the others find the lock held.
  const instances = Array.from({ length: 4 }, () => createPrismaClient(url));
  const { result, ms, peakMiB } = await measured(() => Promise.all(instances.map((instance) => runDailyReminders(instance, at("2026-12-02")))));
  const ran = result.filter((r) => r.ran).length;
  const total = result.reduce((sum, r) => sum + r.total, 0);
  console.log(`| 4 instances at once | 2026-12-02 | ${(ms / 1000).toFixed(2)} s | ${peakMiB.toFixed(0)} MiB | ${total} (ran: ${ran} of 4) |`);
  const keys = (await client.query(`SELECT count(*)::int AS events, count(DISTINCT key)::int AS keys FROM "DomainEvent"`)).rows[0];
  console.log(`\nOutbox: ${keys.events} events, ${keys.keys} distinct keys.`);
  await Promise.all(instances.map((instance) => instance.$disconnect()));
  await db.$disconnect();
  await client.end();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
