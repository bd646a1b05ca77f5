// Structured logs (pino): one JSON object per line on stdout. The production
// server (scripts/serve.mjs) and the app's code (bundled by Next.js) run in one
// process but may load this module twice, so the logger and the request context
// live on globalThis. Plain JavaScript, so serve.mjs can import it unbuilt.
import { AsyncLocalStorage } from "node:async_hooks";
import pino from "pino";

const LOGGER = Symbol.for("luoshi.logger");
const CONTEXT = Symbol.for("luoshi.requestContext");

/**
 * Censored wherever they appear at the top level or one level down, in case a
 * caller logs more than the chosen fields. The request line itself never
 * carries headers, cookies or bodies.
 */
const SECRET_KEYS = [
  "password",
  "newPassword",
  "currentPassword",
  "passwordHash",
  "token",
  "accessToken",
  "refreshToken",
  "apiToken",
  "secret",
  "authorization",
  "Authorization",
  "cookie",
  "Cookie",
  "set-cookie",
  "sessionId",
  "sessionToken",
  "csrfToken",
  "headers",
  "body",
  "text",
  "comment",
  "content",
];
export const REDACT_PATHS = SECRET_KEYS.flatMap((key) => {
  const safe = /^[A-Za-z_$][\w$]*$/.test(key) ? key : `["${key}"]`;
  return [safe, `*.${safe}`.replace(".[", "[")];
});

const LEVELS = new Set(["fatal", "error", "warn", "info", "debug", "trace", "silent"]);

/**
 * LOG_LEVEL (default info); LOG_PRETTY=1 for a human-readable line.
 * @param {Record<string, string | undefined>} [env]
 */
export function logSettingsFromEnv(env = process.env) {
  const raw = (env.LOG_LEVEL ?? "").trim().toLowerCase();
  const level = LEVELS.has(raw) ? raw : "info";
  return { level, pretty: env.LOG_PRETTY === "1" || env.LOG_PRETTY === "true" };
}

/**
 * A pino logger with the app's redaction. `destination`: a stream with
 * write(line) (default stdout). Pretty output is a simple one-line format
 * written here (pino-pretty is not a dependency).
 * @param {{ level?: string, pretty?: boolean, destination?: { write(line: string): unknown } }} [options]
 */
export function createLogger(options = {}) {
  const settings = { ...logSettingsFromEnv(), ...options };
  const base = { pid: process.pid };
  const destination = settings.destination ?? (settings.pretty ? prettyStream(process.stdout) : pino.destination({ dest: 1, sync: true }));
  return pino(
    {
      level: settings.level,
      base,
      redact: { paths: REDACT_PATHS, censor: "[redacted]" },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      serializers: { err: safeError },
    },
    destination,
  );
}

/** Turns pino's JSON lines into `12:00:00.123 INFO  message key=value …`. */
export function prettyStream(out) {
  return {
    write(line) {
      try {
        const { time, level, msg, pid: _pid, ...rest } = JSON.parse(line);
        const fields = Object.entries(rest)
          .map(([key, value]) => `${key}=${typeof value === "string" ? value : JSON.stringify(value)}`)
          .join(" ");
        out.write(`${String(time).slice(11, 23)} ${String(level).toUpperCase().padEnd(5)} ${msg ?? ""}${fields ? ` ${fields}` : ""}\n`);
      } catch {
        out.write(line);
      }
    },
  };
}

/** The process's logger (created on first use). */
export function logger() {
  const holder = /** @type {Record<symbol, import("pino").Logger | undefined>} */ (/** @type {unknown} */ (globalThis));
  return (holder[LOGGER] ??= createLogger());
}

/** Replaces the process's logger (tests, or a server that wants other settings). */
export function setLogger(instance) {
  /** @type {Record<symbol, unknown>} */ (/** @type {unknown} */ (globalThis))[LOGGER] = instance;
}

/**
 * @typedef {{ reqId: string, method?: string, route?: string, userId?: string }} RequestContext
 * What serve.mjs knows about the request being handled; the app adds the user.
 */

/** @returns {AsyncLocalStorage<RequestContext>} */
export function requestContext() {
  const holder = /** @type {Record<symbol, AsyncLocalStorage<RequestContext> | undefined>} */ (/** @type {unknown} */ (globalThis));
  return (holder[CONTEXT] ??= new AsyncLocalStorage());
}

/** The current request's context, if this code runs inside one (the production server). */
export function currentRequest() {
  return requestContext().getStore();
}

/** Records who made the current request, for its log line (the guard calls this). */
export function noteRequestUser(userId) {
  const store = currentRequest();
  if (store && userId) store.userId = String(userId);
}

/**
 * An error as it may be logged: its kind, code and stack, and its message
 * unless the message can carry user data. Prisma's validation errors print
 * the query's arguments (report text, names) in their message, so theirs is left out.
 */
export function safeError(error) {
  // Already made safe (a caller's safeError, then pino's serializer for `err`).
  if (typeof error === "object" && error !== null && madeSafe.has(error)) return error;
  const safe = describeError(error);
  madeSafe.add(safe);
  return safe;
}

/** Shared like the logger: the bundled app and serve.mjs may each have a copy of this module. */
const madeSafe = /** @type {WeakSet<object>} */ (
  (/** @type {Record<symbol, WeakSet<object> | undefined>} */ (/** @type {unknown} */ (globalThis))[Symbol.for("luoshi.safeErrors")] ??= new WeakSet())
);

function describeError(error) {
  if (!(error instanceof Error)) return { type: typeof error, message: typeof error === "string" ? error.slice(0, 300) : undefined };
  const name = error.constructor?.name || error.name;
  const withArguments = name === "PrismaClientValidationError" || /invocation/i.test(error.message);
  const code = /** @type {{ code?: unknown }} */ (error).code;
  const stack = (error.stack ?? "").split("\n").filter((line) => /^\s+at /.test(line)).slice(0, 12).join("\n");
  return {
    type: name,
    ...(typeof code === "string" || typeof code === "number" ? { code } : {}),
    message: withArguments ? "(message left out: it may contain the query's data)" : error.message.slice(0, 500),
    stack,
  };
}

/**
 * Logs a failure for operators, with the current request's id, route and user
 * when there is one. `fields`: extra chosen fields (no user data).
 * @param {unknown} error
 * @param {string} message
 * @param {Record<string, unknown>} [fields]
 */
export function logError(error, message, fields = {}) {
  const store = currentRequest();
  const context = store ? { reqId: store.reqId, route: store.route, ...(store.userId ? { userId: store.userId } : {}) } : {};
  logger().error({ ...context, ...fields, ...(error === undefined ? {} : { err: safeError(error) }) }, message);
}

// Client-safe modules (the error mapper) reach logError through globalThis: ./report-error.ts.
/** @type {Record<symbol, unknown>} */ (/** @type {unknown} */ (globalThis))[Symbol.for("luoshi.logError")] = logError;
