import fs from "node:fs";
import path from "node:path";
import type { PrismaClient } from "@/lib/db/create-client";

export type Readiness =
  | { status: "ok"; db: "ok"; migrations: "ok" }
  | { status: "error"; db: "down" }
  | { status: "error"; db: "ok"; migrations: "pending"; pending: string[] };

/** The migrations this build expects: the directories of prisma/migrations. */
export function expectedMigrations(migrationsDir = path.join(process.cwd(), "prisma", "migrations")): string[] {
  return fs
    .readdirSync(migrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(migrationsDir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort();
}

/**
 * Ready to serve: the database answers and every migration of this build is
 * applied (a start that has not migrated yet, or a restore of an older backup,
 * is not ready). Any failure to reach the database, or no answer within
 * `timeoutMs`, reports it as down.
 */
export async function checkReady(
  db: PrismaClient,
  { timeoutMs = 5_000, expected = expectedMigrations() }: { timeoutMs?: number; expected?: string[] } = {},
): Promise<Readiness> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("database readiness check timed out")), timeoutMs);
  });
  try {
    await Promise.race([db.$queryRaw`SELECT 1`, timeout]);
  } catch {
    clearTimeout(timer);
    return { status: "error", db: "down" };
  }
  try {
    const rows = await Promise.race([
      db.$queryRaw<{ name: string }[]>`SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
      timeout,
    ]);
    const applied = new Set(rows.map((row) => row.name));
    const pending = expected.filter((name) => !applied.has(name));
    return pending.length ? { status: "error", db: "ok", migrations: "pending", pending } : { status: "ok", db: "ok", migrations: "ok" };
  } catch {
    // No migrations table yet: nothing is applied.
    return { status: "error", db: "ok", migrations: "pending", pending: expected };
  } finally {
    clearTimeout(timer);
  }
}
