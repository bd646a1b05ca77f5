import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { hashPassword } from "@/lib/auth/password";
import { createPrismaClient } from "@/lib/db/create-client";
import { seedAll } from "@/prisma/seed/seed-all";
import { migrateDeploy } from "@/scripts/lib/prisma-cli.mjs";
import { startEmbeddedPostgres } from "@/scripts/lib/embedded-postgres.mjs";
import { countRows, generatedUserPassword, generateProvinceData, type ProvinceVolume } from "../province-data";

/** CI's smoke run: enough rows for every request type, generated in seconds. */
export const smokeVolume: ProvinceVolume = { units: 60, measures: 150, months: 3, users: 60, milestonesPerMeasure: 1 };

/**
 * The embedded run's volume. PGlite is one single-threaded WASM PostgreSQL;
 * generating the full province (600,000 reports) in it is impractically slow,
 * so the embedded figures are for a mid-sized deployment of this size.
 */
export const embeddedVolume: ProvinceVolume = { units: 1_000, measures: 3_000, months: 36, users: 1_000, milestonesPerMeasure: 3 };

/** The server's luoshi_load database (made by npm run bench:seed). */
export function provinceDatabaseUrl(): string {
  const url = new URL(process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres");
  url.pathname = "/luoshi_load";
  return url.toString();
}

export async function dropDatabase(url: string): Promise<void> {
  const server = new URL(url);
  const name = server.pathname.slice(1);
  server.pathname = "/postgres";
  const admin = new pg.Client({ connectionString: server.toString() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.end();
}

export async function rowCounts(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await countRows(client);
  } finally {
    await client.end();
  }
}

/**
 * Opens the embedded database of a Luoshi data directory (as `npm start` with
 * LUOSHI_DATA_DIR would) for `fn`, generating `volume` into it first when it is
 * new. The data directory is then left for scripts/start.mjs to serve.
 */
export async function withEmbeddedData<T>(dataRoot: string, volume: ProvinceVolume, fn: (url: string) => Promise<T>): Promise<T> {
  const marker = path.join(dataRoot, "load-volume.json");
  const embedded = await startEmbeddedPostgres({ dataDir: path.join(dataRoot, "pglite") });
  try {
    if (!fs.existsSync(marker)) {
      console.log(`Generating ${JSON.stringify(volume)} into the embedded database in ${dataRoot} (once)…`);
      await migrateDeploy(embedded.url);
      const db = createPrismaClient(embedded.url);
      await seedAll(db, { now: new Date("2026-11-28T04:00:00Z") });
      await db.$disconnect();
      const started = performance.now();
      await generateProvinceData(embedded.url, { volume, passwordHash: await hashPassword(generatedUserPassword) });
      console.log(`… generated in ${((performance.now() - started) / 1000).toFixed(0)} s`);
      fs.writeFileSync(marker, JSON.stringify(volume));
    }
    return await fn(embedded.url);
  } finally {
    await embedded.stop();
  }
}
