import { afterAll, describe, expect, it, vi } from "vitest";
import { createPrismaClient } from "@/lib/db/create-client";
import { checkHealth, withReplica } from "@/lib/health/check-health";
import { checkReady, expectedMigrations } from "@/lib/health/check-ready";
import { migrateDeploy } from "@/scripts/lib/prisma-cli.mjs";
import { createScratchDatabase } from "../setup/scratch-database";
import { testDb } from "./helpers";

const db = testDb();
afterAll(() => db.$disconnect());

describe("[DB] health", () => {
  it("reports ok and the number of measures", async () => {
    const measures = await db.measure.count();
    expect(await checkHealth(db)).toEqual({ status: "ok", db: "ok", measures });
  });

  it("GET /api/health answers 200, then 503 with db down once the database stops", async () => {
    // The route uses the app's singleton client, which reads DATABASE_URL on first use.
    const scratch = await createScratchDatabase("pglite");
    let stopped = false;
    try {
      await migrateDeploy(scratch.url);
      vi.resetModules();
      vi.stubEnv("DATABASE_URL", scratch.url);
      delete (globalThis as { luoshiPrisma?: unknown }).luoshiPrisma;
      const { GET } = await import("@/app/api/health/route");

      const up = await GET();
      expect(up.status).toBe(200);
      expect(await up.json()).toEqual({ status: "ok", db: "ok", measures: 0 });

      await scratch.drop();
      stopped = true;
      const down = await GET();
      expect(down.status).toBe(503);
      expect(await down.json()).toEqual({ status: "error", db: "down" });
    } finally {
      if (!stopped) await scratch.drop();
      vi.unstubAllEnvs();
      const client = (globalThis as { luoshiPrisma?: { $disconnect(): Promise<void> } }).luoshiPrisma;
      await client?.$disconnect().catch(() => {});
      delete (globalThis as { luoshiPrisma?: unknown }).luoshiPrisma;
    }
  });

  it("with a read replica, is ok only when both answer, and says which one is down", () => {
    const up = { status: "ok", db: "ok", measures: 36 } as const;
    const down = { status: "error", db: "down" } as const;
    expect(withReplica(up, null)).toEqual(up);
    expect(withReplica(up, { ...up, measures: 35 })).toEqual({ status: "ok", db: "ok", measures: 36, replica: "ok" });
    expect(withReplica(up, down)).toEqual({ status: "error", db: "ok", measures: 36, replica: "down" });
    expect(withReplica(down, up)).toEqual({ status: "error", db: "down", replica: "ok" });
  });

  it("reports down when the server cannot be reached at all", async () => {
    const unreachable = createPrismaClient("postgresql://nobody:nothing@127.0.0.1:1/none");
    expect(await checkHealth(unreachable)).toEqual({ status: "error", db: "down" });
    await unreachable.$disconnect();
  });

  it("ready: every migration of this build applied; pending ones named; down when unreachable", async () => {
    const migrations = expectedMigrations();
    expect(migrations.length).toBeGreaterThan(10);
    expect(await checkReady(db)).toEqual({ status: "ok", db: "ok", migrations: "ok" });
    const newer = [...migrations, "29991231000000_from_a_newer_build"];
    expect(await checkReady(db, { expected: newer })).toEqual({ status: "error", db: "ok", migrations: "pending", pending: ["29991231000000_from_a_newer_build"] });
    const unreachable = createPrismaClient("postgresql://nobody:nothing@127.0.0.1:1/none");
    expect(await checkReady(unreachable)).toEqual({ status: "error", db: "down" });
    await unreachable.$disconnect();
  });

  it("ready is 503 with Retry-After on a database that was never migrated; live is 200 without any database", async () => {
    const scratch = await createScratchDatabase("pglite");
    try {
      vi.resetModules();
      vi.stubEnv("DATABASE_URL", scratch.url);
      delete (globalThis as { luoshiPrisma?: unknown }).luoshiPrisma;
      const ready = await (await import("@/app/api/health/ready/route")).GET();
      expect(ready.status).toBe(503);
      expect(ready.headers.get("retry-after")).toBe("5");
      const body = await ready.json();
      expect(body).toMatchObject({ status: "error", db: "ok", migrations: "pending" });
      expect(body.pending).toEqual(expectedMigrations());

      await migrateDeploy(scratch.url);
      expect((await (await import("@/app/api/health/ready/route")).GET()).status).toBe(200);

      vi.stubEnv("DATABASE_URL", "postgresql://nobody:nothing@127.0.0.1:1/none");
      const live = await (await import("@/app/api/health/live/route")).GET();
      expect(live.status).toBe(200);
      expect(await live.json()).toEqual({ status: "ok" });
    } finally {
      vi.unstubAllEnvs();
      const client = (globalThis as { luoshiPrisma?: { $disconnect(): Promise<void> } }).luoshiPrisma;
      await client?.$disconnect().catch(() => {});
      delete (globalThis as { luoshiPrisma?: unknown }).luoshiPrisma;
      await scratch.drop();
    }
  });
});
