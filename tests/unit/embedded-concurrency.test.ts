import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "@/generated/prisma/client";
import { createPrismaClient } from "@/lib/db/create-client";
import { startEmbeddedPostgres } from "@/scripts/lib/embedded-postgres.mjs";

let embedded: Awaited<ReturnType<typeof startEmbeddedPostgres>>;
beforeAll(async () => {
  embedded = await startEmbeddedPostgres();
}, 60_000);
afterAll(() => embedded?.stop());

describe("[DB] the embedded database under concurrent connections", () => {
  it("keeps each connection's parameterised queries whole while a transaction holds the database", async () => {
    const db = createPrismaClient(embedded.url);
    try {
      for (let round = 0; round < 5; round++) {
        // A transaction with pauses, as the trend cache's refresh beside the dashboard's nine queries.
        const transaction = db.$transaction(async (tx) => {
          await tx.$queryRaw`SELECT 1`;
          await new Promise((resolve) => setTimeout(resolve, 50));
          await tx.$queryRaw`SELECT 2`;
        });
        const queries = Array.from({ length: 40 }, async (_, index) => {
          const params = Array.from({ length: 1 + (index % 9) }, (_, n) => index * 10 + n);
          const rows = await db.$queryRaw<{ sum: number }[]>`SELECT (${Prisma.join(params.map((p) => Prisma.sql`${p}::int`), " + ")})::int AS sum`;
          return rows[0]!.sum === params.reduce((a, b) => a + b, 0);
        });
        const results = await Promise.all(queries);
        await transaction;
        expect(results.every(Boolean)).toBe(true);
      }
    } finally {
      await db.$disconnect();
    }
  }, 60_000);
});
