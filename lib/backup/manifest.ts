import fs from "node:fs";
import path from "node:path";

export const MANIFEST_FILE = "manifest.json";
export const BACKUP_FORMAT = "luoshi-backup";

export type BackupMode = "embedded" | "server";

/** manifest.json, the first member of every backup archive. */
export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  formatVersion: 1;
  appVersion: string;
  /** The latest applied Prisma migration. */
  schemaVersion: string | null;
  migrations: string[];
  createdAt: string;
  mode: BackupMode;
  /** `SELECT version()` of the database that was backed up. */
  postgresVersion: string;
  /** What the database part is: a copy of the PGlite directory, or a pg_dump custom-format file. */
  database: { kind: "pglite-directory"; path: "database/pglite" } | { kind: "pg_dump-custom"; path: "database/luoshi.dump" };
  counts: Record<string, number>;
  attachments: { included: boolean; files: number; bytes: number; note?: string };
}

export function readManifest(dir: string): BackupManifest {
  const file = path.join(dir, MANIFEST_FILE);
  if (!fs.existsSync(file)) throw new BackupError("This file is not a Luoshi backup (no manifest.json inside).");
  const manifest = JSON.parse(fs.readFileSync(file, "utf8")) as BackupManifest;
  if (manifest.format !== BACKUP_FORMAT) throw new BackupError("This file is not a Luoshi backup (unknown manifest format).");
  if (manifest.formatVersion !== 1) {
    throw new BackupError(`This backup has format version ${manifest.formatVersion}; this Luoshi reads version 1. Upgrade Luoshi first.`);
  }
  return manifest;
}

/** A refusal or failure the commands print as one line (no stack trace). */
export class BackupError extends Error {
  override name = "BackupError";
}
