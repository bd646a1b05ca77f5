import { describe, expect, it } from "vitest";
import {
  metricsAccess,
  metricsSettingsFromEnv,
  recordJobRun,
  recordRequest,
  registerGate,
  registerJobQueue,
  registerPool,
  renderMetrics,
} from "@/lib/observability/metrics.mjs";
import { createRouteMatcher, UNMATCHED } from "@/lib/observability/route-pattern.mjs";

/** The shape of .next/routes-manifest.json (Next.js 16), with a few of the app's routes. */
const manifest = {
  staticRoutes: [
    { page: "/", regex: "^/(?:/)?$" },
    { page: "/ledger", regex: "^/ledger(?:/)?$" },
    { page: "/api/health", regex: "^/api/health(?:/)?$" },
    { page: "/api/v1/measures", regex: "^/api/v1/measures(?:/)?$" },
  ],
  dynamicRoutes: [
    { page: "/api/auth/[...nextauth]", regex: "^/api/auth/(.+?)(?:/)?$" },
    { page: "/api/v1/measures/[code]", regex: "^/api/v1/measures/([^/]+?)(?:/)?$" },
    { page: "/measures/[code]", regex: "^/measures/([^/]+?)(?:/)?$" },
    { page: "/notices/[id]", regex: "^/notices/([^/]+?)(?:/)?$" },
    { page: "/broken", regex: "([" },
  ],
};

describe("[OBSERVABILITY] route patterns", () => {
  const routeOf = createRouteMatcher(manifest, { extra: ["/metrics"] });

  it("names the route pattern, not the path with its ids, query or trailing slash", () => {
    expect(routeOf("/measures/2.1.1")).toBe("/measures/[code]");
    expect(routeOf("/measures/2.1.1?tab=reports#top")).toBe("/measures/[code]");
    expect(routeOf("/notices/cmf0abc123/")).toBe("/notices/[id]");
    expect(routeOf("/api/v1/measures/1.1")).toBe("/api/v1/measures/[code]");
    expect(routeOf("/api/v1/measures?page=2")).toBe("/api/v1/measures");
    expect(routeOf("/api/auth/callback/credentials")).toBe("/api/auth/[...nextauth]");
    expect(routeOf("/")).toBe("/");
    expect(routeOf("/ledger/")).toBe("/ledger");
    expect(routeOf("/metrics")).toBe("/metrics");
    expect(routeOf("/measures/2.1.1.rsc")).toBe("/measures/[code]");
    expect(routeOf("/ledger.segments/_tree.segment.rsc")).toBe("/ledger");
  });

  it("gives Next's own files one label each and everything unknown one shared label", () => {
    expect(routeOf("/_next/static/chunks/app-123.js")).toBe("/_next/static");
    expect(routeOf("/_next/image?url=x")).toBe("/_next/image");
    expect(routeOf("/_next/whatever")).toBe("/_next");
    expect(routeOf("/wp-admin/setup.php")).toBe(UNMATCHED);
    expect(routeOf("/measures/1/extra/segments")).toBe(UNMATCHED);
    expect(routeOf("")).toBe("/");
    // Without a build (next dev) every path is unmatched rather than a label per raw path.
    expect(createRouteMatcher(null)("/measures/2.1.1")).toBe(UNMATCHED);
  });
});

describe("[SECURITY] who may read /metrics", () => {
  const token = "metrics-token-0123456789abcdef";

  it("without a token: loopback clients only", () => {
    for (const address of ["127.0.0.1", "127.0.0.53", "::1"]) expect(metricsAccess({ address, authorization: undefined, token: null })).toBe("ok");
    for (const address of ["10.0.0.5", "203.0.113.9", "::ffff:10.0.0.1", "unknown", "", "fe80::1"]) {
      expect(metricsAccess({ address, authorization: undefined, token: null })).toBe("forbidden");
    }
  });

  it("with a token: the right bearer token from anywhere, nothing else (not even loopback without it)", () => {
    expect(metricsAccess({ address: "203.0.113.9", authorization: `Bearer ${token}`, token })).toBe("ok");
    expect(metricsAccess({ address: "203.0.113.9", authorization: `bearer ${token}`, token })).toBe("ok");
    for (const authorization of [undefined, "", `Bearer ${token}x`, `Bearer ${token.slice(0, -1)}`, `Basic ${token}`, token, "Bearer "]) {
      expect(metricsAccess({ address: "203.0.113.9", authorization, token })).toBe("unauthorized");
    }
    expect(metricsAccess({ address: "127.0.0.1", authorization: undefined, token })).toBe("unauthorized");
  });

  it("refuses a short token at start", () => {
    expect(metricsSettingsFromEnv({})).toEqual({ token: null });
    expect(metricsSettingsFromEnv({ LUOSHI_METRICS_TOKEN: token })).toEqual({ token });
    expect(() => metricsSettingsFromEnv({ LUOSHI_METRICS_TOKEN: "short" })).toThrow(/at least 16/);
  });
});

describe("[OBSERVABILITY] the metrics registry", () => {
  it("exposes requests by route and status, the gate, the DB pools, the job queue and process metrics", async () => {
    recordRequest({ method: "GET", route: "/measures/[code]", status: 200, seconds: 0.042 });
    recordRequest({ method: "GET", route: "/measures/[code]", status: 200, seconds: 0.3 });
    registerGate(() => ({ inFlight: 3, waiting: 7, receiving: 1, bufferedBytes: 2048, rejected: 5, timedOut: 2, abandoned: 1, overClientLimit: 0, slowBodies: 0, tooLarge: 4 }));
    registerPool("primary", { totalCount: 10, idleCount: 2, waitingCount: 6 });
    registerJobQueue(
      { query: async () => ({ rows: [{ name: "deliver", state: "failed", count: "3" }, { name: "dispatch-events", state: "created", count: 1 }] }) },
      "pgboss",
    );
    recordJobRun("reminders", "failed", 1.5);
    const { body, contentType } = await renderMetrics();
    expect(contentType).toMatch(/^text\/plain/);
    expect(body).toContain('luoshi_http_requests_total{method="GET",route="/measures/[code]",status="200"} 2');
    expect(body).toContain('luoshi_http_request_duration_seconds_bucket{le="0.05",method="GET",route="/measures/[code]",status="200"} 1');
    expect(body).toContain("luoshi_gate_in_flight 3");
    expect(body).toContain("luoshi_gate_queue_length 7");
    expect(body).toContain('luoshi_gate_refused_total{reason="busy"} 5');
    expect(body).toContain('luoshi_gate_refused_total{reason="too_large"} 4');
    expect(body).toContain('luoshi_db_pool_connections{pool="primary"} 10');
    expect(body).toContain('luoshi_db_pool_idle{pool="primary"} 2');
    expect(body).toContain('luoshi_db_pool_waiting{pool="primary"} 6');
    expect(body).toContain('luoshi_job_queue_jobs{queue="deliver",state="failed"} 3');
    expect(body).toContain('luoshi_job_runs_total{job="reminders",outcome="failed"} 1');
    expect(body).toMatch(/^process_cpu_user_seconds_total /m);
    expect(body).toMatch(/^nodejs_heap_size_used_bytes /m);
    expect(() => registerJobQueue({ query: async () => ({ rows: [] }) }, "pgboss; drop table x")).toThrow();
  });

  it("a job queue whose table cannot be read leaves its figures out instead of failing the scrape", async () => {
    registerJobQueue({ query: async () => Promise.reject(new Error("relation does not exist")) }, "pgboss");
    const { body } = await renderMetrics();
    expect(body).not.toContain("luoshi_job_queue_jobs{");
    expect(body).toContain("luoshi_gate_in_flight");
  });
});
