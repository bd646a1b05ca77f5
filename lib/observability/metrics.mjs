// Prometheus metrics (prom-client). scripts/serve.mjs counts requests and
// answers GET /metrics; the app's code (bundled by Next.js, same process)
// registers its database pools and job queue here. One registry for both, on
// globalThis, because the two sides may load this module (and prom-client) twice.
import { timingSafeEqual } from "node:crypto";
import client from "prom-client";

const HUB = Symbol.for("luoshi.metrics");

/**
 * @typedef {{ inFlight: number, waiting: number, receiving: number, bufferedBytes: number, rejected: number, timedOut: number, abandoned: number, overClientLimit: number, slowBodies: number, tooLarge: number }} GateStats
 * @typedef {{ totalCount: number, idleCount: number, waitingCount: number }} PoolLike
 * @typedef {{ query: (sql: string) => Promise<{ rows: { name: string, state: string, count: string | number }[] }> }} Queryable
 */

function createHub() {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry });
  /** @type {{ gate: (() => GateStats) | null, pools: Map<string, PoolLike>, jobs: { pool: Queryable, schema: string } | null }} */
  const sources = { gate: null, pools: new Map(), jobs: null };
  const registers = [registry];

  const httpRequests = new client.Counter({
    name: "luoshi_http_requests_total",
    help: "HTTP requests answered, by method, route pattern and status",
    labelNames: ["method", "route", "status"],
    registers,
  });
  const httpDuration = new client.Histogram({
    name: "luoshi_http_request_duration_seconds",
    help: "Time from receiving a request to the end of its response (including time waiting in the request gate)",
    labelNames: ["method", "route", "status"],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers,
  });

  const gateGauge = (name, help, read) =>
    new client.Gauge({
      name,
      help,
      registers,
      collect() {
        const stats = sources.gate?.();
        if (stats) this.set(read(stats));
      },
    });
  gateGauge("luoshi_gate_in_flight", "Requests the request gate lets run now", (s) => s.inFlight);
  gateGauge("luoshi_gate_queue_length", "Requests waiting in the request gate's queue", (s) => s.waiting);
  gateGauge("luoshi_gate_receiving", "Requests whose body the gate is receiving", (s) => s.receiving);
  gateGauge("luoshi_gate_buffered_bytes", "Request bodies held in memory by the gate", (s) => s.bufferedBytes);
  new client.Counter({
    name: "luoshi_gate_refused_total",
    help: "Requests the gate answered itself, by reason (busy: queue full; timeout: waited too long; client_limit; slow_body; too_large; abandoned: client left while waiting)",
    labelNames: ["reason"],
    registers,
    collect() {
      const stats = sources.gate?.();
      if (!stats) return;
      this.reset();
      const reasons = { busy: stats.rejected, timeout: stats.timedOut, client_limit: stats.overClientLimit, slow_body: stats.slowBodies, too_large: stats.tooLarge, abandoned: stats.abandoned };
      for (const [reason, value] of Object.entries(reasons)) this.inc({ reason }, value);
    },
  });

  const poolGauge = (name, help, read) =>
    new client.Gauge({
      name,
      help,
      labelNames: ["pool"],
      registers,
      collect() {
        this.reset();
        for (const [pool, instance] of sources.pools) this.set({ pool }, read(instance));
      },
    });
  poolGauge("luoshi_db_pool_connections", "Connections the app's database pool holds (busy and idle)", (p) => p.totalCount);
  poolGauge("luoshi_db_pool_idle", "Idle connections in the app's database pool", (p) => p.idleCount);
  poolGauge("luoshi_db_pool_waiting", "Queries waiting for a free connection of the app's database pool", (p) => p.waitingCount);

  new client.Gauge({
    name: "luoshi_job_queue_jobs",
    help: "Jobs in the pg-boss queue table by queue and state (created, retry, active, completed, cancelled, failed); read at scrape time",
    labelNames: ["queue", "state"],
    registers,
    async collect() {
      this.reset();
      const jobs = sources.jobs;
      if (!jobs) return;
      try {
        const { rows } = await jobs.pool.query(`SELECT name, state::text AS state, count(*) AS count FROM ${jobs.schema}.job GROUP BY 1, 2`);
        for (const row of rows) this.set({ queue: row.name, state: row.state }, Number(row.count));
      } catch {
        // The queue's tables may not exist yet, or the database is down: no figures this time.
      }
    },
  });
  const jobRuns = new client.Counter({
    name: "luoshi_job_runs_total",
    help: "Job runs in this process, by job and outcome (ok, failed)",
    labelNames: ["job", "outcome"],
    registers,
  });
  const jobDuration = new client.Histogram({
    name: "luoshi_job_run_duration_seconds",
    help: "Duration of job runs in this process",
    labelNames: ["job"],
    buckets: [0.01, 0.1, 0.5, 1, 5, 15, 60, 300],
    registers,
  });

  return { registry, sources, httpRequests, httpDuration, jobRuns, jobDuration };
}

/** The process's metrics (created on first use). */
export function metrics() {
  const holder = /** @type {Record<symbol, ReturnType<typeof createHub> | undefined>} */ (/** @type {unknown} */ (globalThis));
  return (holder[HUB] ??= createHub());
}

/** One answered request. */
export function recordRequest({ method, route, status, seconds }) {
  const labels = { method, route, status: String(status) };
  const hub = metrics();
  hub.httpRequests.inc(labels);
  hub.httpDuration.observe(labels, seconds);
}

/** The request gate's live figures (scripts/serve.mjs). */
export function registerGate(stats) {
  metrics().sources.gate = stats;
}

/** A pg Pool to report (lib/db registers the app's pools: "primary", "replica"). */
export function registerPool(name, pool) {
  metrics().sources.pools.set(name, pool);
}

/** Where the job queue's table is read at scrape time (lib/jobs). */
export function registerJobQueue(pool, schema) {
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`Not a schema name: ${schema}`);
  metrics().sources.jobs = { pool, schema };
}

/** One job run: its outcome and duration. */
export function recordJobRun(job, outcome, seconds) {
  const hub = metrics();
  hub.jobRuns.inc({ job, outcome });
  hub.jobDuration.observe({ job }, seconds);
}

/** The text Prometheus scrapes, and its content type. */
export async function renderMetrics() {
  const { registry } = metrics();
  return { contentType: registry.contentType, body: await registry.metrics() };
}

/**
 * LUOSHI_METRICS_TOKEN: empty means loopback only; otherwise at least 16 characters.
 * @param {Record<string, string | undefined>} [env]
 */
export function metricsSettingsFromEnv(env = process.env) {
  const token = (env.LUOSHI_METRICS_TOKEN ?? "").trim();
  if (token && token.length < 16) throw new Error("LUOSHI_METRICS_TOKEN must be at least 16 characters long (or unset: loopback only).");
  return { token: token || null };
}

const LOOPBACK = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1)$/;

/**
 * Who may read /metrics. Without a token: clients on this machine only (the
 * address is the real client's, after trusted proxies: a local reverse proxy
 * forwarding an outside request does not count as local). With a token: only
 * requests carrying `Authorization: Bearer <token>`, from anywhere.
 * @param {{ address: string, authorization: string | undefined, token: string | null }} request
 * @returns {"ok" | "unauthorized" | "forbidden"}
 */
export function metricsAccess({ address, authorization, token }) {
  if (token) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
    if (!match) return "unauthorized";
    const given = Buffer.from(match[1]);
    const expected = Buffer.from(token);
    return given.length === expected.length && timingSafeEqual(given, expected) ? "ok" : "unauthorized";
  }
  return LOOPBACK.test(address) ? "ok" : "forbidden";
}
