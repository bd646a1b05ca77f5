import { createHash } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build, needsBuild } from "@/scripts/lib/build.mjs";
import { startEmbeddedPostgres } from "@/scripts/lib/embedded-postgres.mjs";
import { migrateDeploy, seed } from "@/scripts/lib/prisma-cli.mjs";
import { DEMO_PASSWORD } from "@/lib/demo/mode";
import { createScratchDatabase } from "../setup/scratch-database";
import { freePort, launchApp, loginCookie, root, runToFailure, waitForHealth, type AppProcess } from "./app-process";

const tempDirs: string[] = [];
function tempDataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "luoshi-e2e-"));
  tempDirs.push(dir);
  return dir;
}

/** A page as the demo viewer sees it, in the given language. */
async function page(app: AppProcess, pathname: string, locale?: string) {
  const session = await loginCookie(app, "viewer");
  const response = await fetch(`${app.baseUrl}${pathname}`, {
    headers: { cookie: [session, locale && `NEXT_LOCALE=${locale}`].filter(Boolean).join("; ") },
    redirect: "manual",
  });
  return { status: response.status, html: await response.text() };
}

/** The embedded database's URL: the port as the start script logs it, the password from its file. */
function embeddedDatabaseUrl(app: AppProcess, dataDir: string, password = fs.readFileSync(path.join(dataDir, "pglite.password"), "utf8").trim()): string {
  const port = app.output().match(/serving postgresql:\/\/postgres:\*\*\*@127\.0\.0\.1:(\d+)\//)?.[1];
  if (!port) throw new Error(`No embedded database URL in:\n${app.output()}`);
  return `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
}

/** The one-time password the start script printed for `loginName`. */
function printedPassword(output: string, loginName: string): string {
  const password = output.match(new RegExp(`login "${loginName.replace(/\./g, "\\.")}", one-time password: (\\S+)`))?.[1];
  if (!password) throw new Error(`No one-time password for ${loginName} in:\n${output}`);
  return password;
}

function hashTree(dir: string): string {
  const hash = createHash("sha256");
  const visit = (current: string) => {
    for (const entry of fs.readdirSync(current, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(current, entry.name);
      hash.update(full);
      if (entry.isDirectory()) visit(full);
      else hash.update(fs.readFileSync(full));
    }
  };
  visit(dir);
  return hash.digest("hex");
}

beforeAll(async () => {
  // Build once up front so each start below measures starting, not building.
  if (needsBuild()) await build();
});

afterAll(() => {
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
});

describe("[START] npm start with the embedded database", () => {
  let app: AppProcess;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = tempDataDir();
    app = launchApp({ LUOSHI_DATA_DIR: dataDir, DATABASE_URL: undefined }, await freePort());
    const health = await waitForHealth(app);
    expect(health.status).toBe(200);
  });
  afterAll(async () => {
    await app?.interrupt();
  });

  it("migrates, seeds and reports the measures on /api/health", async () => {
    const health = await (await fetch(`${app.baseUrl}/api/health`)).json();
    expect(health.status).toBe("ok");
    expect(health.db).toBe("ok");
    expect(health.measures).toBeGreaterThanOrEqual(35);
    expect(app.output()).toContain("Empty database: loading the catalogue");
  });

  it("sends visitors without a session to the login page, and back afterwards", async () => {
    const response = await fetch(`${app.baseUrl}/measures/2.1.2`, { redirect: "manual" });
    expect(response.status).toBe(307);
    expect(response.headers.get("location")).toMatch(/\/login\?callbackUrl=%2Fmeasures%2F2\.1\.2$/);
    const login = await fetch(`${app.baseUrl}/login`);
    expect(login.status).toBe(200);
    expect(await login.text()).toContain("登录");
  });

  it("serves the catalogue in Chinese by default, with the sample-data banner", async () => {
    const { status, html } = await page(app, "/catalogue");
    expect(status).toBe(200);
    expect(html).toContain('<html lang="zh-CN"');
    expect(html).toContain("任务目录");
    expect(html).toContain("实施“瓶颈路”畅通工程");
    expect(html).toContain("济泰同城化");
    expect(html).toContain('data-testid="sample-data-banner"');
    expect(html).toContain("示例数据");
  });

  it("serves English when the language cookie says so, titles included", async () => {
    const { html } = await page(app, "/catalogue", "en");
    expect(html).toContain('<html lang="en"');
    expect(html).toContain("Catalogue of measures");
    expect(html).toMatch(/bottleneck/i);
    expect(html).toContain("Sample data");
    expect(html).not.toContain("任务目录");
  });

  it("shows a measure page with its details, and 404 for an unknown code", async () => {
    const { status, html } = await page(app, "/measures/2.1.2");
    expect(status).toBe(200);
    expect(html).toContain("实施“瓶颈路”畅通工程");
    expect(html).toContain("牵头单位");
    expect(html).toContain("依据文件与会议");
    const english = await page(app, "/measures/2.1.2", "en");
    expect(english.html).toContain("Lead unit");
    const missing = await page(app, "/measures/9.9.9");
    expect(missing.status).toBe(404);
    expect(missing.html).toContain("没有找到");
  });

  it("is demo mode: the demo banner on every page, the demo accounts sign in with the published password", async () => {
    expect(app.output()).toContain("Demo mode: demo accounts");
    const session = await loginCookie(app, "leader", DEMO_PASSWORD);
    for (const [pathname, cookie] of [["/", session], ["/login", ""]] as const) {
      const html = await (await fetch(`${app.baseUrl}${pathname}`, { headers: { cookie } })).text();
      expect(html).toContain('data-testid="demo-banner"');
      expect(html).toContain("演示模式");
      expect(html).toContain(DEMO_PASSWORD);
    }
    const english = await page(app, "/", "en");
    expect(english.html).toContain("Demo mode: the demo accounts");
  });

  it("its database refuses a wrong password and accepts the one in the data directory (mode 0600)", async () => {
    const passwordFile = path.join(dataDir, "pglite.password");
    expect(fs.statSync(passwordFile).mode & 0o777).toBe(0o600);
    for (const wrong of ["postgres", "wrong"]) {
      const client = new pg.Client({ connectionString: embeddedDatabaseUrl(app, dataDir, wrong) });
      client.on("error", () => {});
      await expect(client.connect()).rejects.toMatchObject({ code: "28P01" });
      await client.end().catch(() => {});
    }
    const client = new pg.Client({ connectionString: embeddedDatabaseUrl(app, dataDir) });
    await client.connect();
    expect((await client.query('SELECT count(*)::int AS n FROM "User" WHERE "loginName" = \'viewer\'')).rows[0].n).toBe(1);
    await client.end();
  });

  it("refuses a second start on the same data directory while the first runs", async () => {
    const { code, output } = await runToFailure({ LUOSHI_DATA_DIR: dataDir, DATABASE_URL: undefined }, await freePort());
    expect(code).toBe(1);
    expect(output).toMatch(/is in use by another Luoshi process \(pid \d+\)/);
  });

  it("stops cleanly on Ctrl-C and keeps the data for the next start", async () => {
    const marker = "持久化检查标记";
    const client = new pg.Client({ connectionString: embeddedDatabaseUrl(app, dataDir) });
    await client.connect();
    await client.query(`UPDATE "Measure" SET "titleZh" = $1 WHERE code = '2.5.3'`, [marker]);
    await client.end();

    expect(await app.interrupt()).toBe(0);
    expect(fs.existsSync(path.join(dataDir, "pglite.lock"))).toBe(false);

    app = launchApp({ LUOSHI_DATA_DIR: dataDir, DATABASE_URL: undefined }, await freePort());
    expect((await waitForHealth(app)).status).toBe(200);
    expect(app.output()).not.toContain("Empty database");
    const { html } = await page(app, "/catalogue");
    expect(html).toContain(marker);
    const health = await (await fetch(`${app.baseUrl}/api/health`)).json();
    expect(health.measures).toBeGreaterThanOrEqual(35);
  });
});

describe("[START] npm start with DATABASE_URL", () => {
  it("uses that server, and /api/health turns 503 when it stops", async () => {
    // A PostgreSQL-protocol server this test owns, so it can stop it.
    const server = await startEmbeddedPostgres();
    const app = launchApp({ DATABASE_URL: server.url }, await freePort());
    try {
      expect((await waitForHealth(app)).status).toBe(200);
      expect(app.output()).toContain("Using PostgreSQL at postgresql://postgres:***@127.0.0.1");
      await server.stop();
      const down = await fetch(`${app.baseUrl}/api/health`);
      expect(down.status).toBe(503);
      expect(await down.json()).toEqual({ status: "error", db: "down" });
    } finally {
      await app.interrupt();
      await server.stop();
    }
  });

  it.runIf(process.env.TEST_DATABASE_URL)("runs on the PostgreSQL server of TEST_DATABASE_URL: no demo accounts, one admin with a one-time password that must be changed first", async () => {
    const database = await createScratchDatabase("postgres", process.env.TEST_DATABASE_URL);
    let app = launchApp({ DATABASE_URL: database.url }, await freePort());
    try {
      expect((await waitForHealth(app)).status).toBe(200);
      const health = await (await fetch(`${app.baseUrl}/api/health`)).json();
      expect(health).toMatchObject({ status: "ok", db: "ok" });
      expect(health.measures).toBeGreaterThanOrEqual(35);

      // No demo account, no banner; the printed one-time password is the only way in.
      for (const loginName of ["admin", "viewer", "leader"]) {
        await expect(loginCookie(app, loginName, DEMO_PASSWORD)).rejects.toThrow(/failed/);
        await expect(loginCookie(app, loginName, "Demo@2026")).rejects.toThrow(/failed/);
      }
      const password = printedPassword(app.output(), "admin");
      const session = await loginCookie(app, "admin", password);
      const home = await fetch(`${app.baseUrl}/`, { headers: { cookie: session }, redirect: "manual" });
      expect([303, 307]).toContain(home.status);
      expect(home.headers.get("location")).toMatch(/\/account\/password$/);
      const passwordPage = await (await fetch(`${app.baseUrl}/account/password`, { headers: { cookie: session } })).text();
      expect(passwordPage).not.toContain('data-testid="demo-banner"');
      const api = await fetch(`${app.baseUrl}/api/v1/measures`, { headers: { cookie: session } });
      expect(api.status).toBe(403);
      expect((await api.json()).error.code).toBe("MUST_CHANGE_PASSWORD");

      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      const users = (await client.query('SELECT "loginName", role, "mustChangePassword" FROM "User" WHERE active')).rows;
      await client.end();
      expect(users).toEqual([{ loginName: "admin", role: "ADMIN", mustChangePassword: true }]);

      // Printed once: the next start creates and prints nothing.
      expect(await app.interrupt()).toBe(0);
      app = launchApp({ DATABASE_URL: database.url }, await freePort());
      expect((await waitForHealth(app)).status).toBe(200);
      expect(app.output()).not.toContain("one-time password");
    } finally {
      expect(await app.interrupt()).toBe(0);
      await database.drop();
    }
  });
});

describe("[START] a read replica (DATABASE_READ_URL)", () => {
  it.runIf(process.env.TEST_DATABASE_URL)("serves the list views from the replica and everything else from the primary, and reports both in /api/health", async () => {
    // Two databases with the same catalogue; the "replica" differs in one title, to show which one a page read.
    const [primary, replica] = [
      await createScratchDatabase("postgres", process.env.TEST_DATABASE_URL),
      await createScratchDatabase("postgres", process.env.TEST_DATABASE_URL),
    ];
    const replicaTitle = "只读副本中的标题";
    for (const database of [primary, replica]) {
      await migrateDeploy(database.url);
      await seed(database.url, { demo: true });
    }
    const client = new pg.Client({ connectionString: replica.url });
    await client.connect();
    await client.query(`UPDATE "Measure" SET "titleZh" = $1 WHERE code = '2.1.2'`, [replicaTitle]);
    await client.end();

    const app = launchApp({ DATABASE_URL: primary.url, DATABASE_READ_URL: replica.url, LUOSHI_DEMO: "1" }, await freePort());
    let replicaDropped = false;
    try {
      const health = await waitForHealth(app);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ status: "ok", db: "ok", replica: "ok" });
      expect(app.output()).toContain("Reading the ledger, timeline, measure list and exports from the replica at postgresql://");

      const ledger = await page(app, "/ledger?q=2.1.2");
      expect(ledger.html).toContain(replicaTitle);
      const measure = await page(app, "/measures/2.1.2");
      expect(measure.html).toContain("实施“瓶颈路”畅通工程");
      expect(measure.html).not.toContain(replicaTitle);
      const session = await loginCookie(app, "viewer");
      const listed = await (await fetch(`${app.baseUrl}/api/v1/measures?q=2.1.2`, { headers: { cookie: session } })).json();
      expect(listed.items.map((item: { titleZh: string }) => item.titleZh)).toContain(replicaTitle);
      const csv = await (await fetch(`${app.baseUrl}/api/v1/measures/export.csv?q=2.1.2`, { headers: { cookie: session } })).text();
      expect(csv).toContain(replicaTitle);

      await replica.drop();
      replicaDropped = true;
      const down = await fetch(`${app.baseUrl}/api/health`);
      expect(down.status).toBe(503);
      expect(await down.json()).toMatchObject({ status: "error", db: "ok", replica: "down" });
    } finally {
      await app.interrupt();
      await primary.drop();
      if (!replicaDropped) await replica.drop();
    }
  });
});

describe("[START] bad configuration gets one clear line and a non-zero exit", () => {
  it("a read replica without a primary server", async () => {
    const { code, output } = await runToFailure({ LUOSHI_DATA_DIR: tempDataDir(), DATABASE_URL: undefined, DATABASE_READ_URL: "postgresql://replica:5432/luoshi" }, await freePort());
    expect(code).toBe(1);
    expect(output).toContain("luoshi: DATABASE_READ_URL needs DATABASE_URL too: the embedded database has no replicas.");
  });

  it.runIf(process.env.TEST_DATABASE_URL)("unreachable read replica", async () => {
    const { code, output } = await runToFailure(
      { DATABASE_URL: process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres", DATABASE_READ_URL: "postgresql://luoshi:secret@127.0.0.1:1/luoshi" },
      await freePort(),
    );
    expect(code).toBe(1);
    expect(output).toContain("luoshi: Cannot reach PostgreSQL at postgresql://luoshi:***@127.0.0.1:1/luoshi");
    expect(output).not.toContain("secret");
  });

  const noStackTrace = (output: string) => expect(output).not.toMatch(/^\s+at /m);

  it("malformed DATABASE_URL", async () => {
    const { code, output } = await runToFailure({ DATABASE_URL: "not a url" }, await freePort());
    expect(code).toBe(1);
    expect(output).toContain("luoshi: DATABASE_URL is not a valid URL");
    noStackTrace(output);
  });

  it("unreachable DATABASE_URL", async () => {
    const { code, output } = await runToFailure(
      { DATABASE_URL: "postgresql://luoshi:secret@127.0.0.1:1/luoshi" },
      await freePort(),
    );
    expect(code).toBe(1);
    expect(output).toContain("luoshi: Cannot reach PostgreSQL at postgresql://luoshi:***@127.0.0.1:1/luoshi");
    expect(output).not.toContain("secret");
    noStackTrace(output);
  });

  it("a request limit that is not a whole number", async () => {
    const { code, output } = await runToFailure({ LUOSHI_DATA_DIR: tempDataDir(), DATABASE_URL: undefined, LUOSHI_MAX_IN_FLIGHT: "lots" }, await freePort());
    expect(code).toBe(1);
    expect(output).toContain('luoshi: LUOSHI_MAX_IN_FLIGHT must be a whole number of at least 1 (got "lots")');
    noStackTrace(output);
  });

  it("port already in use", async () => {
    const blocker = net.createServer();
    const port = await freePort();
    await new Promise<void>((resolve) => blocker.listen(port, resolve));
    try {
      const { code, output } = await runToFailure({ LUOSHI_DATA_DIR: tempDataDir(), DATABASE_URL: undefined }, port);
      expect(code).toBe(1);
      expect(output).toContain(`luoshi: Port ${port} is already in use`);
      noStackTrace(output);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });

  it("corrupted embedded data directory: says what to do, deletes nothing", async () => {
    const dataDir = tempDataDir();
    const pgliteDir = path.join(dataDir, "pglite");
    const embedded = await startEmbeddedPostgres({ dataDir: pgliteDir });
    await embedded.stop();
    fs.writeFileSync(path.join(pgliteDir, "global", "pg_control"), Buffer.alloc(512, 7));
    const before = hashTree(pgliteDir);

    const { code, output } = await runToFailure({ LUOSHI_DATA_DIR: dataDir, DATABASE_URL: undefined }, await freePort());
    expect(code).toBe(1);
    expect(output).toContain(`luoshi: The embedded database in ${pgliteDir} could not be opened`);
    expect(output).toContain("Nothing was changed or deleted");
    expect(output).toContain(`mv ${pgliteDir} ${pgliteDir}.broken`);
    noStackTrace(output);
    expect(hashTree(pgliteDir)).toBe(before);
  });
});

describe("[LOAD] npm start turns away what it cannot serve (the request gate)", () => {
  it("answers 503 with Retry-After, in the caller's language, beyond its limits, and serves the requests it admits", async () => {
    const busyText = (locale: string) => JSON.parse(fs.readFileSync(path.join(root, "messages", `${locale}.json`), "utf8")).errors.SERVER_BUSY;
    const limits = { LUOSHI_MAX_IN_FLIGHT: "1", LUOSHI_MAX_QUEUED: "1", LUOSHI_MAX_WAIT_MS: "3000" };
    const app = launchApp({ LUOSHI_DATA_DIR: tempDataDir(), DATABASE_URL: undefined, ...limits }, await freePort());
    try {
      expect((await waitForHealth(app)).status).toBe(200);
      expect(app.output()).toContain("at most 1 requests at once, 1 waiting for up to 3000 ms");
      const session = await loginCookie(app, "viewer");

      // Eight pages at once, alternately in Chinese and English: one runs, one may wait, the rest are turned away.
      // Form submissions (Server Action POSTs) sent in the same burst wait their turn instead: none gets a 503.
      const formPosts = Array.from({ length: 3 }, async () => {
        const response = await fetch(`${app.baseUrl}/ledger`, { method: "POST", headers: { cookie: session, "next-action": "0".repeat(42) }, body: "[]" });
        await response.arrayBuffer();
        return response.status;
      });
      const pages = await Promise.all(
        Array.from({ length: 8 }, async (_, index) => {
          const locale = index % 2 ? "en" : "zh-CN";
          const response = await fetch(`${app.baseUrl}/ledger`, { headers: { cookie: `${session}; NEXT_LOCALE=${locale}` } });
          return { locale, status: response.status, retryAfter: response.headers.get("retry-after"), text: await response.text() };
        }),
      );
      expect(await Promise.all(formPosts)).not.toContain(503);
      const refused = pages.filter((answer) => answer.status === 503);
      expect(pages.filter((answer) => answer.status === 200).length).toBeGreaterThanOrEqual(1);
      expect(refused.length).toBeGreaterThanOrEqual(1);
      expect(refused.length + pages.filter((answer) => answer.status === 200).length).toBe(8);
      for (const answer of refused) {
        expect(answer.retryAfter).toBe("3");
        expect(answer.text).toBe(busyText(answer.locale));
      }

      // The API answers in its own error shape.
      const calls = await Promise.all(
        Array.from({ length: 8 }, async () => {
          const response = await fetch(`${app.baseUrl}/api/v1/measures?perPage=200`, { headers: { cookie: session } });
          return { status: response.status, body: await response.json() };
        }),
      );
      const refusedCalls = calls.filter((call) => call.status === 503);
      expect(refusedCalls.length).toBeGreaterThanOrEqual(1);
      for (const call of refusedCalls) expect(call.body).toEqual({ error: { code: "SERVER_BUSY", values: {}, fieldErrors: {} } });
      expect(calls.find((call) => call.status === 200)?.body.total).toBeGreaterThanOrEqual(35);

      // Once the burst is over, the slots are free again: a request that leaked one would block this for good.
      let status = 0;
      for (let attempt = 0; attempt < 20 && status !== 200; attempt++) {
        if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 100));
        status = (await fetch(`${app.baseUrl}/ledger`, { headers: { cookie: session } })).status;
      }
      expect(status).toBe(200);
    } finally {
      await app.interrupt();
    }
  });
});
