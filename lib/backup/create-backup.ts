import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { lockDataDir } from "@/scripts/lib/embedded-postgres.mjs";
import { requestSnapshot } from "@/scripts/lib/pglite-control.mjs";
import { appVersion, backupLocations, directorySize } from "./locations";
import { BACKUP_FORMAT, BackupError, MANIFEST_FILE, type BackupManifest } from "./manifest";
import { assertClientCanDump, libpqConnection, pgTool, toolMajorVersion } from "./pg-tools";
import { firstLines, run } from "./run";
import { appliedMigrations, tableCounts, type Query } from "./schema-version";

type Env = Record<string, string | undefined>;

export interface BackupOptions {
  /** The archive to write (.tar.gz); must not exist. */
  file: string;
  root: string;
  env?: Env;
  log?: (line: string) => void;
  now?: Date;
}

/**
 * Writes one archive: manifest.json, the database (a consistent copy of the
 * PGlite directory, or a pg_dump custom-format file), and the attachments
 * directory of the disk store. The database is copied first and the
 * attachments after it, so every file a backed-up row names is in the archive
 * (stored files are never changed, and bytes are deleted only an hour after
 * their row is gone).
 */
export async function createBackup({ file, root, env = process.env, log = () => {}, now = new Date() }: BackupOptions): Promise<BackupManifest> {
  const target = path.resolve(file);
  if (fs.existsSync(target)) throw new BackupError(`${target} already exists; choose a new file name.`);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const where = backupLocations(root, env);
  const staging = `${target}.partial.d`;
  fs.rmSync(staging, { recursive: true, force: true });
  fs.mkdirSync(path.join(staging, "database"), { recursive: true });
  try {
    const database =
      where.mode === "server"
        ? await dumpServer(where.databaseUrl!, path.join(staging, "database", "luoshi.dump"), env, log)
        : await copyEmbedded(where.embeddedDataDir, path.join(staging, "database", "pglite"), log);

    const attachments = where.attachmentsDir
      ? { included: fs.existsSync(where.attachmentsDir), ...directorySize(where.attachmentsDir) }
      : { included: false, files: 0, bytes: 0, note: "Attachments are in S3 (LUOSHI_STORAGE=s3) and are not in this file: back up the bucket with its own versioning or replication." };
    if (attachments.included) fs.symlinkSync(where.attachmentsDir!, path.join(staging, "attachments"));

    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      formatVersion: 1,
      appVersion: appVersion(root),
      schemaVersion: database.migrations.at(-1) ?? null,
      migrations: database.migrations,
      createdAt: now.toISOString(),
      mode: where.mode,
      postgresVersion: database.version,
      database: database.part,
      counts: database.counts,
      attachments,
    };
    fs.writeFileSync(path.join(staging, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);

    log("Writing the archive…");
    const members = [MANIFEST_FILE, "database", ...(attachments.included ? ["attachments"] : [])];
    // -h follows the attachments symlink; unfinished uploads (.partial) are left out.
    const partial = `${target}.partial`;
    const result = await run("tar", ["-czhf", partial, "--exclude=*.partial", "-C", staging, ...members]);
    if (result.code !== 0) throw new BackupError(`tar could not write ${partial}: ${firstLines(result.stderr)}`);
    fs.renameSync(partial, target);
    return manifest;
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
    fs.rmSync(`${target}.partial`, { force: true });
  }
}

interface DatabasePart {
  part: BackupManifest["database"];
  migrations: string[];
  counts: Record<string, number>;
  version: string;
}

/** The embedded database: asks the running app for a copy, or copies it itself while holding the lock. */
async function copyEmbedded(dataDir: string, copy: string, log: (line: string) => void): Promise<DatabasePart> {
  if (!fs.existsSync(path.join(dataDir, "PG_VERSION"))) throw new BackupError(`There is no embedded database in ${dataDir}.`);
  if (await requestSnapshot(dataDir, copy)) {
    log(`Copied the embedded database from the running app (${dataDir}).`);
  } else {
    let release: () => void;
    try {
      release = lockDataDir(dataDir);
    } catch (error) {
      throw new BackupError(
        `${error instanceof Error ? error.message : String(error)} (It offers no backup socket, ${path.basename(dataDir)}.control.sock: ` +
          `its data directory path may be too long for one. Stop it and run the backup again.)`,
      );
    }
    try {
      await fs.promises.cp(dataDir, copy, { recursive: true });
    } finally {
      release();
    }
    log(`Copied the embedded database (${dataDir}; the app is not running).`);
  }
  // Opening the copy checks it (PGlite replays its WAL as after a crash) and gives the manifest its facts.
  const db = await PGlite.create({ dataDir: copy });
  try {
    const query: Query = (sql) => db.query(sql);
    const { rows } = await db.query<{ version: string }>("SELECT version()");
    return {
      part: { kind: "pglite-directory", path: "database/pglite" },
      migrations: await appliedMigrations(query),
      counts: await tableCounts(query),
      version: rows[0]!.version,
    };
  } finally {
    await db.close();
  }
}

/**
 * A PostgreSQL server: pg_dump in custom format, reading the snapshot this
 * connection exported, so the manifest's counts are of exactly what is dumped.
 */
async function dumpServer(databaseUrl: string, dumpFile: string, env: Env, log: (line: string) => void): Promise<DatabasePart> {
  const pgDump = pgTool("pg_dump", env);
  const client = new pg.Client({ connectionString: databaseUrl });
  client.on("error", () => {});
  await client.connect();
  try {
    const { rows } = await client.query<{ num: string; version: string }>("SELECT current_setting('server_version_num') AS num, version()");
    assertClientCanDump(await toolMajorVersion(pgDump), Number(rows[0]!.num), pgDump);
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const snapshot = (await client.query<{ id: string }>("SELECT pg_export_snapshot() AS id")).rows[0]!.id;
    const query: Query = (sql) => client.query(sql);
    const migrations = await appliedMigrations(query);
    const counts = await tableCounts(query);
    const connection = libpqConnection(databaseUrl);
    log("Running pg_dump…");
    const result = await run(pgDump, ["--format=custom", `--snapshot=${snapshot}`, "--file", dumpFile, "--dbname", connection.url], {
      env: { ...process.env, ...connection.env },
    });
    if (result.code !== 0) throw new BackupError(`pg_dump failed: ${firstLines(result.stderr)}`);
    await client.query("COMMIT");
    return { part: { kind: "pg_dump-custom", path: "database/luoshi.dump" }, migrations, counts, version: rows[0]!.version };
  } finally {
    await client.end().catch(() => {});
  }
}
