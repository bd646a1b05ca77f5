import { registerPool } from "@/lib/observability/metrics.mjs";
import { createPrismaClient, type PrismaClient, SQL_POOL } from "./create-client";

// Reuse the clients across hot reloads in development.
const globalForPrisma = globalThis as unknown as { luoshiPrisma?: PrismaClient; luoshiReadPrisma?: PrismaClient };

function getClient(): PrismaClient {
  if (!globalForPrisma.luoshiPrisma) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set; start the app with `npm start`.");
    globalForPrisma.luoshiPrisma = createPrismaClient(url);
    // /metrics reports the pool's connections and waiting queries.
    registerPool("primary", (globalForPrisma.luoshiPrisma as unknown as Record<symbol, import("pg").Pool>)[SQL_POOL]);
  }
  return globalForPrisma.luoshiPrisma;
}

function getReadClient(): PrismaClient {
  const url = process.env.DATABASE_READ_URL;
  if (!url) return getClient();
  if (!globalForPrisma.luoshiReadPrisma) {
    globalForPrisma.luoshiReadPrisma = createPrismaClient(url);
    registerPool("replica", (globalForPrisma.luoshiReadPrisma as unknown as Record<symbol, import("pg").Pool>)[SQL_POOL]);
  }
  return globalForPrisma.luoshiReadPrisma;
}

/** A client created on first use, so `next build` never needs a database. */
function lazyClient(get: () => PrismaClient): PrismaClient {
  return new Proxy({} as PrismaClient, {
    get(_target, property) {
      const client = get();
      const value = Reflect.get(client, property, client);
      return typeof value === "function" ? value.bind(client) : value;
    },
  });
}

/** The app's Prisma client on the primary database: every write, and every read that must see them at once. */
export const db: PrismaClient = lazyClient(getClient);

/**
 * For the read-only list views (ledger, timeline, measure list API, exports): a
 * read replica when DATABASE_READ_URL is set, else the primary. Never write
 * through it. Each such view reads all its data here, so a page's figures agree
 * with each other even while the replica lags behind.
 */
export const readDb: PrismaClient = lazyClient(getReadClient);

/** Whether list views read from a replica (DATABASE_READ_URL). */
export const hasReadReplica = () => Boolean(process.env.DATABASE_READ_URL);
