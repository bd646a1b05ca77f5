import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build, needsBuild } from "@/scripts/lib/build.mjs";
import { freePort, launchApp, loginCookie, waitForHealth, type AppProcess } from "./app-process";

const METRICS_TOKEN = "e2e-metrics-token-0123456789";
const WRONG_PASSWORD = "Wrong-Secret-Pass-9";
const FAKE_API_TOKEN = "lst_e2e_fake_token_never_logged_0001";

let app: AppProcess;
let dataDir: string;

beforeAll(async () => {
  const port = await freePort();
  if (needsBuild()) await build();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "luoshi-observability-e2e-"));
  app = launchApp(
    {
      LUOSHI_DATA_DIR: dataDir,
      DATABASE_URL: undefined,
      HOST: undefined,
      LOG_LEVEL: "info",
      LOG_PRETTY: undefined,
      // Requests with X-Forwarded-For from loopback stand for outside clients behind a local proxy.
      LUOSHI_TRUSTED_PROXIES: "127.0.0.1",
      LUOSHI_METRICS_TOKEN: METRICS_TOKEN,
    },
    port,
  );
  expect((await waitForHealth(app)).status).toBe(200);
});

afterAll(async () => {
  await app?.interrupt();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function request(method: string, pathname: string, headers: Record<string, string> = {}, body?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const outgoing = http.request({ host: "127.0.0.1", port: app.port, path: pathname, method, headers, agent: false }, (response) => {
      let text = "";
      response.setEncoding("utf8");
      response.on("data", (chunk) => (text += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: text }));
    });
    outgoing.on("error", reject);
    outgoing.end(body);
  });
}

/** The server's JSON log lines so far (the start script's own lines are plain text). */
function logLines(): Record<string, unknown>[] {
  return app
    .output()
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .flatMap((line) => {
      try {
        return [JSON.parse(line) as Record<string, unknown>];
      } catch {
        return [];
      }
    });
}

async function lineFor(reqId: string) {
  for (let attempt = 0; attempt < 50; attempt++) {
    const line = logLines().find((record) => record.reqId === reqId && record.msg === "request");
    if (line) return line;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`No log line for ${reqId}:\n${app.output().slice(-4000)}`);
}

const counter = (metrics: string, route: string, status: number) =>
  Number(new RegExp(`^luoshi_http_requests_total\\{method="GET",route="${route.replace(/[[\]./]/g, "\\$&")}",status="${status}"\\} (\\d+)$`, "m").exec(metrics)?.[1] ?? 0);

describe("[OBSERVABILITY] logs and metrics of the real server", () => {
  let sessionCookie: string;

  it("logs one JSON line per request with request id, route pattern, user, status and duration, and no secrets", async () => {
    expect(logLines().some((line) => line.event === "startup")).toBe(true);

    // A failed sign-in (its password must not appear anywhere), then a real one.
    const csrf = await request("GET", "/api/auth/csrf");
    const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
    const csrfCookie = (csrf.headers["set-cookie"] ?? []).map((cookie) => cookie.split(";")[0]).join("; ");
    const failed = await request(
      "POST",
      "/api/auth/callback/credentials",
      { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie, "x-request-id": "e2e-obs-signin-0001" },
      new URLSearchParams({ csrfToken, username: "admin", password: WRONG_PASSWORD, json: "true" }).toString(),
    );
    expect(failed.headers["x-request-id"]).toBe("e2e-obs-signin-0001");
    sessionCookie = await loginCookie(app, "leader");

    const measure = await request("GET", "/api/v1/measures/1.1", { cookie: sessionCookie, "x-request-id": "e2e-obs-measure-0001" });
    expect(measure.status).toBe(200);
    expect(measure.headers["x-request-id"]).toBe("e2e-obs-measure-0001");
    const page = await request("GET", "/measures/1.1", { cookie: sessionCookie, "x-request-id": "e2e-obs-page-0001" });
    expect(page.status).toBe(200);
    const bearer = await request("GET", "/api/v1/measures", { authorization: `Bearer ${FAKE_API_TOKEN}`, "x-request-id": "bad id with spaces" });
    expect(bearer.status).toBe(401);
    const generatedId = String(bearer.headers["x-request-id"]);
    expect(generatedId).toMatch(/^[0-9a-f-]{36}$/);

    const apiLine = await lineFor("e2e-obs-measure-0001");
    expect(apiLine).toMatchObject({ level: "info", method: "GET", route: "/api/v1/measures/[code]", path: "/api/v1/measures/1.1", status: 200 });
    expect(typeof apiLine.durationMs).toBe("number");
    expect(apiLine.userId).toEqual(expect.any(String));
    const pageLine = await lineFor("e2e-obs-page-0001");
    expect(pageLine).toMatchObject({ route: "/measures/[code]", status: 200, userId: apiLine.userId });
    expect(await lineFor("e2e-obs-signin-0001")).toMatchObject({ method: "POST", route: "/api/auth/[...nextauth]" });
    const bearerLine = await lineFor(generatedId);
    expect(bearerLine).toMatchObject({ route: "/api/v1/measures", status: 401 });
    expect(bearerLine.userId).toBeUndefined();

    const output = app.output();
    const sessionValue = sessionCookie.split("=").slice(1).join("=");
    for (const secret of [WRONG_PASSWORD, "Luoshi-Demo-2026", FAKE_API_TOKEN, sessionValue, csrfToken, METRICS_TOKEN]) {
      expect(output).not.toContain(secret);
    }
  });

  it("/metrics: refused without the token from an outside address, and counts the requests above with it", async () => {
    const outside = { "x-forwarded-for": "203.0.113.7" };
    expect((await request("GET", "/metrics", outside)).status).toBe(401);
    expect((await request("GET", "/metrics", { ...outside, authorization: "Bearer wrong-token-0123456789" })).status).toBe(401);
    // With a token set, loopback needs it too (a local reverse proxy would otherwise open it to everyone).
    expect((await request("GET", "/metrics")).status).toBe(401);

    const before = await request("GET", "/metrics", { ...outside, authorization: `Bearer ${METRICS_TOKEN}` });
    expect(before.status).toBe(200);
    expect(before.headers["content-type"]).toMatch(/^text\/plain/);
    const seen = counter(before.body, "/api/v1/measures/[code]", 200);
    expect(seen).toBeGreaterThanOrEqual(1);
    await request("GET", "/api/v1/measures/1.1", { cookie: sessionCookie });
    await request("GET", "/api/v1/measures/1.1", { cookie: sessionCookie });
    const after = (await request("GET", "/metrics", { ...outside, authorization: `Bearer ${METRICS_TOKEN}` })).body;
    expect(counter(after, "/api/v1/measures/[code]", 200)).toBe(seen + 2);
    expect(counter(after, "/measures/[code]", 200)).toBeGreaterThanOrEqual(1);
    expect(after).toMatch(/^luoshi_http_request_duration_seconds_bucket\{le="0\.5",method="GET",route="\/api\/v1\/measures\/\[code\]",status="200"\} \d+$/m);
    // No series per raw path.
    expect(after).not.toContain('route="/api/v1/measures/1.1"');
    // The gate (serve.mjs) and the database pool (lib/db, inside Next's bundle) report into one registry.
    expect(after).toMatch(/^luoshi_gate_in_flight \d+$/m);
    expect(after).toMatch(/^luoshi_gate_queue_length 0$/m);
    expect(Number(/^luoshi_db_pool_connections\{pool="primary"\} (\d+)$/m.exec(after)?.[1])).toBeGreaterThanOrEqual(1);
    expect(after).toMatch(/^luoshi_db_pool_waiting\{pool="primary"\} \d+$/m);
    expect(after).toMatch(/^process_resident_memory_bytes \d+/m);
  });

  it("/metrics shows the job queue (lib/jobs, in the app's bundle) once its dispatcher has run", async () => {
    const scrape = async () =>
      (await request("GET", "/metrics", { authorization: `Bearer ${METRICS_TOKEN}` })).body;
    let metrics = await scrape();
    // The dispatcher runs every 10 s.
    for (let attempt = 0; attempt < 40 && !/^luoshi_job_runs_total\{job="dispatch-events",outcome="ok"\} [1-9]/m.test(metrics); attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      metrics = await scrape();
    }
    expect(metrics).toMatch(/^luoshi_job_runs_total\{job="dispatch-events",outcome="ok"\} [1-9]\d*$/m);
    expect(metrics).toMatch(/^luoshi_job_queue_jobs\{queue="dispatch-events",state="\w+"\} [1-9]\d*$/m);
  });
});
