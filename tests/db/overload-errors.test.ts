import { afterAll, describe, expect, inject, it } from "vitest";
import { createPrismaClient } from "@/lib/db/create-client";
import { mapError } from "@/lib/errors/map-error";

// One connection, and little patience: while a transaction holds it, everything else waits in vain.
const db = createPrismaClient(inject("databaseUrl"), { max: 1, connectionTimeoutMillis: 300 });
// The same database through a pool that would wait longer than the transaction may.
const patientDb = createPrismaClient(inject("databaseUrl"), { max: 1, connectionTimeoutMillis: 5_000 });
afterAll(() => Promise.all([db.$disconnect(), patientDb.$disconnect()]));

/** Runs `body` while a transaction keeps the pool's only connection busy. */
async function whileTheConnectionIsHeld<T>(body: () => Promise<T>): Promise<T> {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  let started!: () => void;
  const holding = new Promise<void>((resolve) => (started = resolve));
  const transaction = db.$transaction(
    async (tx) => {
      await tx.$queryRaw`SELECT 1`;
      started();
      await held;
    },
    { timeout: 10_000 },
  );
  await holding;
  try {
    return await body();
  } finally {
    release();
    await transaction;
  }
}

describe("[LOAD] an exhausted database pool is a 503 'server busy', not an internal error", () => {
  it("maps a query that found no free connection in time", async () => {
    const error = await whileTheConnectionIsHeld(() => db.area.count().then(() => null, (caught: unknown) => caught));
    expect(error).not.toBeNull();
    expect(mapError(error)).toEqual({ code: "SERVER_BUSY", status: 503, values: {}, fieldErrors: {} });
  });

  it("maps a transaction that got its connection later than it may wait (P2028)", async () => {
    // The pool's only connection comes free after 400 ms; the transaction may wait 200 ms for it.
    let started!: () => void;
    const holding = new Promise<void>((resolve) => (started = resolve));
    const holder = patientDb.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT 1`;
      started();
      await new Promise((resolve) => setTimeout(resolve, 400));
    });
    await holding;
    const error = await patientDb.$transaction(async (tx) => tx.area.count(), { maxWait: 200 }).then(() => null, (caught: unknown) => caught);
    await holder;
    expect((error as { code?: string }).code).toBe("P2028");
    expect(mapError(error)).toEqual({ code: "SERVER_BUSY", status: 503, values: {}, fieldErrors: {} });
  });

  it("leaves other failures internal errors, and the pool works again once the connection is free", async () => {
    expect(mapError(new Error("something else")).code).toBe("INTERNAL");
    expect(await db.area.count()).toBeGreaterThanOrEqual(0);
  });
});
