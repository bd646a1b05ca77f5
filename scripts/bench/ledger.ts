// `npm run bench:ledger`: the ledger query at 10,000 measures and 120,000 reports
// on a real PostgreSQL server, through the app's code and as bare SQL.
import pg from "pg";
import { createPrismaClient } from "@/lib/db/create-client";
import { ledgerSql, listLedger } from "@/lib/ledger/list-ledger";
import { ledgerQuerySchema } from "@/lib/ledger/schemas";
import { defaultTrackingSettings } from "@/lib/tracking/settings";
import { seedAll } from "@/prisma/seed/seed-all";
import { freshBenchDatabase, generateLedgerData } from "./bench-database";
import { machineLine, percentile, time } from "./stats";

const combos: Record<string, string>[] = [
  {},
  { sort: "dueDate" },
  { sort: "dueDate", dir: "desc" },
  { sort: "percent", dir: "desc" },
  { sort: "light" },
  { sort: "title" },
  { light: "RED" },
  { light: "YELLOW", sort: "dueDate" },
  { light: "BLUE" },
  { status: "COMPLETED" },
  { area: "2.1" },
  { area: "2.1", light: "RED", sort: "percent" },
  { city: "zibo" },
  { city: "jinan", status: "IN_PROGRESS", sort: "dueDate" },
  { leadUnit: "prov-transport" },
  { dueFrom: "2026-12-01", dueTo: "2027-03-31" },
  { q: "瓶颈路" },
  { q: "rail", sort: "latestPeriod", dir: "desc" },
  { page: "20", perPage: "50" },
  { group: "leadUnit", perPage: "200" },
];

async function main() {
  const url = await freshBenchDatabase();
  const db = createPrismaClient(url);
  await seedAll(db, { now: new Date("2026-11-28T04:00:00Z") });
  const volume = await generateLedgerData(url);
  const bare = new pg.Client({ connectionString: url });
  await bare.connect();
  const today = new Date("2026-11-28T00:00:00Z");

  console.log(`Machine: ${await machineLine(url)}`);
  console.log(`Data: ${volume.measures} measures, ${volume.reports} progress reports\n`);
  console.log("| # | query | rows / total | app p50 ms | app p95 ms | bare SQL p50 ms | bare SQL p95 ms | p95 app / bare |");
  console.log("|---|---|---|---|---|---|---|---|");
  const appP95s: number[] = [];
  for (const [index, params] of combos.entries()) {
    const query = ledgerQuerySchema.parse(params);
    const { rows, total } = await listLedger(db, query, today, defaultTrackingSettings);
    const sql = ledgerSql(query, today, defaultTrackingSettings);
    const app = await time(() => listLedger(db, query, today, defaultTrackingSettings));
    const raw = await time(() => bare.query(sql.text, sql.values as unknown[]));
    const [a50, a95, b50, b95] = [percentile(app, 50), percentile(app, 95), percentile(raw, 50), percentile(raw, 95)];
    appP95s.push(a95);
    console.log(
      `| ${index + 1} | \`${new URLSearchParams(params).toString() || "(default)"}\` | ${rows.length} / ${total} | ${a50.toFixed(1)} | ${a95.toFixed(1)} | ${b50.toFixed(1)} | ${b95.toFixed(1)} | ${(a95 / b95).toFixed(2)} |`,
    );
  }
  console.log(`\nWorst app p95: ${Math.max(...appP95s).toFixed(1)} ms (target ≤ 50 ms and ≤ 2× bare SQL)`);
  await bare.end();
  await db.$disconnect();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
