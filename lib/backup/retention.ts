import fs from "node:fs";
import path from "node:path";
import { fileStamp } from "./locations";

type Env = Record<string, string | undefined>;

const BACKUP_NAME = /^luoshi-backup-\d{8}T\d{6}Z\.tar\.gz$/;

/** LUOSHI_BACKUP_DIR, else <LUOSHI_DATA_DIR or ./data>/backups. */
export function backupDirectory(root: string, env: Env = process.env): string {
  if (env.LUOSHI_BACKUP_DIR) return path.resolve(env.LUOSHI_BACKUP_DIR);
  return path.resolve(env.LUOSHI_DATA_DIR ?? path.join(root, "data"), "backups");
}

export function backupFileName(now: Date): string {
  return `luoshi-backup-${fileStamp(now)}.tar.gz`;
}

/**
 * Deletes all but the newest `keep` backups in `dir` (only files named as
 * backupFileName makes them; anything else there is left alone). Returns the
 * deleted paths.
 */
export function pruneBackups(dir: string, keep: number): string[] {
  if (!fs.existsSync(dir)) return [];
  const backups = fs
    .readdirSync(dir)
    .filter((name) => BACKUP_NAME.test(name))
    .sort()
    .reverse();
  const removed = backups.slice(Math.max(keep, 1)).map((name) => path.join(dir, name));
  for (const file of removed) fs.rmSync(file, { force: true });
  return removed;
}
