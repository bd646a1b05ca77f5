import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { backupScheduleFromEnv } from "@/lib/backup/backup-job";
import { BackupError } from "@/lib/backup/manifest";
import { assertClientCanDump, libpqConnection, pgTool } from "@/lib/backup/pg-tools";
import { backupDirectory, backupFileName, pruneBackups } from "@/lib/backup/retention";
import { compareSchema } from "@/lib/backup/schema-version";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe("compareSchema", () => {
  const code = ["20260101000000_init", "20260201000000_reports", "20260301000000_comments"];
  it("calls a backup with every migration of the code the same", () => {
    expect(compareSchema([...code], code)).toEqual({ kind: "same" });
  });
  it("calls a backup lacking the code's last migrations older, naming them", () => {
    expect(compareSchema(code.slice(0, 1), code)).toEqual({ kind: "older", missing: code.slice(1) });
  });
  it("calls a backup with a migration the code does not know newer", () => {
    expect(compareSchema([...code, "20270101000000_future"], code)).toEqual({ kind: "newer", unknown: ["20270101000000_future"] });
  });
});

describe("PostgreSQL client tools", () => {
  it("names the package when pg_dump is missing", () => {
    expect(() => pgTool("pg_dump", { PATH: "/nonexistent" })).toThrow(/pg_dump was not found.*apt install postgresql-client/);
  });
  it("refuses a pg_dump older than the server, naming the version to install", () => {
    expect(() => assertClientCanDump(15, 180006)).toThrow(BackupError);
    expect(() => assertClientCanDump(15, 180006)).toThrow(/version 15 .* version 18.*postgresql-client-18/);
    expect(() => assertClientCanDump(16, 150020)).not.toThrow();
  });
  it("moves the password out of the URL and drops Prisma-only parameters", () => {
    const connection = libpqConnection("postgresql://luoshi:s%40cret@db:5432/luoshi?schema=public&sslmode=require");
    expect(connection.url).toBe("postgresql://luoshi@db:5432/luoshi?sslmode=require");
    expect(connection.env).toEqual({ PGPASSWORD: "s@cret" });
  });
});

describe("retention", () => {
  it("keeps the newest backups and leaves other files alone", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "luoshi-keep-"));
    dirs.push(dir);
    const names = [1, 2, 3, 4].map((day) => backupFileName(new Date(Date.UTC(2026, 11, day, 2, 30))));
    for (const name of [...names, "notes.txt", "luoshi-backup-manual.tar.gz"]) fs.writeFileSync(path.join(dir, name), "x");
    const removed = pruneBackups(dir, 2).map((file) => path.basename(file));
    expect(removed).toEqual([names[1], names[0]]);
    expect(fs.readdirSync(dir).sort()).toEqual([names[2], names[3], "luoshi-backup-manual.tar.gz", "notes.txt"].sort());
  });
  it("reads the schedule from the environment", () => {
    expect(backupScheduleFromEnv("/app", {})).toBeNull();
    expect(backupScheduleFromEnv("/app", { LUOSHI_BACKUP_CRON: "30 2 * * *" })).toEqual({ cron: "30 2 * * *", dir: "/app/data/backups", keep: 7 });
    expect(backupScheduleFromEnv("/app", { LUOSHI_BACKUP_CRON: "0 * * * *", LUOSHI_BACKUP_KEEP: "24", LUOSHI_BACKUP_DIR: "/backups" })).toEqual({
      cron: "0 * * * *",
      dir: "/backups",
      keep: 24,
    });
    expect(() => backupScheduleFromEnv("/app", { LUOSHI_BACKUP_CRON: "daily" })).toThrow(/5-field/);
    expect(() => backupScheduleFromEnv("/app", { LUOSHI_BACKUP_CRON: "0 2 * * *", LUOSHI_BACKUP_KEEP: "0" })).toThrow(/LUOSHI_BACKUP_KEEP/);
    expect(backupDirectory("/app", { LUOSHI_DATA_DIR: "/srv/luoshi" })).toBe("/srv/luoshi/backups");
  });
});
