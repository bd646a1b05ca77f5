import { createPrismaClient, type PrismaClient } from "./create-client";

// Reuse one client across hot reloads in development.
const globalForPrisma = globalThis as unknown as { luoshiPrisma?: PrismaClient };

function getClient(): PrismaClient {
  if (!globalForPrisma.luoshiPrisma) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set; start the app with `npm start`.");
    globalForPrisma.luoshiPrisma = createPrismaClient(url);
  }
  return globalForPrisma.luoshiPrisma;
}

/** The app's Prisma client, created on first use so `next build` never needs a database. */
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const client = getClient();
    const value = Reflect.get(client, property, client);
    return typeof value === "function" ? value.bind(client) : value;
  },
});
