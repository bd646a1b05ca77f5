// `npm run bench:backup [-- --database URL]`: times `db:backup` and `db:restore`
// (server mode: pg_dump/pg_restore) at province volume (docs/performance.md).
// Builds the bench:seed data in its own database `luoshi_bench_backup` (about
// 3 minutes) unless given an existing database, which the restore then REPLACES
// with its own backup (same data). Prints time, archive size and database size.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { createBackup } from "@/lib/backup/create-backup";
import { restoreBackup } from "@/lib/backup/restore-backup";
import { countRows, fingerprint } from "./province-data";
import { seedProvince } from "./seed";
import { machineLine } from "./stats";

const root = path.resolve(import.meta.dirname, "..", "..");
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;

async function databaseFacts(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const size = Number((await client.query("SELECT pg_database_size(current_database()) AS size")).rows[0].size);
    return { size, counts: await countRows(client) };
  } finally {
    await client.end();
  }
}

async function main() {
  const databaseArgument = process.argv.indexOf("--database");
  let url = databaseArgument > 0 ? process.argv[databaseArgument + 1]! : null;
  if (!url) {
    console.log("Generating the province data in luoshi_bench_backup (about 3 minutes)…");
    url = (await seedProvince({ name: "luoshi_bench_backup" })).url;
  }
  console.log(`Machine: ${await machineLine(url)}; load average ${os.loadavg().map((n) => n.toFixed(2)).join(" ")}`);
  const facts = await databaseFacts(url);
  console.log(`Data: ${JSON.stringify(facts.counts)}; database ${mib(facts.size)}`);
  const digest = await fingerprint(url);

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "luoshi-bench-backup-"));
  const env = { ...process.env, DATABASE_URL: url, LUOSHI_DATA_DIR: dir };
  try {
    const file = path.join(dir, "province.tar.gz");
    let started = performance.now();
    await createBackup({ file, root, env });
    const backupSeconds = (performance.now() - started) / 1000;
    const archive = fs.statSync(file).size;
    console.log(`Backup: ${backupSeconds.toFixed(1)} s, archive ${mib(archive)}`);

    started = performance.now();
    await restoreBackup({ file, root, env, confirm: async () => true });
    const restoreSeconds = (performance.now() - started) / 1000;
    const same = (await fingerprint(url)) === digest;
    console.log(`Restore: ${restoreSeconds.toFixed(1)} s (including migrate deploy); data after restore ${same ? "identical" : "DIFFERENT"}`);
    console.log(`Load average after: ${os.loadavg().map((n) => n.toFixed(2)).join(" ")}`);
    if (!same) process.exitCode = 1;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
