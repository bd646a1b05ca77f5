// `npx tsx scripts/bench/export-request.ts [--database URL] [--runs N] [--all]`: the load
// test's export request (GET /api/v1/measures/export.csv with an area and a city; with
// --all the whole province, as bench:export's CSV view) in process. Per export: the
// statements sent and their wall time, this process's CPU, the PostgreSQL backend's CPU
// (one pooled connection, read from /proc), the CSV's size; and the peak RSS.
// TRACE=1 prints each statement. Default database: luoshi_h7 (a copy of luoshi_load).
import { readFileSync } from "node:fs";
import os from "node:os";
import pg from "pg";
import { createPrismaClient } from "@/lib/db/create-client";
import { ledgerCsvStream } from "@/lib/exports/ledger-csv";
import { parseLedgerQuery } from "@/lib/ledger/schemas";
import { getTrackingSettings } from "@/lib/tracking/settings";
import zh from "@/messages/zh-CN.json";

let statements = 0;
let statementMs = 0;
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  statements++;
  const start = performance.now();
  const text = String((args[0] as { text?: string }).text ?? args[0]).replace(/\s+/g, " ").slice(0, Number(process.env.TRACE_WIDTH ?? 90));
  const done = () => {
    const ms = performance.now() - start;
    statementMs += ms;
    if (process.env.TRACE) console.log(`${ms.toFixed(1)} ms  ${text}`);
  };
  const last = args.length - 1;
  if (typeof args[last] === "function") {
    const callback = args[last] as (...a: unknown[]) => unknown;
    args[last] = (...a: unknown[]) => (done(), callback(...a));
  }
  const result = (query as (...a: unknown[]) => unknown).apply(this, args);
  if (result instanceof Promise) return result.finally(done);
  return result;
} as typeof query;

const labels = {
  locale: "zh-CN",
  columns: zh.export.columns.split("|"),
  light: (light: keyof typeof zh.lights) => zh.lights[light],
  sample: zh.export.sample,
  ongoing: zh.measureOngoing.due,
  kpi: ({ name, target, actual }: { name: string; target: string; actual: string }) => `${name}：目标 ${target}，实际 ${actual}`,
  investment: ({ planned, completed }: { planned: string; completed: string }) => `计划 ${planned}，完成 ${completed}`,
  notices: ({ open, overdue, level }: { open: number; overdue: number; level: string }) => `${open}/${overdue}/${level}`,
};

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index > 0 ? process.argv[index + 1] : undefined;
}

const ticks = (pid: number) => {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return Number(fields[11]) + Number(fields[12]);
};

async function main() {
  const url = argument("--database") ?? "postgresql://postgres@127.0.0.1:5432/luoshi_h7";
  const runs = Number(argument("--runs") ?? 40);
  const db = createPrismaClient(url, { max: 1 });
  const [{ pid }] = await db.$queryRaw<[{ pid: number }]>`SELECT pg_backend_pid() AS pid`;
  const areas = (await db.area.findMany({ select: { code: true }, orderBy: { code: "asc" } })).map((row) => row.code);
  const cities = (await db.city.findMany({ select: { code: true }, orderBy: { code: "asc" } })).map((row) => row.code);
  const today = new Date("2026-12-03T00:00:00Z");
  // --all: the whole province (bench:export's CSV view) instead of an area and a city.
  const all = process.argv.includes("--all");
  const exportOnce = async (i: number) => {
    const filters = all ? {} : { area: areas[i % areas.length], city: cities[(i * 7) % cities.length] };
    const query = { ...parseLedgerQuery(filters), viewerUnitId: null };
    const settings = await getTrackingSettings(db);
    const reader = ledgerCsvStream(db, query, today, settings, labels).getReader();
    let bytes = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return bytes;
      bytes += value.length;
    }
  };
  for (let i = 0; i < (all ? 1 : 5); i++) await exportOnce(i);
  statements = 0;
  statementMs = 0;
  let bytes = 0;
  const cpu = process.cpuUsage();
  const pgTicks = ticks(pid);
  global.gc?.();
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const start = performance.now();
  for (let i = 0; i < runs; i++) bytes += await exportOnce(i);
  const wall = performance.now() - start;
  clearInterval(sampler);
  const used = process.cpuUsage(cpu);
  const pgMs = ((ticks(pid) - pgTicks) * 1000) / 100;
  const per = (value: number) => (value / runs).toFixed(1);
  console.log(
    `load ${os.loadavg().map((load) => load.toFixed(1)).join(" ")}; ${runs} exports, ${per(bytes / 1000)} kB each: ${per(statements)} statements (${per(statementMs)} ms), wall ${per(wall)} ms, node CPU ${per((used.user + used.system) / 1000)} ms, PostgreSQL CPU ${per(pgMs)} ms per export; peak RSS ${(peak / 2 ** 20).toFixed(0)} MiB (${((peak - baseline) / 2 ** 20).toFixed(0)} MiB above the start)`,
  );
  await db.$disconnect();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
