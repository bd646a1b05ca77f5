import fs from "node:fs";
import net from "node:net";
import path from "node:path";

/**
 * A backup of the embedded database while the app runs. Only the process that
 * opened the PGlite directory may read it consistently, so that process listens
 * on a Unix socket beside the directory (`<dataDir>.control.sock`, mode 0600,
 * so only the same OS user can ask) and, on request, copies the directory while
 * it holds PGlite's query lock: no statement runs during the copy, so the copy
 * is one instant of the database (committed work is in its WAL; PGlite replays
 * it when the copy is opened). pg_dump cannot be used instead: PGlite is
 * PostgreSQL 18 and a pg_dump refuses a server newer than itself.
 */
export function controlSocketPath(dataDir) {
  return path.join(path.dirname(dataDir), `${path.basename(dataDir)}.control.sock`);
}

/** Serves snapshot requests for `db` (a PGlite on `dataDir`); returns a function that stops serving. */
export async function serveSnapshots(db, dataDir) {
  const socketPath = controlSocketPath(dataDir);
  // Unix socket paths are limited to about 100 bytes; without the socket, backups need the app stopped.
  if (Buffer.byteLength(socketPath) > 100) return async () => {};
  // A socket left by a crash: the caller holds the directory's lock, so it is ours to replace.
  fs.rmSync(socketPath, { force: true });
  const server = net.createServer((connection) => {
    let input = "";
    connection.setEncoding("utf8");
    connection.on("error", () => {});
    connection.on("data", async (chunk) => {
      input += chunk;
      if (!input.includes("\n")) return;
      let answer;
      try {
        const request = JSON.parse(input.slice(0, input.indexOf("\n")));
        if (request.op !== "snapshot" || typeof request.target !== "string" || !path.isAbsolute(request.target)) {
          throw new Error("expected {op: 'snapshot', target: '/absolute/path'}");
        }
        await snapshot(db, dataDir, request.target);
        answer = { ok: true };
      } catch (error) {
        answer = { ok: false, error: error instanceof Error ? error.message : String(error) };
      }
      connection.end(`${JSON.stringify(answer)}\n`);
    });
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    const previous = process.umask(0o177);
    server.listen(socketPath, () => {
      process.umask(previous);
      resolve();
    });
  });
  fs.chmodSync(socketPath, 0o600);
  return () =>
    new Promise((resolve) => {
      server.close(() => resolve());
      fs.rmSync(socketPath, { force: true });
    });
}

/** Copies the data directory to `target` (which must not exist) while no statement runs. */
export async function snapshot(db, dataDir, target) {
  if (fs.existsSync(target)) throw new Error(`${target} already exists`);
  // Writes dirty pages out first, so opening the copy has little WAL to replay. (Allowed inside the
  // transaction a socket client may have open in PGlite's one session, and harmless to it.)
  await db.query("CHECKPOINT");
  // PGlite's query lock: the one pglite-socket takes for every message and dumpDataDir for its tarball
  // (which would build the whole directory in memory).
  await db.runExclusive(() => fs.promises.cp(dataDir, target, { recursive: true, errorOnExist: true }));
}

/** Asks the process serving `dataDir` for a snapshot in `target`; null when no process serves it. */
export function requestSnapshot(dataDir, target, { timeoutMs = 30 * 60_000 } = {}) {
  const socketPath = controlSocketPath(dataDir);
  if (!fs.existsSync(socketPath)) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    const connection = net.createConnection(socketPath);
    let output = "";
    connection.setEncoding("utf8");
    connection.setTimeout(timeoutMs, () => connection.destroy(new Error("the running app did not answer in time")));
    connection.on("connect", () => connection.write(`${JSON.stringify({ op: "snapshot", target })}\n`));
    connection.on("data", (chunk) => (output += chunk));
    connection.on("error", (error) => (error.code === "ECONNREFUSED" || error.code === "ENOENT" ? resolve(null) : reject(error)));
    connection.on("end", () => {
      try {
        const answer = JSON.parse(output);
        if (answer.ok) resolve(target);
        else reject(new Error(`the running app could not copy the database: ${answer.error}`));
      } catch {
        reject(new Error("the running app gave no answer to the snapshot request"));
      }
    });
  });
}
