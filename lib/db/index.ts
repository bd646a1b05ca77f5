import { tagDatabaseUnavailable } from "@/lib/errors/database-unavailable";
import { registerPool } from "@/lib/observability/metrics.mjs";
import { createPrismaClient, type PrismaClient, SQL_POOL } from "./create-client";

// Reuse the clients across hot reloads in development.
const globalForPrisma = globalThis as unknown as { luoshiPrisma?: PrismaClient; luoshiReadPrisma?: PrismaClient };

function getClient(): PrismaClient {
  if (!globalForPrisma.luoshiPrisma) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set; start the app with `npm start`.");
    globalForPrisma.luoshiPrisma = observedClient("primary", url);
  }
  return globalForPrisma.luoshiPrisma;
}

function getReadClient(): PrismaClient {
  const url = process.env.DATABASE_READ_URL;
  if (!url) return getClient();
  globalForPrisma.luoshiReadPrisma ??= observedClient("replica", url);
  return globalForPrisma.luoshiReadPrisma;
}

/**
 * Queries that fail because the database is restarting or the connection dropped
 * are tagged (lib/errors/database-unavailable.ts), so a page shows "busy, retry"
 * with a 503 instead of a generic 500; the pool itself recovers (pg drops
 * broken connections and opens new ones on the next query).
 */
/** The app's client: its pool reported on /metrics, its connection failures tagged (below). */
function observedClient(name: "primary" | "replica", url: string): PrismaClient {
  const client = createPrismaClient(url);
  registerPool(name, (client as unknown as Record<symbol, import("pg").Pool>)[SQL_POOL]);
  return tagUnavailable(client);
}

function tagUnavailable(client: PrismaClient): PrismaClient {
  const extended = client.$extends({
    query: {
      $allOperations: ({ args, query }) =>
        query(args).catch((error: unknown) => {
          throw tagDatabaseUnavailable(error);
        }),
    },
  });
  return extended as unknown as PrismaClient;
}

/** A client created on first use, so `next build` never needs a database. */
function lazyClient(get: () => PrismaClient): PrismaClient {
  return new Proxy({} as PrismaClient, {
    get(_target, property) {
      const client = get();
      const value = Reflect.get(client, property, client);
      if (property === "$transaction") {
        // A transaction that cannot even start (no connection) is not a query the extension sees.
        return (...args: unknown[]) =>
          (value as (...args: unknown[]) => Promise<unknown>).apply(client, args).catch((error: unknown) => {
            throw tagDatabaseUnavailable(error);
          });
      }
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
