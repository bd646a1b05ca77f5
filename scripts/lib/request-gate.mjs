// Admission control in front of Next.js. One Node process renders one page at a
// time on one core; letting hundreds of requests in at once only makes them all
// slow, starves the database pool (500s) and keeps rendering pages for clients
// that have already given up. The gate lets a few requests in, queues the rest
// in arrival order, drops queued requests whose client left, and answers 503
// with Retry-After when the queue is full or a request has waited too long.
//
// It also keeps anonymous clients from holding it (docs/security.md, "Request gate"):
// - a request's body is received BEFORE the request takes a slot, with a time
//   limit, a minimum rate and a size limit, so slow senders hold no slot;
// - one client address may have only so many requests in the gate, and when
//   clients wait, a client already running its share goes after the others;
// - a form submission (Server Action) of a signed-in user may wait longer and
//   beyond the full queue, but only up to its own bounds; the caller decides
//   whether the request carries a valid session.
import http from "node:http";
import { StartupError } from "./startup-error.mjs";

/**
 * Settings from the environment, with defaults sized for one instance and a pool of 10.
 * @param {Record<string, string | undefined>} [env]
 */
export function gateSettingsFromEnv(env = process.env) {
  const number = (name, fallback, min) => {
    const raw = env[name];
    if (raw === undefined || raw === "") return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min) throw new StartupError(`${name} must be a whole number of at least ${min} (got "${raw}").`);
    return value;
  };
  const maxInFlight = number("LUOSHI_MAX_IN_FLIGHT", 8, 1);
  return {
    maxInFlight,
    // At least one: a client may send its next request a moment before the server
    // has noticed that the previous response finished; that one should wait, not fail.
    maxQueued: number("LUOSHI_MAX_QUEUED", 200, 1),
    maxWaitMs: number("LUOSHI_MAX_WAIT_MS", 8_000, 1),
    // Requests of one client address in the gate at once (receiving, waiting or running).
    maxPerClient: number("LUOSHI_MAX_PER_CLIENT", 64, 1),
    // When others wait, a client running this many goes after them.
    inFlightPerClient: number("LUOSHI_MAX_IN_FLIGHT_PER_CLIENT", Math.max(1, Math.floor(maxInFlight / 2)), 1),
    // Form submissions of signed-in users: extra places beyond the full queue, and their own wait limit.
    maxQueuedActions: number("LUOSHI_MAX_QUEUED_ACTIONS", 100, 0),
    actionMaxWaitMs: number("LUOSHI_ACTION_MAX_WAIT_MS", 60_000, 1),
    // Timeouts for receiving a request: its headers, its whole body, and the body's minimum rate.
    headersTimeoutMs: number("LUOSHI_HEADERS_TIMEOUT_MS", 10_000, 100),
    bodyTimeoutMs: number("LUOSHI_BODY_TIMEOUT_MS", 60_000, 100),
    bodyMinBytesPerSecond: number("LUOSHI_BODY_MIN_BYTES_PER_SECOND", 1_024, 0),
    bodyRateGraceMs: number("LUOSHI_BODY_RATE_GRACE_MS", 5_000, 100),
    maxBodyBytes: number("LUOSHI_MAX_BODY_BYTES", 16 * 1024 * 1024, 1),
    // All bodies received and held in memory at once, over all clients.
    maxBufferedBytes: number("LUOSHI_MAX_BUFFERED_BYTES", 256 * 1024 * 1024, 1),
  };
}

/** Whether the request announces a body (GET and the like usually do not). */
function hasBody(request) {
  if (request.headers["transfer-encoding"] !== undefined) return true;
  const length = request.headers["content-length"];
  return length !== undefined && length !== "0";
}

/**
 * Ends a connection whose client may still be sending, once the answer is out:
 * a FIN first, so the client reads the answer (closing at once with its data
 * unread would reset the connection), then gone for good a moment later.
 */
function closeAfterAnswer(request, response) {
  const close = () => {
    const socket = request.socket;
    if (!socket || socket.destroyed) return;
    socket.end();
    setTimeout(() => socket.destroy(), 1_000).unref();
  };
  if (response.writableFinished) close();
  else response.once("finish", close);
}

/**
 * A fresh request object with the same head and the received body, for the
 * handler behind the gate (the original's stream has been read by the gate).
 */
function replayRequest(request, chunks) {
  const copy = new http.IncomingMessage(request.socket);
  copy.method = request.method;
  copy.url = request.url;
  copy.headers = request.headers;
  copy.rawHeaders = request.rawHeaders;
  copy.trailers = request.trailers;
  copy.rawTrailers = request.rawTrailers;
  copy.httpVersion = request.httpVersion;
  copy.httpVersionMajor = request.httpVersionMajor;
  copy.httpVersionMinor = request.httpVersionMinor;
  for (const chunk of chunks) copy.push(chunk);
  copy.push(null);
  copy.complete = true;
  return copy;
}

/**
 * `handle(request, response, next, { action })` receives the request's body,
 * then runs `next(request)` now or later (with a request whose body can be
 * read as usual), or answers through `refuse(request, response, reason)`:
 * reason "busy" (503), "timeout" (the body came too slowly: 408) or
 * "tooLarge" (413). `action` (a boolean or a promise of one) marks a form
 * submission of a signed-in user: it may wait up to actionMaxWaitMs and take
 * one of maxQueuedActions places beyond a full queue.
 * `clientKey(request)` names the client (default: the socket's address).
 * @param {{
 *   maxInFlight: number, maxQueued: number, maxWaitMs: number,
 *   maxPerClient?: number, inFlightPerClient?: number, maxQueuedActions?: number, actionMaxWaitMs?: number,
 *   bodyTimeoutMs?: number, bodyMinBytesPerSecond?: number, bodyRateGraceMs?: number,
 *   maxBodyBytes?: number, maxBufferedBytes?: number,
 *   headersTimeoutMs?: number,
 *   clientKey?: (request: import("node:http").IncomingMessage) => string,
 *   refuse?: (request: import("node:http").IncomingMessage, response: import("node:http").ServerResponse, reason: "busy" | "timeout" | "tooLarge") => void,
 *   busy?: (request: import("node:http").IncomingMessage, response: import("node:http").ServerResponse) => void,
 * }} options
 */
export function createRequestGate({
  maxInFlight,
  maxQueued,
  maxWaitMs,
  maxPerClient = Infinity,
  inFlightPerClient = maxInFlight,
  maxQueuedActions = 0,
  actionMaxWaitMs = maxWaitMs,
  bodyTimeoutMs = 60_000,
  bodyMinBytesPerSecond = 0,
  bodyRateGraceMs = 5_000,
  maxBodyBytes = Infinity,
  maxBufferedBytes = Infinity,
  clientKey = (request) => request.socket?.remoteAddress ?? "unknown",
  refuse,
  // The former name of `refuse` (503 only).
  busy,
}) {
  const answer = refuse ?? ((request, response) => busy(request, response));
  let inFlight = 0;
  let buffered = 0;
  let receiving = 0;
  const queue = [];
  /** Per client: requests in the gate, and those of them running. */
  const clients = new Map();
  const counts = { admitted: 0, queued: 0, rejected: 0, timedOut: 0, abandoned: 0, overClientLimit: 0, slowBodies: 0, tooLarge: 0 };

  function client(key) {
    let entry = clients.get(key);
    if (!entry) {
      entry = { inGate: 0, running: 0 };
      clients.set(key, entry);
    }
    return entry;
  }

  function leave(key) {
    const entry = clients.get(key);
    if (!entry) return;
    entry.inGate--;
    if (entry.inGate <= 0) clients.delete(key);
  }

  function start(entry) {
    inFlight++;
    counts.admitted++;
    const owner = client(entry.key);
    owner.running++;
    // "finish" follows the end of the response, "close" also the loss of its connection.
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      inFlight--;
      owner.running--;
      admitWaiting();
    };
    entry.response.once("finish", release);
    entry.response.once("close", release);
    entry.next(entry.request);
  }

  /** The next waiting request: the first one whose client runs less than its share, else the first. */
  function takeNext() {
    let index = queue.findIndex((entry) => (clients.get(entry.key)?.running ?? 0) < inFlightPerClient);
    if (index < 0) index = 0;
    return queue.splice(index, 1)[0];
  }

  function admitWaiting() {
    while (inFlight < maxInFlight && queue.length > 0) {
      const entry = takeNext();
      clearTimeout(entry.timer);
      entry.response.off("close", entry.onClose);
      if (entry.action) actionsQueued--;
      start(entry);
    }
  }

  let actionsQueued = 0;

  function remove(entry) {
    const index = queue.indexOf(entry);
    if (index >= 0) {
      queue.splice(index, 1);
      if (entry.action) actionsQueued--;
    }
    clearTimeout(entry.timer);
    entry.response.off("close", entry.onClose);
  }

  function admit(entry) {
    // The client left while its body arrived or its session was checked: nothing to run.
    if (entry.gone()) return;
    if (inFlight < maxInFlight && queue.length === 0) return start(entry);
    const full = queue.length - actionsQueued >= maxQueued;
    if (full && !(entry.action && actionsQueued < maxQueuedActions)) {
      counts.rejected++;
      return answer(entry.request, entry.response, "busy");
    }
    counts.queued++;
    entry.onClose = () => {
      counts.abandoned++;
      remove(entry);
    };
    entry.timer = setTimeout(() => {
      counts.timedOut++;
      remove(entry);
      answer(entry.request, entry.response, "busy");
    }, entry.action ? actionMaxWaitMs : maxWaitMs);
    entry.response.once("close", entry.onClose);
    if (entry.action) actionsQueued++;
    queue.push(entry);
  }

  /**
   * Reads the whole body within the limits, then calls `done(chunks)`; on a
   * breach it answers and closes the connection (the client is still sending).
   */
  function receive(request, response, done) {
    const chunks = [];
    let size = 0;
    let finished = false;
    const started = Date.now();
    receiving++;
    const cleanup = () => {
      finished = true;
      receiving--;
      clearTimeout(deadline);
      clearInterval(rateCheck);
      request.off("data", onData);
      request.off("end", onEnd);
      request.off("error", onError);
      response.off("close", onClose);
    };
    const release = () => {
      buffered -= size;
      size = 0;
      chunks.length = 0;
    };
    const fail = (reason) => {
      if (finished) return;
      cleanup();
      release();
      if (reason === "timeout") counts.slowBodies++;
      if (reason === "tooLarge") counts.tooLarge++;
      if (reason === "busy") counts.rejected++;
      request.pause();
      answer(request, response, reason);
      // The client may still be sending: end the connection once the answer is out.
      closeAfterAnswer(request, response);
    };
    const onData = (chunk) => {
      size += chunk.length;
      buffered += chunk.length;
      chunks.push(chunk);
      if (size > maxBodyBytes) return fail("tooLarge");
      if (buffered > maxBufferedBytes) return fail("busy");
    };
    const onEnd = () => {
      if (finished) return;
      cleanup();
      done(chunks.slice(), size);
    };
    const onError = () => {
      if (finished) return;
      cleanup();
      release();
    };
    const onClose = () => {
      if (finished) return;
      counts.abandoned++;
      cleanup();
      release();
    };
    const declared = Number(request.headers["content-length"]);
    if (Number.isFinite(declared) && declared > maxBodyBytes) {
      receiving--;
      finished = true;
      counts.tooLarge++;
      answer(request, response, "tooLarge");
      closeAfterAnswer(request, response);
      return;
    }
    const deadline = setTimeout(() => fail("timeout"), bodyTimeoutMs);
    const rateCheck =
      bodyMinBytesPerSecond > 0
        ? setInterval(() => {
            const elapsed = Date.now() - started;
            if (elapsed >= bodyRateGraceMs && (size * 1000) / elapsed < bodyMinBytesPerSecond) fail("timeout");
          }, Math.min(1_000, bodyRateGraceMs))
        : undefined;
    request.on("data", onData);
    request.on("end", onEnd);
    request.on("error", onError);
    response.once("close", onClose);
  }

  /**
   * @param {import("node:http").IncomingMessage} request
   * @param {import("node:http").ServerResponse} response
   * @param {(request: import("node:http").IncomingMessage) => void} next
   * @param {{ action?: boolean | Promise<boolean> }} [options]
   */
  function handle(request, response, next, { action = false } = {}) {
    const key = clientKey(request);
    const owner = client(key);
    if (owner.inGate >= maxPerClient) {
      counts.overClientLimit++;
      answer(request, response, "busy");
      // Its body, if any, is not wanted: close the connection after the answer.
      if (hasBody(request)) closeAfterAnswer(request, response);
      return;
    }
    owner.inGate++;
    // One listener per event for all the gate's bookkeeping of this request.
    const state = { closed: false, left: false, heldBytes: 0 };
    const out = () => {
      if (state.left) return;
      state.left = true;
      leave(key);
      // The received body's memory is counted until the request is done.
      buffered -= state.heldBytes;
      state.heldBytes = 0;
    };
    response.once("finish", out);
    response.once("close", () => {
      state.closed = true;
      out();
    });
    const gone = () => state.closed || response.destroyed;

    const proceed = (forwarded) => {
      Promise.resolve(action).then(
        (isAction) => admit({ request: forwarded, response, next, key, gone, action: isAction === true }),
        () => admit({ request: forwarded, response, next, key, gone, action: false }),
      );
    };
    if (!hasBody(request)) return proceed(request);
    receive(request, response, (chunks, size) => {
      if (state.left) buffered -= size;
      else state.heldBytes = size;
      proceed(replayRequest(request, chunks));
    });
  }

  return {
    handle,
    /** What the gate did so far, and what it holds now. */
    stats: () => ({ ...counts, inFlight, waiting: queue.length, receiving, bufferedBytes: buffered, clients: clients.size }),
  };
}

/**
 * Options for `http.createServer` from the settings: Node's own limits on
 * receiving headers and the whole request, checked often enough to matter.
 */
export function serverOptions(settings) {
  return {
    headersTimeout: settings.headersTimeoutMs,
    // A backstop behind the gate's own body limits.
    requestTimeout: settings.headersTimeoutMs + settings.bodyTimeoutMs + 1_000,
    connectionsCheckingInterval: Math.max(50, Math.min(1_000, Math.floor(settings.headersTimeoutMs / 2))),
  };
}
