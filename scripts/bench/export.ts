// `npm run bench:export`: the ledger of 10,000 measures exported to xlsx, streamed;
// time and peak memory (resident set size of this process, sampled every 20 ms).
import { createPrismaClient } from "@/lib/db/create-client";
import { ledgerXlsxStream } from "@/lib/exports/ledger-xlsx";
import { ledgerXlsxLabels } from "@/lib/exports/ledger-xlsx-labels";
import { ledgerQuerySchema } from "@/lib/ledger/schemas";
import { defaultTrackingSettings } from "@/lib/tracking/settings";
import { seedAll } from "@/prisma/seed/seed-all";
import { freshBenchDatabase, generateLedgerData } from "./bench-database";
import { machineLine } from "./stats";

async function main() {
  const url = await freshBenchDatabase();
  const db = createPrismaClient(url);
  await seedAll(db, { now: new Date("2026-11-28T04:00:00Z") });
  const volume = await generateLedgerData(url);
  const today = new Date("2026-11-28T00:00:00Z");
  const labels = ledgerXlsxLabels("zh-CN", [], today);
  global.gc?.();
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const start = process.hrtime.bigint();
  let bytes = 0;
  const reader = ledgerXlsxStream(db, ledgerQuerySchema.parse({}), today, defaultTrackingSettings, labels).getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.length;
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  clearInterval(sampler);
  console.log(`Machine: ${await machineLine(url)}`);
  console.log(`Export of ${volume.measures} measures (${volume.reports} reports in the database) to xlsx: ${seconds.toFixed(2)} s, ${(bytes / 1e6).toFixed(1)} MB file, peak RSS ${(peak / 2 ** 20).toFixed(0)} MiB (${((peak - baseline) / 2 ** 20).toFixed(0)} MiB above the process before the export; target ≤ 5 s and ≤ 300 MB)`);
  await db.$disconnect();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
