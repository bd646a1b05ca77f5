import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { requirePassword, resolveEmbeddedPassword, widenSocketCap } from "./pglite-auth.mjs";
import { serveSnapshots } from "./pglite-control.mjs";
import { StartupError } from "./startup-error.mjs";

/**
 * Runs PostgreSQL (PGlite, compiled to WASM) in this process and serves it over
 * the wire protocol on a free loopback port, so the app, the Prisma CLI and psql
 * all see an ordinary DATABASE_URL. Connections must give the password kept
 * next to the data directory (`<dataDir>.password`, mode 0600; a fresh one per
 * start for an in-memory database): it is in the returned URL.
 *
 * @param {{ dataDir?: string, port?: number }} options dataDir omitted = in memory
 * @returns {Promise<{ url: string, stop: () => Promise<void> }>}
 */
export async function startEmbeddedPostgres({ dataDir, port = 0 } = {}) {
  const release = dataDir ? lockDataDir(dataDir) : () => {};
  let db;
  try {
    db = await PGlite.create(dataDir ? { dataDir } : {});
  } catch (error) {
    release();
    throw new StartupError(
      `The embedded database in ${dataDir} could not be opened (${describe(error)}). ` +
        `Nothing was changed or deleted. Restore it from a backup, or move it aside ` +
        `(mv ${dataDir} ${dataDir}.broken) to start with a fresh database.`,
      { cause: error },
    );
  }

  const password = resolveEmbeddedPassword(dataDir ? passwordFile(dataDir) : null);
  const maxConnections = 20;
  const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port, maxConnections });
  keepExtendedQueriesTogether(server);
  requirePassword(server, password);
  try {
    await server.start();
    widenSocketCap(server, maxConnections);
  } catch (error) {
    await db.close();
    release();
    throw new StartupError(`The embedded database could not listen on 127.0.0.1:${port} (${describe(error)}).`, {
      cause: error,
    });
  }

  const url = `postgresql://postgres:${encodeURIComponent(password)}@${server.getServerConn()}/postgres?sslmode=disable`;
  // `npm run db:backup` asks this process for a consistent copy (scripts/lib/pglite-control.mjs).
  const stopSnapshots = dataDir ? await serveSnapshots(db, dataDir).catch(() => async () => {}) : async () => {};
  let stopped = false;
  return {
    url,
    async stop() {
      if (stopped) return;
      stopped = true;
      await stopSnapshots();
      await server.stop();
      await db.close();
      release();
    },
  };
}

/** Where the embedded database's password is kept: beside its directory, like the lock file. */
export function passwordFile(dataDir) {
  return path.join(path.dirname(dataDir), `${path.basename(dataDir)}.password`);
}

/** Parse, Bind, Describe, Execute, Close, Flush: the messages of an extended query before its Sync. */
const extendedQueryMessages = new Set(["P", "B", "D", "E", "C", "H"].map((type) => type.charCodeAt(0)));

/**
 * pglite-socket 0.2.17 queues wire-protocol messages one at a time, so the
 * extended queries of two connections can interleave (the Parse of one, then the
 * Bind of the other: "bind message supplies 9 parameters, but prepared statement
 * requires 7"). Its queue already keeps one connection's messages together while
 * a transaction is open; this makes it do the same until a query's Sync.
 */
function keepExtendedQueriesTogether(server) {
  const queue = server.queryQueue;
  const db = queue.db;
  let midQuery = false;
  queue.db = new Proxy(db, {
    get(target, property) {
      if (property === "isInTransaction") return () => midQuery || target.isInTransaction();
      if (property === "execProtocolRawStream") {
        return (message, options) => {
          midQuery = extendedQueryMessages.has(message[0]);
          return target.execProtocolRawStream(message, options);
        };
      }
      const value = Reflect.get(target, property);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

/**
 * Two processes writing one PGlite directory would corrupt it, so the second
 * start is refused while the first is alive. A lock left by a crash is taken over.
 */
export function lockDataDir(dataDir) {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockFile = path.join(path.dirname(dataDir), `${path.basename(dataDir)}.lock`);
  const holder = readLockHolder(lockFile);
  if (holder && holder !== process.pid && isAlive(holder)) {
    throw new StartupError(
      `The embedded database in ${dataDir} is in use by another Luoshi process (pid ${holder}). Stop that one first.`,
    );
  }
  fs.writeFileSync(lockFile, String(process.pid));
  return () => fs.rmSync(lockFile, { force: true });
}

function readLockHolder(lockFile) {
  try {
    return Number.parseInt(fs.readFileSync(lockFile, "utf8"), 10) || null;
  } catch {
    return null;
  }
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === "EPERM";
  }
}

function describe(error) {
  return error instanceof Error ? error.message : String(error);
}
