import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/generated/prisma/client";

/** Where a client keeps its pg pool, for the hot reads that skip Prisma's query layer (sql-rows.ts). */
export const SQL_POOL = Symbol.for("luoshi.sqlPool");

/**
 * The one way to build a Prisma client: the app's singleton, the seed and the
 * tests all come through here so they share pool settings. The pool is the
 * client's own (ended by $disconnect) and also serves sql-rows.ts's reads.
 */
export function createPrismaClient(connectionString: string, poolOptions: { max?: number; connectionTimeoutMillis?: number } = {}): PrismaClient {
  const pool = new pg.Pool({
    connectionString,
    // Fail fast when the server is gone so /api/health can answer 503 promptly.
    connectionTimeoutMillis: 5_000,
    max: 10,
    ...poolOptions,
  });
  // An idle connection that the server closes (a restart, admin_shutdown) is an 'error'
  // event on the pool; without a listener it would end the process. pg has already
  // dropped that connection, so the next query opens a new one: nothing more to do.
  pool.on("error", () => {});
  const adapter = new PrismaPg(pool, { disposeExternalPool: true });
  const client: PrismaClient = new PrismaClient({ adapter, omit: { user: { passwordHash: true } } });
  Object.defineProperty(client, SQL_POOL, { value: pool });
  return client;
}

export type { PrismaClient };
