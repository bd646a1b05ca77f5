// Admission control in front of Next.js. One Node process renders one page at a
// time on one core; letting hundreds of requests in at once only makes them all
// slow, starves the database pool (500s) and keeps rendering pages for clients
// that have already given up. The gate lets a few requests in, queues the rest
// in arrival order, drops queued requests whose client left, and answers 503
// with Retry-After when the queue is full or a request has waited too long.
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
  return {
    maxInFlight: number("LUOSHI_MAX_IN_FLIGHT", 8, 1),
    // At least one: a client may send its next request a moment before the server
    // has noticed that the previous response finished; that one should wait, not fail.
    maxQueued: number("LUOSHI_MAX_QUEUED", 200, 1),
    maxWaitMs: number("LUOSHI_MAX_WAIT_MS", 8_000, 1),
  };
}

/**
 * `handle(request, response, next, { neverRefuse })` runs `next` now or later,
 * or answers 503. A request marked `neverRefuse` waits its turn however long
 * the queue is. `busy(request, response)` writes the 503 (the caller decides its
 * language).
 */
export function createRequestGate({ maxInFlight, maxQueued, maxWaitMs, busy }) {
  let inFlight = 0;
  const queue = [];
  const counts = { admitted: 0, queued: 0, rejected: 0, timedOut: 0, abandoned: 0 };

  function start(request, response, next) {
    inFlight++;
    counts.admitted++;
    // "finish" follows the end of the response, "close" also the loss of its connection.
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      inFlight--;
      admitWaiting();
    };
    response.once("finish", release);
    response.once("close", release);
    next();
  }

  function admitWaiting() {
    while (inFlight < maxInFlight && queue.length > 0) {
      const entry = queue.shift();
      clearTimeout(entry.timer);
      entry.response.off("close", entry.onClose);
      start(entry.request, entry.response, entry.next);
    }
  }

  function remove(entry) {
    const index = queue.indexOf(entry);
    if (index >= 0) queue.splice(index, 1);
    clearTimeout(entry.timer);
    entry.response.off("close", entry.onClose);
  }

  function handle(request, response, next, { neverRefuse = false } = {}) {
    if (inFlight < maxInFlight && queue.length === 0) return start(request, response, next);
    if (queue.length >= maxQueued && !neverRefuse) {
      counts.rejected++;
      return busy(request, response);
    }
    counts.queued++;
    const entry = { request, response, next };
    entry.onClose = () => {
      counts.abandoned++;
      remove(entry);
    };
    if (!neverRefuse) {
      entry.timer = setTimeout(() => {
        counts.timedOut++;
        remove(entry);
        busy(request, response);
      }, maxWaitMs);
    }
    response.once("close", entry.onClose);
    queue.push(entry);
  }

  return {
    handle,
    /** What the gate did so far, and what it holds now. */
    stats: () => ({ ...counts, inFlight, waiting: queue.length }),
  };
}
