import fs from "node:fs";
import path from "node:path";

/** Anything that runs SQL and returns rows: a pg.Client or a PGlite. */
export type Query = (sql: string) => Promise<{ rows: Record<string, unknown>[] }>;

/** The migrations this code ships (prisma/migrations/<name>/migration.sql), in order. */
export function codeMigrations(root: string): string[] {
  const dir = path.join(root, "prisma", "migrations");
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(dir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort();
}

/** The migrations applied to a database (Prisma's own table), in order. */
export async function appliedMigrations(query: Query): Promise<string[]> {
  const { rows } = await query(
    `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
  );
  return rows.map((row) => String(row.migration_name));
}

export type SchemaComparison =
  | { kind: "same" }
  | { kind: "older"; missing: string[] }
  | { kind: "newer"; unknown: string[] };

/**
 * How a backup's schema stands to this code's: newer when it has a migration
 * this code does not know (restoring it would leave tables the code cannot
 * read), older when the code has migrations the backup lacks (applied after
 * the restore).
 */
export function compareSchema(backup: string[], code: string[]): SchemaComparison {
  const known = new Set(code);
  const unknown = backup.filter((name) => !known.has(name));
  if (unknown.length > 0) return { kind: "newer", unknown };
  const applied = new Set(backup);
  const missing = code.filter((name) => !applied.has(name));
  return missing.length > 0 ? { kind: "older", missing } : { kind: "same" };
}

/** Row counts of the app's tables (schema public), for the manifest and the restore summary. */
export async function tableCounts(query: Query): Promise<Record<string, number>> {
  const { rows } = await query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`);
  const counts: Record<string, number> = {};
  for (const { tablename } of rows) {
    const name = String(tablename);
    const result = await query(`SELECT count(*)::int AS n FROM "${name.replaceAll('"', '""')}"`);
    counts[name] = Number(result.rows[0]?.n ?? 0);
  }
  return counts;
}
