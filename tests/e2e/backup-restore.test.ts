import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { runScheduledBackup } from "@/lib/backup/backup-job";
import { backupFileName } from "@/lib/backup/retention";
import { appliedMigrations, codeMigrations } from "@/lib/backup/schema-version";
import { migrateDeploy, seed } from "@/scripts/lib/prisma-cli.mjs";
import { createScratchDatabase } from "../setup/scratch-database";
import { root } from "./app-process";

// The restore drill of docs/operations.md with real processes: a process holding
// the embedded database as `npm start` does (or a scratch database on the
// PostgreSQL server), `npm run db:backup`, changes, `npm run db:restore`.

const tempDirs: string[] = [];
const holders: ChildProcess[] = [];
afterAll(async () => {
  for (const holder of holders) await stopHolder(holder);
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "luoshi-bk-"));
  tempDirs.push(dir);
  return dir;
}

/** Runs scripts/db-backup.ts or db-restore.ts as npm would; resolves with its exit code and output. */
function cli(script: "db-backup" | "db-restore", args: string[], env: Record<string, string | undefined>) {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
  if (!env.DATABASE_URL) delete childEnv.DATABASE_URL;
  const child = spawn(path.join(root, "node_modules", ".bin", "tsx"), [`scripts/${script}.ts`, ...args], {
    cwd: root,
    env: childEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  return new Promise<{ code: number | null; output: string }>((resolve) => child.on("close", (code) => resolve({ code, output })));
}

/** A process that opens the embedded database in `dataRoot` and serves it, as scripts/start.mjs does. */
async function startHolder(dataRoot: string): Promise<{ child: ChildProcess; url: string }> {
  const code = `
    const { startEmbeddedPostgres } = await import(${JSON.stringify(path.join(root, "scripts/lib/embedded-postgres.mjs"))});
    const db = await startEmbeddedPostgres({ dataDir: ${JSON.stringify(path.join(dataRoot, "pglite"))} });
    console.log("URL " + db.url);
    process.on("SIGTERM", async () => { await db.stop(); process.exit(0); });`;
  const child = spawn(process.execPath, ["--input-type=module", "-e", code], { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
  holders.push(child);
  let output = "";
  child.stderr!.on("data", (chunk) => (output += chunk));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on("data", (chunk) => {
      output += chunk;
      const match = output.match(/URL (\S+)/);
      if (match) resolve(match[1]!);
    });
    child.on("exit", () => reject(new Error(`The database process exited:\n${output}`)));
  });
  return { child, url };
}

async function stopHolder(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}

/** Counts and an md5 of every row (ordered) of every app table: equal fingerprints, equal data. */
async function fingerprint(url: string): Promise<Record<string, string>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ tablename: string }>(
      "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
    );
    const print: Record<string, string> = {};
    for (const { tablename } of tables) {
      const { rows } = await client.query<{ n: number; md5: string | null }>(
        `SELECT count(*)::int AS n, md5(string_agg(t::text, E'\\n' ORDER BY t::text)) AS md5 FROM "${tablename}" t`,
      );
      print[tablename] = `${rows[0]!.n}:${rows[0]!.md5}`;
    }
    return print;
  } finally {
    await client.end();
  }
}

/** Changes after the backup: audit events deleted, measures renamed, an attachment added and one removed. */
async function changeData(url: string, attachments: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DELETE FROM "AuditEvent" WHERE id IN (SELECT id FROM "AuditEvent" ORDER BY id LIMIT 3)`);
    await client.query(`UPDATE "Measure" SET "titleEn" = "titleEn" || ' (changed)'`);
  } finally {
    await client.end();
  }
  fs.rmSync(path.join(attachments, "att", "kept.bin"));
  fs.writeFileSync(path.join(attachments, "att", "added-later.bin"), "later");
}

/** Rewrites a backup's manifest as if a newer Luoshi (with one more migration) had made it. */
async function fromTheFuture(file: string, dir: string): Promise<string> {
  const unpacked = path.join(dir, "future");
  fs.mkdirSync(unpacked);
  await run("tar", ["-xzf", file, "-C", unpacked]);
  const manifestFile = path.join(unpacked, "manifest.json");
  const manifest = JSON.parse(fs.readFileSync(manifestFile, "utf8"));
  manifest.migrations.push("29991231000000_from_a_newer_luoshi");
  manifest.schemaVersion = "29991231000000_from_a_newer_luoshi";
  fs.writeFileSync(manifestFile, JSON.stringify(manifest));
  const future = path.join(dir, "future.tar.gz");
  await run("tar", ["-czf", future, "-C", unpacked, ...fs.readdirSync(unpacked)]);
  return future;
}

function run(command: string, args: string[]) {
  return new Promise<void>((resolve, reject) => {
    const child = spawn(command, args, { stdio: "ignore" });
    child.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`${command} exited with ${code}`))));
  });
}

function addAttachment(attachments: string) {
  fs.mkdirSync(path.join(attachments, "att"), { recursive: true });
  fs.writeFileSync(path.join(attachments, "att", "kept.bin"), "evidence bytes");
}

describe("backup and restore, embedded database", () => {
  it("restores what was backed up while the database was in use, and refuses a newer schema", async () => {
    const dataRoot = tempDir();
    const env = { LUOSHI_DATA_DIR: dataRoot };
    const attachments = path.join(dataRoot, "attachments");
    let holder = await startHolder(dataRoot);
    await migrateDeploy(holder.url);
    await seed(holder.url);
    addAttachment(attachments);
    const before = await fingerprint(holder.url);

    // Backup while the database is held by another process: the copy comes through its socket.
    const file = path.join(dataRoot, "backups", "drill.tar.gz");
    const backup = await cli("db-backup", [file], env);
    expect(backup.output).toContain("Copied the embedded database from the running app");
    expect(backup.code).toBe(0);

    // The scheduled job, as the web server under `npm start` runs it (DATABASE_URL is the embedded socket).
    const schedule = { cron: "30 2 * * *", dir: path.join(dataRoot, "scheduled"), keep: 1 };
    fs.mkdirSync(schedule.dir);
    fs.writeFileSync(path.join(schedule.dir, backupFileName(new Date("2026-01-01T02:30:00Z"))), "an old backup");
    const jobEnv = { ...process.env, ...env, DATABASE_URL: holder.url, LUOSHI_EMBEDDED: "1" };
    const scheduled = await runScheduledBackup(schedule, root, new Date("2026-12-03T02:30:10Z"), jobEnv);
    expect(fs.readdirSync(schedule.dir)).toEqual([path.basename(scheduled.file)]);
    expect(await runScheduledBackup(schedule, root, new Date("2026-12-03T02:30:40Z"), jobEnv)).toEqual({ ...scheduled, skipped: true });

    await changeData(holder.url, attachments);
    expect(await fingerprint(holder.url)).not.toEqual(before);

    // Restore refuses while the app runs.
    const busy = await cli("db-restore", [file, "--yes"], env);
    expect(busy.code).toBe(1);
    expect(busy.output).toMatch(/Stop Luoshi before restoring/);

    await stopHolder(holder.child);
    const refused = await cli("db-restore", [await fromTheFuture(file, dataRoot), "--yes"], env);
    expect(refused.code).toBe(1);
    expect(refused.output).toMatch(/newer than this code's.*29991231000000_from_a_newer_luoshi/);
    // Without --yes and without a terminal it asks nothing and changes nothing.
    const unconfirmed = await cli("db-restore", [file], env);
    expect(unconfirmed.code).toBe(1);
    expect(unconfirmed.output).toMatch(/--yes/);

    const restore = await cli("db-restore", [file, "--yes"], env);
    expect(restore.output).toContain("Restore done");
    expect(restore.code).toBe(0);

    holder = await startHolder(dataRoot);
    expect(await fingerprint(holder.url)).toEqual(before);
    expect(fs.readFileSync(path.join(attachments, "att", "kept.bin"), "utf8")).toBe("evidence bytes");
    expect(fs.existsSync(path.join(attachments, "att", "added-later.bin"))).toBe(false);
    await stopHolder(holder.child);
  }, 240_000);
});

const serverUrl = process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
async function reachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
  client.on("error", () => {});
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}
const serverUp = await reachable(serverUrl);

describe.skipIf(!serverUp)("backup and restore, PostgreSQL server", () => {
  it("restores a scratch database with pg_dump/pg_restore, refusing while another session is connected", async () => {
    const scratch = await createScratchDatabase("postgres", serverUrl);
    try {
      const dir = tempDir();
      const attachments = path.join(dir, "attachments");
      const env = { DATABASE_URL: scratch.url, LUOSHI_DATA_DIR: dir, LUOSHI_ATTACHMENTS_DIR: attachments };
      await migrateDeploy(scratch.url);
      await seed(scratch.url);
      addAttachment(attachments);
      const before = await fingerprint(scratch.url);

      const file = path.join(dir, "server.tar.gz");
      const backup = await cli("db-backup", [file], env);
      expect(backup.code, backup.output).toBe(0);
      await changeData(scratch.url, attachments);

      const session = new pg.Client({ connectionString: scratch.url });
      await session.connect();
      const busy = await cli("db-restore", [file, "--yes"], env);
      await session.end();
      expect(busy.code).toBe(1);
      expect(busy.output).toMatch(/Stop Luoshi before restoring: 1 other connection/);

      const refused = await cli("db-restore", [await fromTheFuture(file, dir), "--yes"], env);
      expect(refused.output).toMatch(/newer than this code's/);

      const restore = await cli("db-restore", [file, "--yes"], env);
      expect(restore.code, restore.output).toBe(0);
      expect(await fingerprint(scratch.url)).toEqual(before);
      expect(fs.readFileSync(path.join(attachments, "att", "kept.bin"), "utf8")).toBe("evidence bytes");
      expect(fs.existsSync(path.join(attachments, "att", "added-later.bin"))).toBe(false);
    } finally {
      await scratch.drop();
    }
  }, 240_000);

  it("restores a backup of an older schema and migrates it", async () => {
    const scratch = await createScratchDatabase("postgres", serverUrl);
    try {
      const dir = tempDir();
      const env = { DATABASE_URL: scratch.url, LUOSHI_DATA_DIR: dir };
      const code = codeMigrations(root);
      await migrateWithout(scratch.url, code.at(-1)!, dir);
      const file = path.join(dir, "older.tar.gz");
      expect((await cli("db-backup", [file], env)).code).toBe(0);
      await migrateDeploy(scratch.url);

      const restore = await cli("db-restore", [file, "--yes"], env);
      expect(restore.code, restore.output).toBe(0);
      expect(restore.output).toContain("Applying 1 newer migration(s)");
      const client = new pg.Client({ connectionString: scratch.url });
      await client.connect();
      expect(await appliedMigrations((sql) => client.query(sql))).toEqual(code);
      await client.end();
    } finally {
      await scratch.drop();
    }
  }, 240_000);
});

/** `prisma migrate deploy` of every committed migration but `last`, from a copy of the prisma directory. */
async function migrateWithout(url: string, last: string, dir: string) {
  const project = path.join(dir, "older-code");
  fs.mkdirSync(project);
  fs.cpSync(path.join(root, "prisma"), path.join(project, "prisma"), { recursive: true });
  fs.rmSync(path.join(project, "prisma", "migrations", last), { recursive: true });
  fs.copyFileSync(path.join(root, "prisma.config.ts"), path.join(project, "prisma.config.ts"));
  fs.symlinkSync(path.join(root, "node_modules"), path.join(project, "node_modules"));
  const child = spawn(path.join(root, "node_modules", ".bin", "prisma"), ["migrate", "deploy"], {
    cwd: project,
    env: { ...process.env, DATABASE_URL: url },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const status = await new Promise((resolve) => child.on("close", resolve));
  if (status !== 0) throw new Error(`migrate deploy of the older code failed:\n${output}`);
}
