import fs from "node:fs";
import path from "node:path";
import { BackupError } from "./manifest";
import { run } from "./run";

type Env = Record<string, string | undefined>;

/**
 * A PostgreSQL client program (pg_dump, pg_restore, psql): from LUOSHI_PG_BIN
 * when set, else the PATH. Missing: one line naming the package to install.
 */
export function pgTool(name: "pg_dump" | "pg_restore" | "psql", env: Env = process.env): string {
  const dirs = env.LUOSHI_PG_BIN ? [env.LUOSHI_PG_BIN] : (env.PATH ?? "").split(path.delimiter).filter(Boolean);
  for (const dir of dirs) {
    const candidate = path.join(dir, name);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      return candidate;
    } catch {
      // next directory
    }
  }
  throw new BackupError(
    `${name} was not found${env.LUOSHI_PG_BIN ? ` in LUOSHI_PG_BIN=${env.LUOSHI_PG_BIN}` : " on the PATH"}: install the PostgreSQL client ` +
      `(Debian/Ubuntu: apt install postgresql-client, of the server's major version or newer) or set LUOSHI_PG_BIN to its bin directory.`,
  );
}

/** The major version a client program reports (`pg_dump (PostgreSQL) 15.20` gives 15). */
export async function toolMajorVersion(binary: string): Promise<number> {
  const { stdout } = await run(binary, ["--version"]);
  const match = stdout.match(/\(PostgreSQL\)\s+(\d+)/);
  if (!match) throw new BackupError(`Could not read the version of ${binary} ("${stdout.trim()}").`);
  return Number(match[1]);
}

/** pg_dump refuses a server newer than itself; say so before it does, with the fix. */
export function assertClientCanDump(clientMajor: number, serverVersionNum: number, binary = "pg_dump"): void {
  const serverMajor = Math.floor(serverVersionNum / 10000);
  if (clientMajor < serverMajor) {
    throw new BackupError(
      `${binary} is version ${clientMajor} but the PostgreSQL server is version ${serverMajor}: a dump needs a client of the ` +
        `server's version or newer. Install postgresql-client-${serverMajor} and set LUOSHI_PG_BIN=/usr/lib/postgresql/${serverMajor}/bin.`,
    );
  }
}

/**
 * libpq's view of DATABASE_URL: without the Prisma-only parameters libpq
 * rejects (schema, connection_limit, …), and with the password moved to
 * PGPASSWORD so it does not show in the process list.
 */
export function libpqConnection(databaseUrl: string): { url: string; env: Env } {
  const url = new URL(databaseUrl);
  for (const name of ["schema", "connection_limit", "pool_timeout", "pgbouncer", "socket_timeout", "statement_cache_size"]) {
    url.searchParams.delete(name);
  }
  const password = decodeURIComponent(url.password);
  url.password = "";
  return { url: url.toString(), env: password ? { PGPASSWORD: password } : {} };
}
