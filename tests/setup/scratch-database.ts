import pg from "pg";
import { startEmbeddedPostgres } from "@/scripts/lib/embedded-postgres.mjs";

export type DatabaseKind = "pglite" | "postgres";

export interface ScratchDatabase {
  url: string;
  drop: () => Promise<void>;
}

/** An empty database of the given kind: an in-memory PGlite, or a new database on the server. */
export async function createScratchDatabase(kind: DatabaseKind, serverUrl?: string): Promise<ScratchDatabase> {
  if (kind === "pglite") {
    const embedded = await startEmbeddedPostgres();
    return { url: embedded.url, drop: embedded.stop };
  }
  if (!serverUrl) throw new Error("A PostgreSQL scratch database needs TEST_DATABASE_URL");
  const name = `luoshi_test_${process.pid}_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  await withAdmin(serverUrl, (admin) => admin.query(`CREATE DATABASE "${name}"`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await withAdmin(serverUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}

async function withAdmin<T>(serverUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
