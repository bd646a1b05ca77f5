import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "@/prisma/seed/seed-users";
import { build, needsBuild } from "@/scripts/lib/build.mjs";
import { freePort, launchApp, waitForHealth, type AppProcess } from "./app-process";

let PORT: number;
// Loopback has the whole 127/8: the "proxy" connects from 127.0.0.2, the direct client from 127.0.0.1.
const PROXY = "127.0.0.2";
const DIRECT = "127.0.0.1";

let app: AppProcess;
let dataDir: string;

beforeAll(async () => {
  PORT = await freePort();
  if (needsBuild()) await build();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "luoshi-login-e2e-"));
  app = launchApp(
    {
      LUOSHI_DATA_DIR: dataDir,
      DATABASE_URL: undefined,
      LUOSHI_TRUSTED_PROXIES: PROXY,
      LUOSHI_LOGIN_FREE_FAILURES_PER_NAME: "3",
      LUOSHI_LOGIN_FREE_FAILURES_PER_ADDRESS: "6",
      LUOSHI_LOGIN_DELAY_SECONDS: "600",
    },
    PORT,
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

/** Plain node:http, so the request can come from a chosen local address. */
function request(
  method: string,
  pathname: string,
  options: { from?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: "127.0.0.1", port: PORT, path: pathname, method, localAddress: options.from ?? DIRECT, headers: options.headers, agent: false },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (chunk) => (body += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on("error", reject);
    req.end(options.body);
  });
}

const cookiesOf = (answer: Answer) => (answer.headers["set-cookie"] ?? []).map((cookie) => cookie.split(";")[0]!);

/**
 * A sign-in as next-auth's form posts it. Answers "ok", or the error the login
 * form would show (INVALID / THROTTLED), and where next-auth sends the browser.
 */
async function signIn(
  username: string,
  password: string,
  options: { from?: string; headers?: Record<string, string>; callbackUrl?: string } = {},
): Promise<{ result: string; url: string; cookies: string[] }> {
  const csrf = await request("GET", "/api/auth/csrf", { from: options.from });
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const form = new URLSearchParams({ csrfToken, username, password, json: "true" });
  if (options.callbackUrl !== undefined) form.set("callbackUrl", options.callbackUrl);
  const answer = await request("POST", "/api/auth/callback/credentials", {
    from: options.from,
    headers: { ...options.headers, "content-type": "application/x-www-form-urlencoded", cookie: cookiesOf(csrf).join("; ") },
    body: form.toString(),
  });
  const url = (JSON.parse(answer.body) as { url: string }).url;
  const cookies = cookiesOf(answer);
  const error = new URL(url, app.baseUrl).searchParams.get("error");
  return { result: cookies.some((cookie) => cookie.startsWith("next-auth.session-token=")) ? "ok" : (error ?? "unknown"), url, cookies };
}

describe("[LOGIN] client address and throttling over real HTTP", () => {
  it("a direct client rotating X-Forwarded-For (or our own header) is still one address", async () => {
    for (let attempt = 0; attempt < 3; attempt++) {
      const spoofed = { "x-forwarded-for": `203.0.113.${attempt + 10}`, "x-luoshi-client-ip": `198.51.100.${attempt + 10}`, "x-real-ip": `192.0.2.${attempt}` };
      expect((await signIn("leader", "wrong-password-1", { from: DIRECT, headers: spoofed })).result).toBe("INVALID");
    }
    // The fourth try, even with the right password and yet another forged address, waits.
    const fourth = await signIn("leader", DEMO_PASSWORD, { from: DIRECT, headers: { "x-forwarded-for": "203.0.113.99", "x-luoshi-client-ip": "198.51.100.99" } });
    expect(fourth.result).toBe("THROTTLED");
  });

  it("that does not lock the name for anyone else: the real user behind the trusted proxy signs in", async () => {
    const office = await signIn("leader", DEMO_PASSWORD, { from: PROXY, headers: { "x-forwarded-for": "203.0.113.200" } });
    expect(office.result).toBe("ok");
  });

  it("behind a trusted proxy, X-Forwarded-For tells clients apart; a hop the client wrote itself does not", async () => {
    // Client 203.0.113.50 forges "1.2.3.x" in front; the proxy appends the real address.
    for (let attempt = 0; attempt < 3; attempt++) {
      const headers = { "x-forwarded-for": `1.2.3.${attempt}, 203.0.113.50` };
      expect((await signIn("inspector", "wrong-password-2", { from: PROXY, headers })).result).toBe("INVALID");
    }
    expect((await signIn("inspector", DEMO_PASSWORD, { from: PROXY, headers: { "x-forwarded-for": "9.9.9.9, 203.0.113.50" } })).result).toBe("THROTTLED");
    // Another client of the same proxy is not affected.
    expect((await signIn("inspector", DEMO_PASSWORD, { from: PROXY, headers: { "x-forwarded-for": "203.0.113.51" } })).result).toBe("ok");
  });
});

describe("[LOGIN] redirects after login stay on the site (server side)", () => {
  const offSite = ["/\t/evil.example", "//evil.example", "/\\evil.example", "https://evil.example/", "/%2F%2Fevil.example", "/.//evil.example"];

  it("next-auth's redirect callback turns off-site callbackUrls into the site's root", async () => {
    for (const [index, callbackUrl] of offSite.entries()) {
      const answer = await signIn("viewer", DEMO_PASSWORD, { from: PROXY, headers: { "x-forwarded-for": `203.0.113.${100 + index}` }, callbackUrl });
      expect(answer.result).toBe("ok");
      expect(new URL(answer.url).origin, callbackUrl).toBe(new URL(app.baseUrl.replace("127.0.0.1", "localhost")).origin);
      expect(new URL(answer.url).pathname, callbackUrl).toBe("/");
    }
    const kept = await signIn("viewer", DEMO_PASSWORD, { from: PROXY, headers: { "x-forwarded-for": "203.0.113.120" }, callbackUrl: "/ledger?x=1" });
    expect(new URL(kept.url).pathname + new URL(kept.url).search).toBe("/ledger?x=1");
  });

  it("the login page, already signed in, redirects only to this site's paths", async () => {
    const { cookies } = await signIn("viewer", DEMO_PASSWORD, { from: PROXY, headers: { "x-forwarded-for": "203.0.113.121" } });
    const session = cookies.find((cookie) => cookie.startsWith("next-auth.session-token="))!;
    for (const raw of ["/%09/evil.example", "//evil.example", "/%5Cevil.example", "https%3A%2F%2Fevil.example", "%2F%2Fevil.example", "/%0A/evil.example"]) {
      const answer = await request("GET", `/login?callbackUrl=${raw}`, { headers: { cookie: session } });
      expect([303, 307, 308], raw).toContain(answer.status);
      const location = new URL(answer.headers.location!, app.baseUrl);
      expect(location.origin, raw).toBe(app.baseUrl);
      expect(location.pathname, raw).toBe("/");
    }
  });
});

describe("[SECURITY] /metrics without LUOSHI_METRICS_TOKEN (docs/operations.md, Logs and metrics)", () => {
  it("answers clients on this machine, and refuses outside clients, also when a trusted local proxy forwards them", async () => {
    const local = await request("GET", "/metrics", { from: DIRECT });
    expect(local.status).toBe(200);
    expect(local.body).toMatch(/^luoshi_http_requests_total\{/m);
    const forwarded = await request("GET", "/metrics", { from: PROXY, headers: { "x-forwarded-for": "203.0.113.130" } });
    expect(forwarded.status).toBe(403);
    expect(forwarded.body).not.toContain("luoshi_");
    // An outside client cannot claim to be local: the proxy appends its real address after the one it wrote.
    expect((await request("GET", "/metrics", { from: PROXY, headers: { "x-forwarded-for": "127.0.0.1, 203.0.113.132", "x-luoshi-client-ip": "127.0.0.1" } })).status).toBe(403);
    // Not even a bearer token opens it to outside clients when no token is configured.
    expect((await request("GET", "/metrics", { from: PROXY, headers: { "x-forwarded-for": "203.0.113.131", authorization: "Bearer anything-0123456789abcdef" } })).status).toBe(403);
  });
});
