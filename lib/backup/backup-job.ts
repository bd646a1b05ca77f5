import fs from "node:fs";
import path from "node:path";
import { backupDirectory, backupFileName } from "./retention";
import { run } from "./run";

type Env = Record<string, string | undefined>;

export interface BackupSchedule {
  cron: string;
  dir: string;
  keep: number;
}

/**
 * Scheduled backups (docs/operations.md): LUOSHI_BACKUP_CRON (a cron line in
 * Asia/Shanghai time; unset = none), LUOSHI_BACKUP_DIR (default
 * <LUOSHI_DATA_DIR or ./data>/backups), LUOSHI_BACKUP_KEEP (default 7).
 */
export function backupScheduleFromEnv(root: string, env: Env = process.env): BackupSchedule | null {
  const cron = env.LUOSHI_BACKUP_CRON?.trim();
  if (!cron) return null;
  if (cron.split(/\s+/).length !== 5) throw new Error(`LUOSHI_BACKUP_CRON must be a 5-field cron line such as "30 2 * * *", not "${cron}".`);
  const keepRaw = env.LUOSHI_BACKUP_KEEP?.trim() || "7";
  const keep = Number(keepRaw);
  if (!Number.isInteger(keep) || keep < 1) throw new Error(`LUOSHI_BACKUP_KEEP must be a whole number ≥ 1, not "${keepRaw}".`);
  return { cron, dir: backupDirectory(root, env), keep };
}

/**
 * One scheduled backup: `npm run db:backup` in a child process, so the web
 * server does not carry the copy's memory and CPU, and the backup is exactly
 * the one an operator makes by hand (embedded mode: through the database
 * process's snapshot socket). The file is named by the minute of `now`, so a
 * retried job does not write a second one. Fails (and pg-boss retries) when
 * the command fails.
 */
export async function runScheduledBackup(
  schedule: BackupSchedule,
  root: string,
  now: Date,
  processEnv: Env = process.env,
): Promise<{ file: string; skipped?: true }> {
  const minute = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
  const file = path.join(schedule.dir, backupFileName(minute));
  if (fs.existsSync(file)) return { file, skipped: true };
  const tsx = path.join(root, "node_modules", ".bin", "tsx");
  // Under `npm start` with the embedded database, DATABASE_URL is that database's socket: the command
  // must take the embedded path (a snapshot from the start process), not pg_dump.
  const env = { ...processEnv };
  if (env.LUOSHI_EMBEDDED === "1") delete env.DATABASE_URL;
  const { code, stdout, stderr } = await run(tsx, [path.join(root, "scripts", "db-backup.ts"), file, "--keep", String(schedule.keep)], {
    cwd: root,
    env: env as NodeJS.ProcessEnv,
  });
  const output = `${stdout}${stderr}`;
  if (code !== 0) throw new Error(`Scheduled backup failed: ${output.trim().split("\n").slice(-2).join(" ")}`);
  return { file };
}
