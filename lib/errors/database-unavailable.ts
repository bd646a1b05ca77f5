/**
 * Whether a failure means the database cannot be reached just now (restarting,
 * shut down, connection dropped), as opposed to a bad query: such a request
 * changed nothing (a transaction whose connection dies is rolled back by the
 * server) and can succeed when retried, so it is a 503 DB_UNAVAILABLE.
 *
 * What @prisma/adapter-pg 7 and pg 8 actually throw, seen across `pg_ctl
 * restart -m fast` (tests/e2e/db-restart.test.ts):
 * - Prisma P1001 (DatabaseNotReachable: ECONNREFUSED), P1017 (ConnectionClosed:
 *   ECONNRESET), P1008 (SocketTimeout), P1002 (timeout), with
 *   meta.driverAdapterError.cause.kind naming the same;
 * - Prisma P2010 (raw query) or a bare DriverAdapterError whose cause has the
 *   server's code: 57P01 admin_shutdown, 57P03 cannot_connect_now ("the database
 *   system is starting up"), 08xxx connection exceptions;
 * - pg's own errors (raw pool reads, lib/db/sql-rows.ts): the same codes,
 *   "Connection terminated unexpectedly", "Client has encountered a connection
 *   error and is not queryable".
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 6 && typeof current === "object" && current !== null; depth++) {
    if (looksUnavailable(current as ErrorLike)) return true;
    const { meta, cause } = current as ErrorLike;
    const adapterError = (meta as { driverAdapterError?: unknown } | undefined)?.driverAdapterError;
    current = adapterError ?? cause;
  }
  return false;
}

type ErrorLike = { code?: unknown; originalCode?: unknown; kind?: unknown; message?: unknown; meta?: unknown; cause?: unknown };

const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017"]);
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout"]);
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH"]);
// admin_shutdown, crash_shutdown, cannot_connect_now, and the 08 class (connection exception).
const SERVER_CODES = /^(57P01|57P02|57P03|08\w{3})$/;
const MESSAGES = [
  "Connection terminated",
  "Client has encountered a connection error and is not queryable",
  "the database system is starting up",
  "the database system is shutting down",
  "terminating connection due to administrator command",
];

function looksUnavailable(error: ErrorLike): boolean {
  for (const code of [error.code, error.originalCode]) {
    if (typeof code !== "string") continue;
    if (PRISMA_CODES.has(code) || SOCKET_CODES.has(code) || SERVER_CODES.test(code)) return true;
  }
  if (typeof error.kind === "string" && ADAPTER_KINDS.has(error.kind)) return true;
  return typeof error.message === "string" && MESSAGES.some((text) => (error.message as string).includes(text));
}

/** The digest Next.js passes to the error boundary (app/error.tsx) for such a failure of a page. */
export const DB_UNAVAILABLE_DIGEST = "DB_UNAVAILABLE";

/**
 * Marks a database-unavailable failure so that pages show "busy, retry" and
 * answer 503: the error's digest (kept by Next.js) for the error boundary, and
 * the request, for the web server (scripts/serve.mjs) to turn its 500 into a
 * 503 with Retry-After. Returns the error, to rethrow.
 */
export function tagDatabaseUnavailable<T>(error: T): T {
  if (!isDatabaseUnavailable(error)) return error;
  if (typeof error === "object" && error !== null) {
    try {
      (error as { digest?: string }).digest = DB_UNAVAILABLE_DIGEST;
    } catch {
      // A frozen error keeps its own digest.
    }
  }
  markDatabaseUnavailable();
  return error;
}

/**
 * Records on this request (scripts/serve.mjs keeps one state per request) that
 * the database could not be reached. Outside that server (tests, scripts) a no-op.
 */
export function markDatabaseUnavailable(): void {
  const store = (globalThis as Record<symbol, unknown>)[Symbol.for("luoshi.requestState")] as
    | { getStore(): { dbUnavailable?: boolean } | undefined }
    | undefined;
  const state = store?.getStore();
  if (state) state.dbUnavailable = true;
}
