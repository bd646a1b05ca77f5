import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres } from "@/scripts/lib/embedded-postgres.mjs";
import { controlSocketPath, requestSnapshot } from "@/scripts/lib/pglite-control.mjs";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "luoshi-snap-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("[DB] a snapshot of the embedded database while it is written", () => {
  it("copies one instant: every acknowledged transaction whole, none in part", async () => {
    const dataDir = path.join(dir, "pglite");
    const embedded = await startEmbeddedPostgres({ dataDir });
    const copy = path.join(dir, "copy");
    let acknowledgedBefore = 0;
    try {
      expect((fs.statSync(controlSocketPath(dataDir)).mode & 0o777).toString(8)).toBe("600");
      const setup = new pg.Client({ connectionString: embedded.url });
      await setup.connect();
      await setup.query("CREATE TABLE debit (n int PRIMARY KEY); CREATE TABLE credit (n int PRIMARY KEY)");
      await setup.end();

      // Two writers, each transaction writing one row to each table with a pause in between.
      let stop = false;
      let acknowledged = 0;
      let next = 0;
      const writer = async () => {
        const client = new pg.Client({ connectionString: embedded.url });
        await client.connect();
        while (!stop) {
          const n = next++;
          await client.query("BEGIN");
          await client.query("INSERT INTO debit VALUES ($1)", [n]);
          await new Promise((resolve) => setTimeout(resolve, 2));
          await client.query("INSERT INTO credit VALUES ($1)", [n]);
          await client.query("COMMIT");
          acknowledged++;
        }
        await client.end();
      };
      const writers = [writer(), writer()];
      await new Promise((resolve) => setTimeout(resolve, 400));
      acknowledgedBefore = acknowledged;
      // A statement sent once the copy has begun runs only after it is complete.
      const events: string[] = [];
      const snapshot = requestSnapshot(dataDir, copy).then((done) => (events.push("snapshot"), done));
      while (!fs.existsSync(copy)) await new Promise((resolve) => setImmediate(resolve));
      const probe = new pg.Client({ connectionString: embedded.url });
      await probe.connect();
      await probe.query("SELECT 1").then(() => events.push("query"));
      await probe.end();
      expect(await snapshot).toBe(copy);
      expect(events).toEqual(["snapshot", "query"]);
      await new Promise((resolve) => setTimeout(resolve, 200));
      stop = true;
      await Promise.all(writers);
      expect(acknowledged).toBeGreaterThan(acknowledgedBefore);
    } finally {
      await embedded.stop();
    }
    expect(fs.existsSync(controlSocketPath(dataDir))).toBe(false);

    const restored = await PGlite.create({ dataDir: copy });
    try {
      const { rows } = await restored.query<{ debits: number; credits: number; unmatched: number }>(
        `SELECT (SELECT count(*)::int FROM debit) AS debits, (SELECT count(*)::int FROM credit) AS credits,
                (SELECT count(*)::int FROM debit FULL JOIN credit USING (n) WHERE debit.n IS NULL OR credit.n IS NULL) AS unmatched`,
      );
      expect(rows[0]!.unmatched).toBe(0);
      expect(rows[0]!.debits).toBe(rows[0]!.credits);
      expect(rows[0]!.debits).toBeGreaterThanOrEqual(acknowledgedBefore);
    } finally {
      await restored.close();
    }
  }, 60_000);

  it("answers null when no process serves the directory", async () => {
    expect(await requestSnapshot(path.join(dir, "nobody"), path.join(dir, "nowhere"))).toBeNull();
  });
});
