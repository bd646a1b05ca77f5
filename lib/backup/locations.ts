import fs from "node:fs";
import path from "node:path";
import { attachmentsDir } from "@/lib/storage/create-object-store";

type Env = Record<string, string | undefined>;

/** Where things live, as scripts/start.mjs and the object store decide them. */
export function backupLocations(root: string, env: Env = process.env) {
  const dataRoot = path.resolve(env.LUOSHI_DATA_DIR ?? path.join(root, "data"));
  const s3 = (env.LUOSHI_STORAGE ?? "disk").toLowerCase() === "s3";
  return {
    mode: env.DATABASE_URL ? ("server" as const) : ("embedded" as const),
    databaseUrl: env.DATABASE_URL,
    embeddedDataDir: path.join(dataRoot, "pglite"),
    /** null when attachments are in S3: not included (see docs/operations.md). */
    attachmentsDir: s3 ? null : attachmentsDir({ ...env, LUOSHI_DATA_DIR: dataRoot }),
  };
}

export function appVersion(root: string): string {
  return (JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as { version: string }).version;
}

/** Files and bytes under a directory (no symlinks followed), skipping unfinished uploads. */
export function directorySize(dir: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  const walk = (current: string) => {
    for (const entry of fs.readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && !entry.name.endsWith(".partial")) {
        files += 1;
        bytes += fs.statSync(full).size;
      }
    }
  };
  if (fs.existsSync(dir)) walk(dir);
  return { files, bytes };
}

/** A UTC stamp usable in file names: 20261203T140501Z. */
export function fileStamp(date: Date): string {
  return date.toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z");
}
