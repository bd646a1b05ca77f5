import pg from "pg";
import type { Prisma } from "@/generated/prisma/client";
import { tagDatabaseUnavailable } from "@/lib/errors/database-unavailable";
import { SQL_POOL, type PrismaClient } from "./create-client";

const DATE_OID = 1082;

// As Prisma reads them: a `date` is that day's UTC midnight (pg's default would use the server's time zone).
const types = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === DATE_OID ? (value: string) => new Date(`${value}T00:00:00Z`) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/**
 * Runs a read straight on the client's pg pool. Only for the hottest reads whose
 * cost is mostly Prisma's per-call work (My work: benchmarked in docs/performance.md);
 * the statement is the same Prisma.sql, so scoping rules stay in one place.
 * Columns come back as pg types them (int8 and numeric as strings): cast in the SQL.
 */
export async function queryRows<T>(db: PrismaClient, sql: Prisma.Sql): Promise<T[]> {
  const pool = (db as unknown as Record<symbol, pg.Pool | undefined>)[SQL_POOL];
  if (!pool) throw new Error("queryRows needs a client made by createPrismaClient (not a transaction client)");
  try {
    const result = await pool.query<T & pg.QueryResultRow>({ text: sql.text, values: sql.values as unknown[], types });
    return result.rows;
  } catch (error) {
    throw tagDatabaseUnavailable(error);
  }
}
