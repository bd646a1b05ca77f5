// `npm run bench:notices`: the automatic notice rules (lib/notices/apply-notice-rules.ts)
// at province volume (the bench:seed data, in its own database luoshi_notices):
// the first run (issues notices), a second run the same day (idempotent: nothing new)
// and a run 30 days later (escalation on silence, new month). Time and peak extra memory
// (resident set size of this process, sampled every 20 ms). Target: ≤ 60 s, ≤ 300 MB.
import { createPrismaClient } from "@/lib/db/create-client";
import { applyNoticeRules } from "@/lib/notices/apply-notice-rules";
import { seedProvince } from "./seed";
import { machineLine } from "./stats";

async function measure<T>(label: string, fn: () => Promise<T>) {
  global.gc?.();
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const start = process.hrtime.bigint();
  const result = await fn();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  console.log(`${label}: ${JSON.stringify(result)} in ${seconds.toFixed(2)} s, peak RSS ${(peak / 2 ** 20).toFixed(0)} MiB (+${((peak - baseline) / 2 ** 20).toFixed(0)} MiB)`);
}

async function main() {
  const { url, counts } = await seedProvince({ name: "luoshi_notices" });
  const db = createPrismaClient(url);
  console.log(`Machine: ${await machineLine(url)}`);
  console.log(`Data: ${JSON.stringify(counts)}`);
  const now = new Date("2026-11-28T04:00:00Z");
  await measure("First run (2026-11-28)", () => applyNoticeRules(db, now));
  await measure("Second run, same day", () => applyNoticeRules(db, now));
  await measure("Run 30 days later", () => applyNoticeRules(db, new Date(now.getTime() + 30 * 86_400_000)));
  console.log(`Notices in the database: ${await db.notice.count()}, events: ${await db.domainEvent.count()}`);
  await db.$disconnect();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
