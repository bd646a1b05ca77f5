// The production server's view of each request (scripts/serve.mjs): a request
// id, a context the app can add the user to, and when the response is done one
// log line and the request's metrics. Only chosen fields are logged: never
// headers, cookies, query strings or bodies.
import { randomUUID } from "node:crypto";
import { logger, requestContext } from "./logger.mjs";
import { recordRequest } from "./metrics.mjs";

export const REQUEST_ID_HEADER = "x-request-id";

/** An incoming X-Request-Id is kept when it is short and plain (no spaces, quotes or control characters). */
export function requestIdFrom(value) {
  const candidate = Array.isArray(value) ? value[0] : value;
  return typeof candidate === "string" && /^[A-Za-z0-9._:-]{8,128}$/.test(candidate) ? candidate : randomUUID();
}

/** Routes whose every request would drown the log: logged at debug level only (still counted). */
const QUIET = new Set(["/_next/static", "/_next/image", "/metrics", "/api/health", "/api/health/live", "/api/health/ready", "/icon.svg", "/favicon.ico"]);

/**
 * Starts observing a request; returns `run(fn)`, which calls fn inside the
 * request's context (the app's code reached from fn sees it through
 * AsyncLocalStorage: the request id, and it notes the user there).
 * @param {import("node:http").IncomingMessage} request
 * @param {import("node:http").ServerResponse} response
 * @param {{ routeOf: (url: string) => string, clientAddress?: string }} options
 */
export function observeRequest(request, response, { routeOf, clientAddress }) {
  const started = process.hrtime.bigint();
  const reqId = requestIdFrom(request.headers[REQUEST_ID_HEADER]);
  // The app reads the id from the request; the client gets it back.
  request.headers[REQUEST_ID_HEADER] = reqId;
  response.setHeader("X-Request-Id", reqId);
  const method = /^[A-Z]{1,10}$/.test(request.method ?? "") ? /** @type {string} */ (request.method) : "OTHER";
  const route = routeOf(request.url ?? "/");
  /** @type {import("./logger.mjs").RequestContext} */
  const context = { reqId, method, route };
  const action = method === "POST" && request.headers["next-action"] !== undefined;

  let done = false;
  const finish = (aborted) => {
    if (done) return;
    done = true;
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const status = response.statusCode;
    recordRequest({ method, route, status: aborted && !response.headersSent ? 499 : status, seconds });
    const line = {
      reqId,
      method,
      route,
      path: String(request.url ?? "/").split("?")[0].slice(0, 300),
      status,
      durationMs: Math.round(seconds * 10_000) / 10,
      ...(context.userId ? { userId: context.userId } : {}),
      ...(clientAddress ? { client: clientAddress } : {}),
      ...(action ? { action: true } : {}),
      ...(aborted ? { aborted: true } : {}),
    };
    const log = logger();
    if (status >= 500) log.error(line, "request failed");
    else if (QUIET.has(route)) log.debug(line, "request");
    else log.info(line, "request");
  };
  response.once("finish", () => finish(false));
  response.once("close", () => finish(!response.writableFinished));

  return {
    reqId,
    route,
    /** @template T @param {() => T} fn @returns {T} */
    run: (fn) => requestContext().run(context, fn),
  };
}
