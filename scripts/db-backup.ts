// `npm run db:backup [FILE]`: one archive with the database, the attachments
// (disk store) and a manifest (docs/operations.md). Embedded mode works while
// `npm start` runs; server mode needs pg_dump. FILE defaults to
// <LUOSHI_BACKUP_DIR or data/backups>/luoshi-backup-<UTC stamp>.tar.gz.
// --keep N then deletes all but the newest N backups in that directory.
import path from "node:path";
import { createBackup } from "@/lib/backup/create-backup";
import { BackupError } from "@/lib/backup/manifest";
import { backupDirectory, backupFileName, pruneBackups } from "@/lib/backup/retention";
import { StartupError } from "./lib/startup-error.mjs";

const root = path.resolve(import.meta.dirname, "..");

async function main() {
  const args = process.argv.slice(2);
  const keepAt = args.indexOf("--keep");
  const keep = keepAt >= 0 ? Number(args.splice(keepAt, 2)[1]) : null;
  if (keep !== null && !(Number.isInteger(keep) && keep >= 1)) throw new BackupError("--keep needs a whole number of backups, at least 1.");
  const now = new Date();
  const dir = backupDirectory(root);
  const file = args[0] ? path.resolve(args[0]) : path.join(dir, backupFileName(now));
  const started = performance.now();
  const manifest = await createBackup({ file, root, now, log: (line) => console.log(`[luoshi] ${line}`) });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `[luoshi] Backup written: ${file} (${manifest.mode}, schema ${manifest.schemaVersion}, ${manifest.counts.ProgressReport ?? 0} reports, ` +
      `${manifest.attachments.included ? `${manifest.attachments.files} attachment file(s)` : "no attachments"}, ${seconds} s)`,
  );
  if (manifest.attachments.note) console.log(`[luoshi] ${manifest.attachments.note}`);
  if (keep !== null) {
    for (const removed of pruneBackups(path.dirname(file), keep)) console.log(`[luoshi] Removed old backup ${removed}`);
  }
}

main().catch((error) => {
  if (error instanceof BackupError || error instanceof StartupError) console.error(`luoshi: ${error.message}`);
  else console.error(`luoshi: backup failed: ${error instanceof Error ? (process.env.LUOSHI_DEBUG ? error.stack : error.message) : error}`);
  process.exit(1);
});
