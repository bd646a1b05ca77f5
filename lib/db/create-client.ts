import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";

/**
 * The one way to build a Prisma client: the app's singleton, the seed and the
 * tests all come through here so they share pool settings.
 */
export function createPrismaClient(connectionString: string, pool: { max?: number; connectionTimeoutMillis?: number } = {}): PrismaClient {
  const adapter = new PrismaPg({
    connectionString,
    // Fail fast when the server is gone so /api/health can answer 503 promptly.
    connectionTimeoutMillis: 5_000,
    max: 10,
    ...pool,
  });
  return new PrismaClient({ adapter, omit: { user: { passwordHash: true } } });
}

export type { PrismaClient };
