// The production web server (`npm start` runs it after the build): Next.js's
// own request handler behind the request gate (scripts/lib/request-gate.mjs).
// `next dev` is used as it is.
import { AsyncLocalStorage } from "node:async_hooks";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import next from "next";
import { CLIENT_ADDRESS_HEADER, parseTrustedProxies, setClientAddressHeader } from "./lib/client-address.mjs";
import { createRequestGate, gateSettingsFromEnv, serverOptions } from "./lib/request-gate.mjs";
import { createSessionCheck } from "./lib/session-check.mjs";
import { logger, safeError } from "../lib/observability/logger.mjs";
import { metricsAccess, metricsSettingsFromEnv, registerGate, renderMetrics } from "../lib/observability/metrics.mjs";
import { observeRequest } from "../lib/observability/request-log.mjs";
import { createRouteMatcher, loadRouteManifest } from "../lib/observability/route-pattern.mjs";

const root = path.resolve(import.meta.dirname, "..");
const port = Number(process.env.PORT ?? 3000);
// Loopback unless HOST says otherwise (e.g. HOST=0.0.0.0 to be reached from other machines).
const host = process.env.HOST || "127.0.0.1";
const settings = gateSettingsFromEnv();
const trustedProxies = parseTrustedProxies(process.env.LUOSHI_TRUSTED_PROXIES);
const metricsSettings = metricsSettingsFromEnv();
const log = logger();

// Errors that escaped every handler: logged as JSON (the supervisor restarts the server after a crash).
process.on("uncaughtExceptionMonitor", (error) => log.fatal({ event: "crash", err: safeError(error) }, "uncaught exception"));
process.on("unhandledRejection", (reason) => log.error({ event: "unhandled-rejection", err: safeError(reason) }, "unhandled promise rejection"));

// The refusals' texts come from the UI's messages, in the language of the locale cookie.
const refusals = {
  busy: { status: 503, code: "SERVER_BUSY" },
  timeout: { status: 408, code: "REQUEST_TIMEOUT" },
  tooLarge: { status: 413, code: "PAYLOAD_TOO_LARGE" },
};
const refusalText = Object.fromEntries(
  ["zh-CN", "en"].map((locale) => {
    const errors = JSON.parse(fs.readFileSync(path.join(root, "messages", `${locale}.json`), "utf8")).errors;
    return [locale, Object.fromEntries(Object.values(refusals).map(({ code }) => [code, errors[code]]))];
  }),
);
const retryAfterSeconds = String(Math.ceil(settings.maxWaitMs / 1000));

function refuse(request, response, reason) {
  if (response.headersSent || response.destroyed) return;
  const { status, code } = refusals[reason] ?? refusals.busy;
  const locale = /(?:^|;\s*)NEXT_LOCALE=en(?:;|$)/.test(request.headers.cookie ?? "") ? "en" : "zh-CN";
  const api = request.url?.startsWith("/api/");
  // The API's error shape (lib/auth/api-route.ts), so clients handle it like any other error.
  const body = api ? JSON.stringify({ error: { code, values: {}, fieldErrors: {} } }) : refusalText[locale][code];
  response.writeHead(status, {
    "content-type": api ? "application/json" : "text/plain; charset=utf-8",
    ...(status === 503 ? { "retry-after": retryAfterSeconds } : { connection: "close" }),
    "cache-control": "no-store",
  });
  response.end(body);
}

/**
 * A page whose render failed because the database could not be reached (the app's
 * db layer marks the request: lib/errors/database-unavailable.ts) answers 503 with
 * Retry-After instead of Next.js's 500; its body is the error page's "busy, retry".
 */
const requestState = new AsyncLocalStorage();
globalThis[Symbol.for("luoshi.requestState")] = requestState;
// As DB_UNAVAILABLE in appErrorRetryAfter (lib/errors/app-error.ts), which the API answers use.
const DB_RETRY_AFTER_SECONDS = "5";

function handleMarkingDbFailures(request, response) {
  const state = { dbUnavailable: false };
  const writeHead = response.writeHead;
  response.writeHead = function (status, ...rest) {
    if (status === 500 && state.dbUnavailable) {
      response.setHeader("retry-after", DB_RETRY_AFTER_SECONDS);
      response.setHeader("cache-control", "no-store");
      return writeHead.call(this, 503, ...rest);
    }
    return writeHead.call(this, status, ...rest);
  };
  requestState.run(state, () => void handleWithNext(request, response));
}

const app = next({ dev: false, dir: root, port });
const handleWithNext = app.getRequestHandler();
// The per-client cap counts the real client behind a trusted proxy, not the proxy.
const gate = createRequestGate({ ...settings, refuse, clientKey: (request) => String(request.headers[CLIENT_ADDRESS_HEADER]) });
// Anyone can send a `Next-Action` header: only a valid session earns a form submission more patience.
const hasValidSession = createSessionCheck({
  secret: process.env.NEXTAUTH_SECRET,
  secureCookies: (process.env.NEXTAUTH_URL ?? "").startsWith("https://"),
});
registerGate(gate.stats);
await app.prepare();
// Log lines and metrics name the route pattern ("/measures/[code]"), not the path with its ids.
const routeOf = createRouteMatcher(loadRouteManifest(path.join(root, ".next")), { extra: ["/metrics"] });

/** GET /metrics for Prometheus: loopback only, or anyone with LUOSHI_METRICS_TOKEN (docs/operations.md). */
async function serveMetrics(request, response) {
  const access = metricsAccess({
    address: String(request.headers[CLIENT_ADDRESS_HEADER]),
    authorization: request.headers.authorization,
    token: metricsSettings.token,
  });
  if (access !== "ok") {
    response.writeHead(access === "unauthorized" ? 401 : 403, {
      "content-type": "text/plain; charset=utf-8",
      "cache-control": "no-store",
      ...(access === "unauthorized" ? { "www-authenticate": 'Bearer realm="metrics"' } : {}),
    });
    return void response.end(access === "unauthorized" ? "Unauthorized\n" : "Forbidden: /metrics answers loopback only (or set LUOSHI_METRICS_TOKEN)\n");
  }
  try {
    const { contentType, body } = await renderMetrics();
    response.writeHead(200, { "content-type": contentType, "cache-control": "no-store" });
    response.end(body);
  } catch (error) {
    log.error({ err: safeError(error) }, "could not render metrics");
    response.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
    response.end("Metrics failed\n");
  }
}

const server = http.createServer(serverOptions(settings), (request, response) => {
  setClientAddressHeader(request, trustedProxies); // the app reads the client address only from here
  const observed = observeRequest(request, response, { routeOf, clientAddress: String(request.headers[CLIENT_ADDRESS_HEADER]) });
  // Answered here, before the gate: a scrape must work while the gate is full.
  if (observed.route === "/metrics" && request.method === "GET") return void serveMetrics(request, response);
  // Next's handler runs inside the request's context (request id, user id for the log line).
  const handleInContext = (received) => observed.run(() => handleMarkingDbFailures(received, response));
  // Built static files cost next to nothing; a page's own scripts should not queue behind renders.
  // Attachment uploads stream to the store and enforce their own size limit and concurrency
  // (lib/attachments/upload-attachment.ts): the gate would hold the whole body in memory.
  if (request.method === "POST" && request.url?.split("?")[0] === "/api/v1/attachments") return handleInContext(request);
  const read = request.method === "GET" || request.method === "HEAD";
  if (read && request.url?.startsWith("/_next/static/")) return handleInContext(request);
  // A form submission (a Server Action) of a signed-in user waits longer (bounded): a 503
  // there would end in the error page, and the user would lose what they typed.
  const action = request.method === "POST" && request.headers["next-action"] !== undefined ? hasValidSession(request) : false;
  gate.handle(request, response, handleInContext, { action });
});
server.listen(port, host, () => {
  log.info(
    { event: "startup", host, port, gate: settings, metrics: metricsSettings.token ? "token" : "loopback" },
    `Serving on ${host}:${port} (pid ${process.pid}): at most ${settings.maxInFlight} requests at once, ` +
      `${settings.maxQueued} waiting for up to ${settings.maxWaitMs} ms (LUOSHI_MAX_IN_FLIGHT, LUOSHI_MAX_QUEUED, LUOSHI_MAX_WAIT_MS), ` +
      `${settings.maxPerClient} per client address (LUOSHI_MAX_PER_CLIENT)`,
  );
});

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    log.info({ event: "shutdown", signal }, "Stopping the web server");
    // Let requests in progress finish, but not forever.
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 2_000).unref();
  });
}
