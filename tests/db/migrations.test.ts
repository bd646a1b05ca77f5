import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createScratchDatabase, type ScratchDatabase } from "../setup/scratch-database";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "..", "..");

/** Tables, columns, indexes, constraints and enums: what a migration defines. */
async function schemaSnapshot(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const query = async (sql: string) => (await client.query(sql)).rows.map((row) => Object.values(row).join(" | "));
    return {
      columns: await query(`
        SELECT table_name, column_name, data_type, udt_name, is_nullable, coalesce(column_default, '')
        FROM information_schema.columns
        WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'
        ORDER BY table_name, column_name`),
      indexes: await query(`
        SELECT tablename, indexname, indexdef FROM pg_indexes
        WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'
        ORDER BY tablename, indexname`),
      constraints: await query(`
        SELECT rel.relname, con.conname, pg_get_constraintdef(con.oid)
        FROM pg_constraint con JOIN pg_class rel ON rel.oid = con.conrelid
        JOIN pg_namespace ns ON ns.oid = rel.relnamespace
        WHERE ns.nspname = 'public' AND rel.relname <> '_prisma_migrations'
          AND con.contype <> 'c' -- CHECK constraints are hand-written in migrations; schema.prisma cannot express them
        ORDER BY rel.relname, con.conname`),
      enums: await query(`
        SELECT t.typname, string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder)
        FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
        JOIN pg_namespace ns ON ns.oid = t.typnamespace
        WHERE ns.nspname = 'public' -- the job queue keeps its own enums in schema pgboss
        GROUP BY t.typname ORDER BY t.typname`),
    };
  } finally {
    await client.end();
  }
}

describe("[DB] migrations", () => {
  const url = inject("databaseUrl");
  let fromSchema: ScratchDatabase;

  beforeAll(async () => {
    fromSchema = await createScratchDatabase(inject("databaseKind"), process.env.TEST_DATABASE_URL);
  });
  afterAll(async () => {
    await fromSchema?.drop();
  });

  it("applies every committed migration to an empty database", async () => {
    const committed = fs
      .readdirSync(path.join(root, "prisma", "migrations"), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query(
      `SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY 1`,
    );
    await client.end();
    expect(committed.length).toBeGreaterThan(0);
    expect(rows.map((row) => row.migration_name)).toEqual(committed);
  });

  it("matches schema.prisma exactly (no drift between migrations and the schema)", async () => {
    const { stdout } = await run(
      path.join(root, "node_modules", ".bin", "prisma"),
      ["migrate", "diff", "--from-empty", "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
      { cwd: root, env: { ...process.env, DATABASE_URL: fromSchema.url } },
    );
    const client = new pg.Client({ connectionString: fromSchema.url });
    await client.connect();
    await client.query(stdout);
    await client.end();

    const [migrated, expected] = await Promise.all([schemaSnapshot(url), schemaSnapshot(fromSchema.url)]);
    expect(migrated.columns.length).toBeGreaterThan(50);
    expect(migrated).toEqual(expected);
  });
});
