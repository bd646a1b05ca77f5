import { afterAll, describe, expect, it, vi } from "vitest";
import { createPrismaClient } from "@/lib/db/create-client";
import { checkHealth, withReplica } from "@/lib/health/check-health";
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
});
