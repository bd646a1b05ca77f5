// `npm run bench:export`: the ledger of 10,000 measures exported to xlsx, streamed;
// time and peak memory (resident set size of this process, sampled every 20 ms);
// then the same with the forecast column, and the CSV (which always carries the forecast).
import os from "node:os";
import { createPrismaClient } from "@/lib/db/create-client";
import { ledgerCsvStream } from "@/lib/exports/ledger-csv";
import { ledgerXlsxStream } from "@/lib/exports/ledger-xlsx";
import { ledgerXlsxLabels } from "@/lib/exports/ledger-xlsx-labels";
import { defaultLedgerColumns } from "@/lib/ledger/ledger-columns";
import { ledgerQuerySchema } from "@/lib/ledger/schemas";
import zh from "@/messages/zh-CN.json";
import { defaultTrackingSettings } from "@/lib/tracking/settings";
import { seedAll } from "@/prisma/seed/seed-all";
import { freshBenchDatabase, generateLedgerData } from "./bench-database";
import { machineLine } from "./stats";

const withForecast = ledgerQuerySchema.parse({ cols: [...defaultLedgerColumns, "forecast"].join(",") });
const csvLabels = {
  locale: "zh-CN",
  columns: zh.export.columns.split("|"),
  light: (light: keyof typeof zh.lights) => zh.lights[light],
  sample: zh.export.sample,
  ongoing: zh.measureOngoing.due,
  kpi: ({ name, target, actual }: { name: string; target: string; actual: string }) => `${name}：目标 ${target}，实际 ${actual}`,
  investment: ({ planned, completed }: { planned: string; completed: string }) => `计划 ${planned}，完成 ${completed}`,
};

async function main() {
  const url = await freshBenchDatabase();
  const db = createPrismaClient(url);
  await seedAll(db, { now: new Date("2026-11-28T04:00:00Z") });
  const volume = await generateLedgerData(url);
  const today = new Date("2026-11-28T00:00:00Z");
  console.log(`Machine: ${await machineLine(url)}; load ${os.loadavg().map((load) => load.toFixed(1)).join(" ")}`);
  const views: [string, () => ReadableStream<Uint8Array>][] = [
    ["xlsx, default columns", () => ledgerXlsxStream(db, ledgerQuerySchema.parse({}), today, defaultTrackingSettings, ledgerXlsxLabels("zh-CN", [], today))],
    // The forecast column adds its four columns, forecast batch by batch (docs/forecast.md).
    ["xlsx, default columns and the forecast", () => ledgerXlsxStream(db, withForecast, today, defaultTrackingSettings, ledgerXlsxLabels("zh-CN", [], today))],
    ["csv (standard columns and the forecast)", () => ledgerCsvStream(db, ledgerQuerySchema.parse({}), today, defaultTrackingSettings, csvLabels)],
  ];
  for (const [name, stream] of views) {
    global.gc?.();
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    const start = process.hrtime.bigint();
    let bytes = 0;
    const reader = stream().getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.length;
    }
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    clearInterval(sampler);
    console.log(`Export of ${volume.measures} measures (${volume.reports} reports in the database), ${name}: ${seconds.toFixed(2)} s, ${(bytes / 1e6).toFixed(1)} MB file, peak RSS ${(peak / 2 ** 20).toFixed(0)} MiB (${((peak - baseline) / 2 ** 20).toFixed(0)} MiB above the process before the export; target ≤ 5 s and ≤ 300 MB)`);
  }
  await db.$disconnect();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
