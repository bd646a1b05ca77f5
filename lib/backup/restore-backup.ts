import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { lockDataDir, startEmbeddedPostgres } from "@/scripts/lib/embedded-postgres.mjs";
import { migrateDeploy } from "@/scripts/lib/prisma-cli.mjs";
import { backupLocations, fileStamp } from "./locations";
import { BackupError, readManifest, type BackupManifest } from "./manifest";
import { libpqConnection, pgTool } from "./pg-tools";
import { firstLines, run } from "./run";
import { codeMigrations, compareSchema } from "./schema-version";

type Env = Record<string, string | undefined>;

export interface RestoreOptions {
  file: string;
  root: string;
  env?: Env;
  log?: (line: string) => void;
  /** Asked once the backup has been checked; resolves true to go ahead. */
  confirm: (question: string) => Promise<boolean>;
  now?: Date;
}

export interface RestoreResult {
  manifest: BackupManifest;
  migrated: string[];
  /** What was there before, moved aside (delete when satisfied). */
  keptAside: string[];
}

/**
 * Replaces the database (and the disk store's attachments) with a backup's.
 * Refuses while the app runs, a backup of the other mode, and a backup whose
 * schema is newer than this code; an older one is migrated after the restore.
 */
export async function restoreBackup({ file, root, env = process.env, log = () => {}, confirm, now = new Date() }: RestoreOptions): Promise<RestoreResult> {
  const source = path.resolve(file);
  if (!fs.existsSync(source)) throw new BackupError(`${source} does not exist.`);
  const where = backupLocations(root, env);

  // The app must be stopped: checked before anything is unpacked, and the lock is held to the end.
  let release = () => {};
  if (where.mode === "embedded") {
    fs.mkdirSync(path.dirname(where.embeddedDataDir), { recursive: true });
    try {
      release = lockDataDir(where.embeddedDataDir);
    } catch (error) {
      throw new BackupError(`Stop Luoshi before restoring: ${error instanceof Error ? error.message : String(error)}`);
    }
  } else {
    await assertNoOtherSessions(where.databaseUrl!);
  }

  const stamp = fileStamp(now);
  const stagingParent = where.mode === "embedded" ? path.dirname(where.embeddedDataDir) : path.dirname(where.attachmentsDir ?? source);
  const staging = path.join(stagingParent, `.luoshi-restore-${stamp}`);
  fs.rmSync(staging, { recursive: true, force: true });
  fs.mkdirSync(staging, { recursive: true });
  try {
    log(`Unpacking ${source}…`);
    const unpacked = await run("tar", ["-xzf", source, "-C", staging]);
    if (unpacked.code !== 0) throw new BackupError(`${source} could not be unpacked (${firstLines(unpacked.stderr)}); is it a Luoshi backup?`);
    const manifest = readManifest(staging);
    if (manifest.mode !== where.mode) {
      throw new BackupError(
        manifest.mode === "embedded"
          ? "This backup is of the embedded database; unset DATABASE_URL to restore it (a server install restores a server backup)."
          : "This backup is of a PostgreSQL server; set DATABASE_URL to the database to restore it into.",
      );
    }
    const code = codeMigrations(root);
    const comparison = compareSchema(manifest.migrations, code);
    if (comparison.kind === "newer") {
      throw new BackupError(
        `This backup's schema (${manifest.schemaVersion}, Luoshi ${manifest.appVersion}) is newer than this code's (${code.at(-1)}): ` +
          `it has migration ${comparison.unknown[0]}${comparison.unknown.length > 1 ? ` and ${comparison.unknown.length - 1} more` : ""} this code does not know. ` +
          `Upgrade Luoshi to the version that made the backup (or newer), then restore.`,
      );
    }

    const target = where.mode === "embedded" ? where.embeddedDataDir : where.databaseUrl!.replace(/:[^:@/]*@/, ":***@");
    const replacesAttachments = manifest.attachments.included && where.attachmentsDir !== null;
    const question =
      `Replace the database at ${target}${replacesAttachments ? ` and the attachments in ${where.attachmentsDir}` : ""} ` +
      `with the backup of ${manifest.createdAt} (schema ${manifest.schemaVersion}, ${manifest.counts.ProgressReport ?? 0} reports)?`;
    if (!(await confirm(question))) throw new BackupError("Nothing was changed.");

    const keptAside: string[] = [];
    if (comparison.kind === "older") log(`Applying ${comparison.missing.length} newer migration(s)…`);
    if (where.mode === "embedded") {
      // Opened and migrated where it was unpacked: a backup this PGlite cannot open, or a failing
      // migration, leaves the current data directory untouched.
      const copy = path.join(staging, manifest.database.path);
      await migrateEmbedded(copy);
      if (fs.existsSync(path.join(where.embeddedDataDir, "PG_VERSION"))) {
        const aside = `${where.embeddedDataDir}.before-restore-${stamp}`;
        fs.renameSync(where.embeddedDataDir, aside);
        keptAside.push(aside);
      }
      fs.rmSync(where.embeddedDataDir, { recursive: true, force: true });
      fs.renameSync(copy, where.embeddedDataDir);
      log(`Restored the embedded database to ${where.embeddedDataDir}.`);
    } else {
      await restoreServer(where.databaseUrl!, path.join(staging, manifest.database.path), env);
      log("Restored the PostgreSQL database.");
      await migrateDeploy(where.databaseUrl!);
    }

    if (manifest.attachments.included && where.attachmentsDir === null) {
      log("The backup holds attachments but this install keeps them in S3 (LUOSHI_STORAGE=s3): they were not restored.");
    } else if (where.attachmentsDir !== null) {
      const aside = replaceDirectory(where.attachmentsDir, manifest.attachments.included ? path.join(staging, "attachments") : null, stamp);
      if (aside) keptAside.push(aside);
      log(manifest.attachments.included ? `Restored ${manifest.attachments.files} attachment file(s) to ${where.attachmentsDir}.` : "The backup has no attachments.");
    }
    return { manifest, migrated: comparison.kind === "older" ? comparison.missing : [], keptAside };
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
    release();
  }
}

/** Any other connection to the database means the app (or someone) is using it. */
async function assertNoOtherSessions(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  client.on("error", () => {});
  try {
    await client.connect();
  } catch (error) {
    throw new BackupError(`Cannot reach the database in DATABASE_URL: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    const { rows } = await client.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'",
    );
    const others = rows[0]?.n ?? 0;
    if (others > 0) {
      throw new BackupError(
        `Stop Luoshi before restoring: ${others} other connection(s) use this database (pg_stat_activity). Every instance of the app must be stopped.`,
      );
    }
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * In one transaction: drop the app's schemas (public, pgboss, …) and run the
 * dump's SQL (pg_restore to a script, into psql --single-transaction). A
 * failure leaves the database as it was.
 */
async function restoreServer(databaseUrl: string, dumpFile: string, env: Env): Promise<void> {
  const pgRestore = pgTool("pg_restore", env);
  const psql = pgTool("psql", env);
  const connection = libpqConnection(databaseUrl);
  const childEnv = { ...process.env, ...connection.env };
  const prelude = `
SET client_min_messages = warning;
DO $$ DECLARE s text; BEGIN
  FOR s IN SELECT nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema' LOOP
    EXECUTE format('DROP SCHEMA %I CASCADE', s);
  END LOOP;
END $$;
CREATE SCHEMA public;
`;
  const reader = spawn(pgRestore, ["--no-owner", "--no-acl", "--file", "-", dumpFile], { env: childEnv, stdio: ["ignore", "pipe", "pipe"] });
  const writer = spawn(psql, ["--no-psqlrc", "--quiet", "--single-transaction", "-v", "ON_ERROR_STOP=1", "--dbname", connection.url], {
    env: childEnv,
    stdio: ["pipe", "ignore", "pipe"],
  });
  let readerErrors = "";
  let writerErrors = "";
  reader.stderr!.on("data", (chunk) => (readerErrors += chunk));
  writer.stderr!.on("data", (chunk) => (writerErrors += chunk));
  writer.stdin!.on("error", () => {});
  writer.stdin!.write(prelude);
  // The dump's own `CREATE SCHEMA public` (pg_dump 15+ writes one) would fail after ours.
  let carry = "";
  reader.stdout!.setEncoding("utf8");
  reader.stdout!.on("data", (chunk: string) => {
    const text = carry + chunk;
    const cut = text.lastIndexOf("\n") + 1;
    carry = text.slice(cut);
    writer.stdin!.write(text.slice(0, cut).replace(/^CREATE SCHEMA public;$/m, "-- CREATE SCHEMA public;"));
  });
  const [readerCode, writerCode] = await Promise.all([
    new Promise<number | null>((resolve, reject) => {
      reader.on("error", reject);
      reader.on("close", (code) => {
        writer.stdin!.end(carry);
        resolve(code);
      });
    }),
    new Promise<number | null>((resolve, reject) => {
      writer.on("error", reject);
      writer.on("close", resolve);
    }),
  ]);
  if (readerCode !== 0) throw new BackupError(`pg_restore could not read the dump: ${firstLines(readerErrors)}`);
  if (writerCode !== 0) throw new BackupError(`The restore failed and was rolled back (the database is unchanged): ${firstLines(writerErrors)}`);
}

/** Opens an unpacked embedded database and applies this code's migrations to it (prisma migrate deploy). */
async function migrateEmbedded(dataDir: string): Promise<void> {
  const embedded = await startEmbeddedPostgres({ dataDir }).catch((error: unknown) => {
    throw new BackupError(
      `This Luoshi cannot open the backup's embedded database (${error instanceof Error ? error.message : String(error)}); nothing was changed.`,
    );
  });
  try {
    await migrateDeploy(embedded.url);
  } finally {
    await embedded.stop();
  }
}

/** Puts `replacement` (or nothing) where `dir` is, keeping the old one beside it; returns where it went. */
function replaceDirectory(dir: string, replacement: string | null, stamp: string): string | null {
  let aside: string | null = null;
  if (fs.existsSync(dir)) {
    aside = `${dir}.before-restore-${stamp}`;
    fs.renameSync(dir, aside);
  }
  if (replacement) {
    fs.mkdirSync(path.dirname(dir), { recursive: true });
    try {
      fs.renameSync(replacement, dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EXDEV") throw error;
      fs.cpSync(replacement, dir, { recursive: true });
    }
  } else {
    fs.mkdirSync(dir, { recursive: true });
  }
  return aside;
}
