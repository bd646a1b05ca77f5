import autocannon, { type Result } from "autocannon";
import { percentile } from "../stats";
import { requestTypes, type PlannedRequest, type RequestTypeName } from "./mix";

/** One request type's outcome in a stage. */
export interface TypeFigures {
  name: RequestTypeName;
  label: string;
  /** Answered with the expected status. */
  ok: number;
  /** 409: the report slot was taken (only once the free slots run out). */
  conflicts: number;
  /** Answered with any other status (a 307 to /login, a 4xx, a 5xx). */
  wrongStatus: number;
  statuses: Record<string, number>;
  /** Sent and never answered within the timeout. */
  unanswered: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export interface StageFigures {
  /** "50 connections", or the think-time stage's "200 users, 10 s think time". */
  label: string;
  connections: number;
  seconds: number;
  total: number;
  perSecond: number;
  /** autocannon's own count: connection errors and timeouts. */
  socketErrors: number;
  timeouts: number;
  types: TypeFigures[];
}

export interface Ticket {
  type: RequestTypeName;
  sentAt: number;
}

export const timeoutSeconds = 10;

/**
 * Runs the mix on `connections` keep-alive connections for `seconds`. Each
 * connection has one request in flight; its context holds that request's
 * ticket, so every answer's latency is booked to its request type.
 */
/**
 * Books every answer to its request type; `summary` turns the bookings into
 * figures. Tickets still pending at the end count as unanswered once older
 * than the timeout (younger ones were cut off by the end of the stage).
 */
export function typeRecorder(timeoutMs: number) {
  const latencies = new Map<RequestTypeName, number[]>(requestTypes.map((type) => [type.name, []]));
  const statuses = new Map<RequestTypeName, Record<string, number>>(requestTypes.map((type) => [type.name, {}]));
  const pending = new Set<Ticket>();
  const started = performance.now();
  return {
    send(type: RequestTypeName): Ticket {
      const ticket = { type, sentAt: performance.now() };
      pending.add(ticket);
      return ticket;
    },
    answer(ticket: Ticket, statusCode: number | undefined, ms: number) {
      if (!pending.delete(ticket)) return;
      latencies.get(ticket.type)!.push(ms);
      const counts = statuses.get(ticket.type)!;
      // autocannon reports no status when a connection closed before the status line was read.
      const status = statusCode ?? "no status";
      counts[status] = (counts[status] ?? 0) + 1;
    },
    summary(): { seconds: number; total: number; types: TypeFigures[] } {
      const end = performance.now();
      const elapsed = (end - started) / 1000;
      const unanswered = new Map<RequestTypeName, number>();
      for (const ticket of pending) {
        if (end - ticket.sentAt >= timeoutMs) unanswered.set(ticket.type, (unanswered.get(ticket.type) ?? 0) + 1);
      }
      const types = requestTypes.map((type): TypeFigures => {
        const samples = latencies.get(type.name)!;
        const counts = statuses.get(type.name)!;
        const ok = counts[type.expected] ?? 0;
        const conflicts = type.conflict ? (counts[type.conflict] ?? 0) : 0;
        const at = (p: number) => (samples.length ? percentile(samples, p) : NaN);
        return {
          name: type.name,
          label: type.label,
          ok,
          conflicts,
          wrongStatus: samples.length - ok - conflicts,
          statuses: counts,
          unanswered: unanswered.get(type.name) ?? 0,
          perSecond: samples.length / elapsed,
          p50: at(50),
          p95: at(95),
          p99: at(99),
          max: samples.length ? samples.reduce((highest, value) => Math.max(highest, value), 0) : NaN,
        };
      });
      const total = types.reduce((sum, type) => sum + type.ok + type.conflicts + type.wrongStatus, 0);
      return { seconds: elapsed, total, types };
    },
  };
}

/**
 * Runs the mix on `connections` keep-alive connections for `seconds` (closed
 * loop: each connection sends its next request as soon as the last is
 * answered). Each connection has one request in flight; its context holds
 * that request's ticket, so every answer's latency is booked to its type.
 */
export async function runStage(
  baseUrls: string[],
  { connections, seconds, next, cookies }: { connections: number; seconds: number; next: () => PlannedRequest; cookies: Map<string, string> },
): Promise<StageFigures> {
  const recorder = typeRecorder(timeoutSeconds * 1000);
  const result = await new Promise<Result>((resolve, reject) => {
    const instance = autocannon(
      {
        // Several instances: autocannon spreads the connections over them in turn.
        url: baseUrls.length === 1 ? baseUrls[0]! : baseUrls,
        connections,
        duration: seconds,
        timeout: timeoutSeconds,
        requests: [
          {
            setupRequest: (request, context) => {
              const planned = next();
              context.ticket = recorder.send(planned.type);
              const origin = `http://${request.hostname}:${request.port}`;
              return { ...request, method: planned.method, path: planned.path, headers: requestHeaders(planned, cookies, origin), body: planned.body ?? "" };
            },
          },
        ],
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
    instance.on("response", (client, statusCode, _bytes, responseTimeMs) => {
      const ticket = client.requestIterator.context.ticket as Ticket | undefined;
      if (ticket) recorder.answer(ticket, statusCode, responseTimeMs);
    });
  });
  const { seconds: elapsed, total, types } = recorder.summary();
  return {
    label: `${connections} connections`,
    connections,
    seconds: elapsed,
    total,
    perSecond: total / elapsed,
    socketErrors: result.errors - result.timeouts,
    timeouts: result.timeouts,
    types,
  };
}

/** The signed-in user's cookie; cookie-authenticated API writes must come from this site (CSRF check). */
export function requestHeaders(planned: PlannedRequest, cookies: Map<string, string>, origin: string): Record<string, string> {
  const headers: Record<string, string> = { cookie: cookies.get(planned.loginName)! };
  if (planned.method === "POST") Object.assign(headers, { origin, "content-type": "application/json" });
  return headers;
}
