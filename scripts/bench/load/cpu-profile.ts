import { gzipSync } from "node:zlib";
import pg from "pg";
import { todayInChina } from "@/lib/tracking/dates";
import { percentile } from "../stats";
import { bareSqlOf } from "./bare-sql";
import { requestTypes, type PlannedRequest, type RequestTypeName } from "./mix";
import { sampleProcesses } from "./proc-sampler";
import { requestHeaders } from "./run-stage";

/** One request type's cost, measured with only that type in flight. */
export interface CpuProfileRow {
  name: RequestTypeName;
  label: string;
  requests: number;
  /** Answered with another status than the expected one (or not at all). */
  errors: number;
  seconds: number;
  /** CPU per request of the server's process tree, in ms. */
  serverCpuMs: number;
  /** CPU per request of the test database's PostgreSQL backends, in ms (null on PGlite, which runs inside the server). */
  postgresCpuMs: number | null;
  p50: number;
  p99: number;
  /** Mean response body, uncompressed, in bytes. */
  bytes: number;
  /** Mean response body after gzip (what a browser downloads), in bytes. */
  gzipBytes: number;
  /** Mean bytes of the page's inline RSC payload (self.__next_f.push scripts) within `bytes`; null for non-HTML answers. */
  rscBytes: number | null;
  /** The same requests' bare SQL, one at a time: median wall time and PostgreSQL CPU per request, in ms. */
  bareSql: { p50: number; postgresCpuMs: number | null; runs: number } | null;
  bareSqlNote: string;
}

export interface CpuProfileOptions {
  baseUrl: string;
  /** Requests of each type. */
  requests: number;
  connections: number;
  plan: (type: RequestTypeName) => PlannedRequest;
  cookies: Map<string, string>;
  serverPids: () => number[];
  /** The test database's backends (null on PGlite). */
  backendPids: (() => Promise<number[]>) | null;
  /** A pool on the test database for the bare SQL (null on PGlite). */
  databaseUrl: string | null;
  /** Only these request types (`--only`); all when empty. */
  only: string[];
}

/** Responses whose sizes are kept (measuring every body would cost the generator, not the server, but is not needed). */
const SIZED = 10;

const inlineRsc = /self\.__next_f\.push\((.*?)\)<\/script>/gs;

function rscBytesOf(html: string): number {
  let bytes = 0;
  for (const match of html.matchAll(inlineRsc)) bytes += Buffer.byteLength(match[1]!);
  return bytes;
}

/** Sends `requests` of one type on `connections` connections; returns latencies, errors and the first bodies. */
async function send(options: CpuProfileOptions, planned: PlannedRequest[], expected: number) {
  const latencies: number[] = [];
  const bodies: { html: boolean; body: Buffer }[] = [];
  let errors = 0;
  let next = 0;
  const worker = async () => {
    while (next < planned.length) {
      const request = planned[next++]!;
      const started = performance.now();
      try {
        const response = await fetch(`${options.baseUrl}${request.path}`, {
          method: request.method,
          redirect: "manual",
          // As the mix's autocannon sends it: no compression, so the server's CPU is the same work as in the stages.
          headers: { ...requestHeaders(request, options.cookies, options.baseUrl), "accept-encoding": "identity" },
          body: request.body,
        });
        const body = Buffer.from(await response.arrayBuffer());
        latencies.push(performance.now() - started);
        if (response.status !== expected) errors++;
        if (bodies.length < SIZED) bodies.push({ html: (response.headers.get("content-type") ?? "").includes("text/html"), body });
      } catch {
        errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: options.connections }, worker));
  return { latencies, bodies, errors };
}

/** Times the bare SQL of the first planned requests, one at a time, with the backends' CPU. */
async function timeBareSql(options: CpuProfileOptions, name: RequestTypeName, planned: PlannedRequest[], pool: pg.Pool | null) {
  const run = bareSqlOf[name].run;
  if (!run || !pool) return null;
  const today = todayInChina();
  const sample = planned.slice(0, Math.min(planned.length, 50));
  for (const request of sample.slice(0, 3)) await run(request, pool, today);
  const backends = options.backendPids ? sampleProcesses(options.backendPids, 100) : null;
  const times: number[] = [];
  for (const request of sample) {
    const started = performance.now();
    await run(request, pool, today);
    times.push(performance.now() - started);
  }
  const usage = backends ? await backends.stop() : null;
  return { p50: percentile(times, 50), postgresCpuMs: usage ? usage.cpuMs / sample.length : null, runs: sample.length };
}

/**
 * For each request type in turn (after a few unmeasured ones): only that type, `requests` of them on
 * `connections` connections, with the server's process tree and the database
 * backends sampled over exactly that window; then the same requests' bare SQL.
 */
export async function runCpuProfile(options: CpuProfileOptions): Promise<CpuProfileRow[]> {
  const pool = options.databaseUrl ? new pg.Pool({ connectionString: options.databaseUrl, max: 10 }) : null;
  const rows: CpuProfileRow[] = [];
  try {
    for (const type of requestTypes.filter((type) => options.only.length === 0 || options.only.includes(type.name))) {
      // A few unmeasured requests first: the type's code paths are compiled and its caches filled, as in a running server.
      await send(options, Array.from({ length: Math.min(10, Math.ceil(options.requests / 4)) }, () => options.plan(type.name)), type.expected);
      const planned = Array.from({ length: options.requests }, () => options.plan(type.name));
      console.log(`CPU profile: ${planned.length} × ${type.name} on ${options.connections} connection(s)…`);
      const server = sampleProcesses(options.serverPids, 100);
      const postgres = options.backendPids ? sampleProcesses(options.backendPids, 100) : null;
      const started = performance.now();
      const { latencies, bodies, errors } = await send(options, planned, type.expected);
      const seconds = (performance.now() - started) / 1000;
      const serverUsage = await server.stop();
      const postgresUsage = postgres ? await postgres.stop() : null;
      const mean = (values: number[]) => (values.length ? values.reduce((sum, value) => sum + value, 0) / values.length : 0);
      const html = bodies.filter((body) => body.html);
      rows.push({
        name: type.name,
        label: type.label,
        requests: planned.length,
        errors,
        seconds,
        serverCpuMs: serverUsage.cpuMs / planned.length,
        postgresCpuMs: postgresUsage ? postgresUsage.cpuMs / planned.length : null,
        p50: latencies.length ? percentile(latencies, 50) : NaN,
        p99: latencies.length ? percentile(latencies, 99) : NaN,
        bytes: mean(bodies.map(({ body }) => body.length)),
        gzipBytes: mean(bodies.map(({ body }) => gzipSync(body).length)),
        rscBytes: html.length ? mean(html.map(({ body }) => rscBytesOf(body.toString("utf8")))) : null,
        bareSql: await timeBareSql(options, type.name, planned, pool),
        bareSqlNote: bareSqlOf[type.name].note,
      });
    }
  } finally {
    await pool?.end();
  }
  return rows;
}
