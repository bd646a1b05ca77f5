import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build, needsBuild } from "@/scripts/lib/build.mjs";
import { freePort, launchApp, waitForHealth, type AppProcess } from "./app-process";

let PORT: number;

let app: AppProcess;
let dataDir: string;

beforeAll(async () => {
  PORT = await freePort();
  if (needsBuild()) await build();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "luoshi-gate-e2e-"));
  app = launchApp(
    {
      LUOSHI_DATA_DIR: dataDir,
      DATABASE_URL: undefined,
      HOST: undefined,
      // Short limits, so the test sees them act. (The header timeout counts from the moment the
      // connection is accepted: on a loaded test machine 1 s can pass before Node reads the headers.)
      LUOSHI_HEADERS_TIMEOUT_MS: "3000",
      LUOSHI_BODY_TIMEOUT_MS: "4000",
      LUOSHI_BODY_MIN_BYTES_PER_SECOND: "200",
      LUOSHI_BODY_RATE_GRACE_MS: "1000",
      LUOSHI_MAX_PER_CLIENT: "16",
      LUOSHI_RESTART_DELAY_MS: "200",
    },
    PORT,
  );
  expect((await waitForHealth(app)).status).toBe(200);
});

afterAll(async () => {
  await app?.interrupt();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

/** One request from the given local (loopback) address: each address is another client to the gate. */
function request(
  from: string,
  { method = "GET", pathname = "/api/health", headers = {}, body }: { method?: string; pathname?: string; headers?: Record<string, string>; body?: string } = {},
) {
  return new Promise<{ status: number | null; text: string }>((resolve) => {
    const outgoing = http.request({ host: "127.0.0.1", port: PORT, localAddress: from, method, path: pathname, headers, agent: false });
    outgoing.on("response", (response) => {
      let text = "";
      response.setEncoding("utf8");
      response.on("data", (chunk) => (text += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? null, text }));
      response.on("error", () => resolve({ status: response.statusCode ?? null, text }));
    });
    outgoing.on("error", () => resolve({ status: null, text: "" }));
    outgoing.end(body);
  });
}

/** A POST whose body trickles in (one byte every 200 ms) from its own address, until the server answers or closes. */
function slowBody(from: string) {
  return new Promise<{ status: number | null; ms: number }>((resolve) => {
    const started = Date.now();
    const outgoing = http.request({
      host: "127.0.0.1",
      port: PORT,
      localAddress: from,
      method: "POST",
      path: "/api/measures",
      headers: { "content-type": "application/json", "content-length": "100000" },
      agent: false,
    });
    const timer = setInterval(() => !outgoing.destroyed && outgoing.write("x"), 200);
    const done = (status: number | null) => {
      clearInterval(timer);
      resolve({ status, ms: Date.now() - started });
    };
    outgoing.on("response", (response) => {
      response.resume();
      response.on("end", () => done(response.statusCode ?? null));
      response.on("error", () => done(response.statusCode ?? null));
    });
    outgoing.on("error", () => done(null));
  });
}

describe("[SECURITY] the request gate of the real server", () => {
  it("listens on loopback only when HOST is not set", async () => {
    expect(app.output()).toContain(`Serving on 127.0.0.1:${PORT}`);
    const external = Object.values(os.networkInterfaces())
      .flat()
      .find((address) => address && address.family === "IPv4" && !address.internal)?.address;
    if (!external) return; // a machine with loopback only: nothing more to try
    const refused = await new Promise<string>((resolve) => {
      const socket = net.connect({ host: external, port: PORT });
      socket.on("connect", () => {
        socket.destroy();
        resolve("connected");
      });
      socket.on("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? "error"));
    });
    expect(refused).toBe("ECONNREFUSED");
  });

  it("8 slow-body clients and 300 fake Next-Action POSTs do not deny a normal GET; the slow bodies are cut", async () => {
    const slow = Array.from({ length: 8 }, (_, index) => slowBody(`127.0.0.${index + 2}`));
    // Fake form submissions: a Next-Action header and a forged session cookie, from one address.
    const fake = Array.from({ length: 300 }, () =>
      request("127.0.0.20", {
        method: "POST",
        pathname: "/",
        headers: { "next-action": "0".repeat(42), "content-type": "text/plain;charset=UTF-8", cookie: "next-auth.session-token=forged" },
        body: "[]",
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    // Meanwhile a normal visitor, from another address, is served.
    const health = await request("127.0.0.1");
    expect(health.status).toBe(200);
    expect(JSON.parse(health.text)).toMatchObject({ status: "ok" });
    const login = await request("127.0.0.1", { pathname: "/login" });
    expect(login.status).toBe(200);

    const slowResults = await Promise.all(slow);
    for (const result of slowResults) {
      // Cut with 408 (or the connection closed) well before the body could have arrived.
      expect(result.status === 408 || result.status === null).toBe(true);
      expect(result.ms).toBeLessThan(10_000);
    }
    const fakeStatuses = (await Promise.all(fake)).map((result) => result.status);
    // Every one of them got an answer (the refused ones too, before their connection was closed).
    // The ones over the per-client cap were refused at once; none got in as a "never refuse" request.
    expect(fakeStatuses.filter((status) => status === 503).length).toBeGreaterThan(0);
    const histogram: Record<string, number> = {};
    for (const status of fakeStatuses) histogram[String(status)] = (histogram[String(status)] ?? 0) + 1;
    expect(histogram["null"] ?? 0, JSON.stringify(histogram)).toBe(0);
    expect((await request("127.0.0.1")).status).toBe(200);
  });

  it("closes a connection whose headers do not arrive within the header timeout", async () => {
    const socket = net.connect({ host: "127.0.0.1", port: PORT });
    socket.on("error", () => {}); // a write after the server closed it
    await new Promise((resolve) => socket.once("connect", resolve));
    socket.write("GET /api/health HTTP/1.1\r\nHost: localhost\r\n");
    const started = Date.now();
    const timer = setInterval(() => !socket.destroyed && socket.write("X-Slow: 1\r\n"), 200);
    await new Promise((resolve) => socket.once("close", resolve));
    clearInterval(timer);
    expect(Date.now() - started).toBeLessThan(8_000);
  });

  it("restarts a killed web server while the embedded database stays up, and serves again", async () => {
    const pids = () => [...app.output().matchAll(/Web server started \(pid (\d+)\)/g)].map((match) => Number(match[1]));
    const [first] = pids();
    expect(first).toBeGreaterThan(0);
    process.kill(first!, "SIGKILL");
    const deadline = Date.now() + 60_000;
    while (pids().length < 2 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(app.output()).toMatch(/The web server stopped unexpectedly \(SIGKILL\); restarting it in 200 ms/);
    expect(pids()[1]).not.toBe(first);
    const health = await waitForHealth(app, 60_000);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: "ok", db: "ok" });
    // One database for the whole run: it was not started again.
    expect(app.output().match(/Embedded PostgreSQL \(PGlite\)/g)).toHaveLength(1);
    expect(app.child.exitCode).toBeNull();
  });
});
