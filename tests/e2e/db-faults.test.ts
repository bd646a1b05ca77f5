import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "@/lib/demo/mode";
import { build, needsBuild } from "@/scripts/lib/build.mjs";
import { freePort, launchApp, loginCookie, waitForHealth, type AppProcess } from "./app-process";
import { postgresBinDir, startPostgresCluster, type PostgresCluster } from "./postgres-cluster";

/**
 * Database restarts and crashes against the real app (`npm start`'s processes):
 * a PostgreSQL cluster of the machine's binaries restarted under requests, and
 * kill -9 of the whole app during report writes (server and embedded database).
 */

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const tempDirs: string[] = [];

beforeAll(async () => {
  if (needsBuild()) await build();
});

afterAll(() => {
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
});

interface Sample {
  /** When the request was sent and when its answer was complete. */
  at: number;
  doneAt: number;
  kind: "page" | "api" | "ready" | "live";
  status: number;
  retryAfter: string | null;
  /** The API's error code, or whether the page is the "busy, retry" page. */
  detail: string;
}

/** One round of requests as users and a load balancer would make them. */
async function probe(app: AppProcess, cookie: string): Promise<Sample[]> {
  const get = async (kind: Sample["kind"], pathname: string): Promise<Sample> => {
    const at = Date.now();
    try {
      const response = await fetch(`${app.baseUrl}${pathname}`, { headers: { cookie }, redirect: "manual", signal: AbortSignal.timeout(15_000) });
      const text = await response.text();
      let detail = "";
      if (kind === "api" && response.status !== 200) detail = (JSON.parse(text) as { error: { code: string } }).error.code;
      // The page's error reaches the error boundary (app/error.tsx, rendered in the browser) with the digest that makes it the busy page.
      if (kind === "page" && response.status !== 200) detail = /digest\\?":\\?"DB_UNAVAILABLE/.test(text) ? "busy page" : "other page";
      return { at, doneAt: Date.now(), kind, status: response.status, retryAfter: response.headers.get("retry-after"), detail };
    } catch (error) {
      return { at, doneAt: Date.now(), kind, status: 0, retryAfter: null, detail: String(error) };
    }
  };
  return Promise.all([get("page", "/catalogue"), get("api", "/api/v1/measures?perPage=5"), get("ready", "/api/health/ready"), get("live", "/api/health/live")]);
}

/** Probes in a loop until `until` resolves, then until every kind answers 200 again (at most `recoverMs`). */
async function probeThrough(app: AppProcess, cookie: string, until: Promise<unknown>, recoverMs = 30_000): Promise<Sample[]> {
  const samples: Sample[] = [];
  let done = false;
  void until.finally(() => (done = true));
  while (!done) {
    samples.push(...(await probe(app, cookie)));
    await sleep(50);
  }
  const deadline = Date.now() + recoverMs;
  while (Date.now() < deadline) {
    const round = await probe(app, cookie);
    samples.push(...round);
    if (round.every((sample) => sample.status === 200)) break;
    await sleep(50);
  }
  return samples;
}

/** During an outage: only 200s and 503s with Retry-After (never 500), a busy page or DB_UNAVAILABLE/SERVER_BUSY; liveness always 200. */
function expectOnlyBusy(samples: Sample[]) {
  const bad = samples.filter(
    (sample) =>
      !(
        sample.status === 200 ||
        (sample.status === 503 &&
          sample.retryAfter !== null &&
          sample.kind !== "live" &&
          (sample.kind !== "api" || ["DB_UNAVAILABLE", "SERVER_BUSY"].includes(sample.detail)) &&
          (sample.kind !== "page" || sample.detail === "busy page"))
      ),
  );
  expect(bad).toEqual([]);
}

function webServerStarts(app: AppProcess): number {
  return app.output().match(/Web server started \(pid \d+\)/g)?.length ?? 0;
}

describe.runIf(postgresBinDir())("[DB FAULTS] a PostgreSQL restart under requests", () => {
  let cluster: PostgresCluster;
  let app: AppProcess;
  let cookie: string;

  beforeAll(async () => {
    cluster = await startPostgresCluster(await freePort());
    app = launchApp({ DATABASE_URL: cluster.url, LUOSHI_DEMO: "1" }, await freePort());
    expect((await waitForHealth(app)).status).toBe(200);
    cookie = await loginCookie(app, "viewer", DEMO_PASSWORD);
  });
  afterAll(async () => {
    await app?.interrupt();
    await cluster?.destroy();
  });

  it("answers 200s, then only 503s with Retry-After while the database is down, then 200s again: the same web server, no restart", async () => {
    const before = await probe(app, cookie);
    expect(before.map((sample) => sample.status)).toEqual([200, 200, 200, 200]);

    // A stop and start with a measurable gap, so requests surely meet the outage.
    const csrfResponse = await fetch(`${app.baseUrl}/api/auth/csrf`);
    const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
    const csrfCookie = csrfResponse.headers.getSetCookie().map((cookie) => cookie.split(";")[0]).join("; ");
    let login: { status: number; url: string } | undefined;
    let upAt = 0;
    const outage = (async () => {
      await cluster.stop();
      // Signing in meanwhile: "try again shortly" (DB_UNAVAILABLE for the login form), not "wrong password", not a 500.
      const response = await fetch(`${app.baseUrl}/api/auth/callback/credentials`, {
        method: "POST",
        redirect: "manual",
        headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie },
        body: new URLSearchParams({ csrfToken, username: "viewer", password: DEMO_PASSWORD, json: "true" }),
      });
      login = { status: response.status, url: ((await response.json()) as { url: string }).url };
      await sleep(2_000);
      await cluster.start();
      upAt = Date.now();
    })();
    const samples = await probeThrough(app, cookie, outage);
    expectOnlyBusy(samples);
    const during = samples.filter((sample) => sample.status === 503);
    expect(new Set(during.map((sample) => sample.kind))).toEqual(new Set(["page", "api", "ready"]));
    expect(during.filter((sample) => sample.kind === "api").map((sample) => sample.detail)).toContain("DB_UNAVAILABLE");
    expect(samples.filter((sample) => sample.kind === "live").every((sample) => sample.status === 200)).toBe(true);
    expect(login?.status).toBe(401);
    expect(new URL(login!.url).searchParams.get("error")).toBe("DB_UNAVAILABLE");

    // Recovery: from the database accepting connections again to each kind's first 200.
    const recovery = Object.fromEntries(
      (["page", "api", "ready"] as const).map((kind) => {
        const first = samples.find((sample) => sample.kind === kind && sample.doneAt >= upAt && sample.status === 200);
        return [kind, first ? (first.doneAt - upAt) / 1000 : null];
      }),
    );
    console.log(`[DB FAULTS] recovery after a PostgreSQL restart, seconds from the server accepting connections to the first 200: ${JSON.stringify(recovery)}`);
    for (const seconds of Object.values(recovery)) expect(seconds).not.toBeNull();
    expect((await probe(app, cookie)).map((sample) => sample.status)).toEqual([200, 200, 200, 200]);
    expect(webServerStarts(app)).toBe(1);
  });

  it("pg_ctl restart -m fast and dropped connections (pg_terminate_backend): never a 500, then 200s, still the same web server", async () => {
    expectOnlyBusy(await probeThrough(app, cookie, cluster.restart()));
    const admin = new pg.Client({ connectionString: cluster.url });
    await admin.connect();
    const dropped = admin.query("SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE pid <> pg_backend_pid() AND datname = current_database()");
    expect((await dropped).rows[0].n).toBeGreaterThan(0);
    await admin.end();
    expectOnlyBusy(await probeThrough(app, cookie, sleep(1_000)));
    expect((await probe(app, cookie)).map((sample) => sample.status)).toEqual([200, 200, 200, 200]);
    expect(webServerStarts(app)).toBe(1);
  });
});

/** This month in China, as the report form's month: YYYY-MM. */
function currentPeriod(): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit" }).format(new Date()).slice(0, 7);
}

interface WriteTarget {
  measureCode: string;
  /** The highest write number the server acknowledged (2xx), -1 for none. */
  acknowledged: number;
}

/**
 * Report writes of the demo official of jinan-drc, one writer per measure, each
 * rewriting its draft with a numbered text until the app is killed (kill -9 of
 * its whole process group) `killAfterMs` after every writer had its first answer.
 */
async function writeUntilKilled(app: AppProcess, databaseUrl: string, killAfterMs: number): Promise<WriteTarget[]> {
  const period = currentPeriod();
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const { rows } = await client.query<{ code: string }>(
    `SELECT m.code FROM "Measure" m JOIN "Unit" u ON u.id = m."leadUnitId"
     WHERE u.code = 'jinan-drc' AND m.status <> 'COMPLETED'
       AND NOT EXISTS (SELECT 1 FROM "ProgressReport" r WHERE r."measureId" = m.id AND r."unitId" = u.id AND r.period = $1::date)
     ORDER BY m.code LIMIT 4`,
    [`${period}-01`],
  );
  await client.end();
  expect(rows.length).toBeGreaterThanOrEqual(2);

  const cookie = await loginCookie(app, "jinan.official", DEMO_PASSWORD);
  const targets: WriteTarget[] = rows.map((row) => ({ measureCode: row.code, acknowledged: -1 }));
  let killed = false;
  const writer = async (target: WriteTarget) => {
    let version: number | undefined;
    for (let write = 0; !killed; write++) {
      try {
        const response = await fetch(`${app.baseUrl}/api/v1/reports`, {
          method: "POST",
          headers: { cookie, origin: app.baseUrl, "content-type": "application/json" },
          body: JSON.stringify({ measureCode: target.measureCode, period, percentComplete: write % 101, progress: `crash-test write ${write}`, version }),
        });
        const body = (await response.json()) as { version: number };
        expect([200, 201]).toContain(response.status);
        target.acknowledged = write;
        version = body.version;
      } catch (error) {
        // Cut off by the kill: this write is not acknowledged.
        if (killed) return;
        throw error;
      }
    }
  };
  const writers = targets.map(writer);
  // Kill mid-stream: once every writer has been answered (a slow, shared machine), then `killAfterMs` later.
  const failed = Promise.all(writers).then(() => true);
  for (const deadline = Date.now() + 60_000; targets.some((target) => target.acknowledged < 0) && Date.now() < deadline; ) {
    if (await Promise.race([failed, sleep(100).then(() => false)])) break;
  }
  await sleep(killAfterMs);
  killed = true;
  await app.killGroup();
  await Promise.all(writers);
  return targets;
}

/**
 * Every acknowledged write is there: each report holds its last acknowledged
 * text or a later one (a write may commit just before the kill, unanswered),
 * and each save and its audit entry were written together.
 */
async function expectAcknowledgedWrites(databaseUrl: string, targets: WriteTarget[]) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    for (const target of targets) {
      expect(target.acknowledged, `${target.measureCode}: no write was acknowledged before the kill`).toBeGreaterThanOrEqual(1);
      const { rows } = await client.query<{ id: string; progress: string; version: number; audits: number }>(
        `SELECT r.id, r.progress, r.version,
           (SELECT count(*)::int FROM "AuditEvent" a WHERE a."entityType" = 'ProgressReport' AND a."entityId" = r.id) AS audits
         FROM "ProgressReport" r JOIN "Measure" m ON m.id = r."measureId"
         WHERE m.code = $1 AND r.period = $2::date`,
        [target.measureCode, `${currentPeriod()}-01`],
      );
      expect(rows).toHaveLength(1);
      const stored = Number(rows[0]!.progress.match(/^crash-test write (\d+)$/)?.[1]);
      expect(stored, `${target.measureCode}: acknowledged write ${target.acknowledged}, found ${rows[0]!.progress}`).toBeGreaterThanOrEqual(target.acknowledged);
      expect(stored).toBeLessThanOrEqual(target.acknowledged + 1);
      // Write n is version n + 1 with n + 1 audit entries: no save without its audit, or the reverse.
      expect(rows[0]!.version).toBe(stored + 1);
      expect(rows[0]!.audits).toBe(stored + 1);
    }
  } finally {
    await client.end();
  }
}

describe.runIf(postgresBinDir())("[DB FAULTS] kill -9 of the whole app during report writes (PostgreSQL server)", () => {
  it("every acknowledged write is there after the restart", async () => {
    const cluster = await startPostgresCluster(await freePort());
    let app = launchApp({ DATABASE_URL: cluster.url, LUOSHI_DEMO: "1" }, await freePort(), { detached: true });
    try {
      expect((await waitForHealth(app)).status).toBe(200);
      const targets = await writeUntilKilled(app, cluster.url, 3_000);
      console.log(`[DB FAULTS] server: acknowledged writes before kill -9: ${JSON.stringify(targets)}`);
      app = launchApp({ DATABASE_URL: cluster.url, LUOSHI_DEMO: "1" }, await freePort());
      expect((await waitForHealth(app)).status).toBe(200);
      await expectAcknowledgedWrites(cluster.url, targets);
    } finally {
      await app.interrupt();
      await cluster.destroy();
    }
  });
});

/** The embedded database's URL: the port as the start script logs it, the password from its file. */
function embeddedDatabaseUrl(app: AppProcess, dataRoot: string): string {
  const ports = [...app.output().matchAll(/serving postgresql:\/\/postgres:\*\*\*@127\.0\.0\.1:(\d+)\//g)];
  const port = ports.at(-1)?.[1];
  if (!port) throw new Error(`No embedded database URL in:\n${app.output()}`);
  const password = fs.readFileSync(path.join(dataRoot, "pglite.password"), "utf8").trim();
  return `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
}

describe("[DB FAULTS] kill -9 of the whole app during report writes (embedded PGlite)", () => {
  it("every acknowledged write is there after the restart on the same data directory", async () => {
    const dataRoot = fs.mkdtempSync(path.join(os.tmpdir(), "luoshi-crash-"));
    tempDirs.push(dataRoot);
    let app = launchApp({ LUOSHI_DATA_DIR: dataRoot, DATABASE_URL: undefined }, await freePort(), { detached: true });
    try {
      expect((await waitForHealth(app)).status).toBe(200);
      const targets = await writeUntilKilled(app, embeddedDatabaseUrl(app, dataRoot), 3_000);
      console.log(`[DB FAULTS] embedded: acknowledged writes before kill -9: ${JSON.stringify(targets)}`);
      // The dead process's lock is taken over; the data directory opens as it was left.
      app = launchApp({ LUOSHI_DATA_DIR: dataRoot, DATABASE_URL: undefined }, await freePort());
      expect((await waitForHealth(app)).status).toBe(200);
      expect(app.output()).not.toContain("Empty database");
      await expectAcknowledgedWrites(embeddedDatabaseUrl(app, dataRoot), targets);
    } finally {
      await app.interrupt();
    }
  });
});
