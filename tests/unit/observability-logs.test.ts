import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { mapError } from "@/lib/errors/map-error";
import { createLogger, currentRequest, logSettingsFromEnv, noteRequestUser, safeError, setLogger } from "@/lib/observability/logger.mjs";
import { observeRequest, requestIdFrom } from "@/lib/observability/request-log.mjs";
import { createRouteMatcher } from "@/lib/observability/route-pattern.mjs";

/** A logger writing its JSON lines into an array, installed as the process's logger. */
function capture(level = "debug") {
  const lines: string[] = [];
  const log = createLogger({ level, destination: { write: (line: string) => void lines.push(line) } });
  setLogger(log);
  return { log, lines, records: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
}

afterEach(() => setLogger(createLogger({ level: "silent" })));

describe("[OBSERVABILITY] log redaction", () => {
  it("censors passwords, tokens, cookies, authorization headers, session ids and texts wherever a caller puts them", () => {
    const { log, lines } = capture();
    log.info(
      {
        password: "Secret-Pass-1",
        user: { password: "Secret-Pass-2", newPassword: "Secret-Pass-3", sessionId: "sess-123456" },
        token: "lst_abcdef0123456789",
        credentials: { accessToken: "acc-0123456789", csrfToken: "csrf-0123456789" },
        headers: { authorization: "Bearer lst_headertoken0001", cookie: "next-auth.session-token=eyJcookie" },
        req: { authorization: "Bearer lst_headertoken0002", cookie: "a=b", "set-cookie": "c=d" },
        report: { text: "Report text that must stay private", comment: "A private comment body" },
        body: "raw body",
        kept: "visible-field",
      },
      "a careless call",
    );
    const out = lines.join("");
    for (const secret of [
      "Secret-Pass",
      "sess-123456",
      "lst_",
      "acc-0123456789",
      "csrf-0123456789",
      "eyJcookie",
      "a=b",
      "c=d",
      "Report text",
      "private comment",
      "raw body",
    ]) {
      expect(out).not.toContain(secret);
    }
    expect(out).toContain("visible-field");
    expect(out).toContain("[redacted]");
  });

  it("leaves out the message of errors that print a query's arguments, keeps other messages", () => {
    const prismaLike = new Error("Invalid `prisma.report.create()` invocation:\n{ data: { text: \"Report text\" } }");
    expect(JSON.stringify(safeError(prismaLike))).not.toContain("Report text");
    const plain = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
    expect(safeError(plain)).toMatchObject({ type: "Error", code: "ECONNREFUSED", message: "connect ECONNREFUSED 127.0.0.1:5432" });
    expect(safeError(plain).stack).toMatch(/^\s+at /);
  });

  it("reads LOG_LEVEL, ignores nonsense, and is pretty only when asked", () => {
    expect(logSettingsFromEnv({ LOG_LEVEL: "debug" })).toEqual({ level: "debug", pretty: false });
    expect(logSettingsFromEnv({ LOG_LEVEL: "loud" })).toEqual({ level: "info", pretty: false });
    expect(logSettingsFromEnv({ LOG_PRETTY: "1" }).pretty).toBe(true);
  });

  it("an unknown error mapped to INTERNAL is logged as JSON with the request's id, route and user", () => {
    const { lines, records } = capture();
    // Inside a request's context, as serve.mjs runs Next's handler.
    const fakeRequest = { headers: { "x-request-id": "req-from-proxy-0001" }, method: "GET", url: "/api/v1/reports/r1" } as unknown as http.IncomingMessage;
    const fakeResponse = new http.ServerResponse(fakeRequest);
    const observed = observeRequest(fakeRequest, fakeResponse, { routeOf: () => "/api/v1/reports/[id]" });
    const mapped = observed.run(() => {
      noteRequestUser("user-42");
      expect(currentRequest()?.reqId).toBe("req-from-proxy-0001");
      return mapError(new Error("something broke"));
    });
    expect(mapped.code).toBe("INTERNAL");
    expect(lines).toHaveLength(1);
    expect(records()[0]).toMatchObject({
      level: "error",
      reqId: "req-from-proxy-0001",
      route: "/api/v1/reports/[id]",
      userId: "user-42",
      err: { type: "Error", message: "something broke" },
    });
  });
});

describe("[OBSERVABILITY] request ids", () => {
  it("keeps a plain incoming id and replaces anything else by a fresh UUID", () => {
    expect(requestIdFrom("0f8fad5b-d9cb-469f-a165-70867728950e")).toBe("0f8fad5b-d9cb-469f-a165-70867728950e");
    expect(requestIdFrom(["abc.DEF_123:xyz", "other"])).toBe("abc.DEF_123:xyz");
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    for (const bad of [undefined, "", "short", "x".repeat(129), "has space in it", 'quote"injection', "line\nbreak-0001", "{\"json\":1}"]) {
      expect(requestIdFrom(bad)).toMatch(uuid);
    }
  });
});

describe("[OBSERVABILITY] the request line of a real HTTP server", () => {
  let server: http.Server | undefined;
  afterEach(async () => {
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
    server = undefined;
  });

  it("logs one line per request with id, route pattern, user, status and duration; echoes the id; never headers or bodies", async () => {
    const { records } = capture("info");
    const routeOf = createRouteMatcher({
      staticRoutes: [{ page: "/api/auth/callback/credentials", regex: "^/api/auth/callback/credentials(?:/)?$" }],
      dynamicRoutes: [{ page: "/api/v1/reports/[id]", regex: "^/api/v1/reports/([^/]+?)(?:/)?$" }],
    });
    server = http.createServer((request, response) => {
      const observed = observeRequest(request, response, { routeOf, clientAddress: "127.0.0.1" });
      observed.run(() => {
        let body = "";
        request.on("data", (chunk) => (body += chunk));
        request.on("end", () => {
          // The app notes the user once it knows who is asking.
          if (request.url?.startsWith("/api/v1/")) noteRequestUser("user-7");
          response.statusCode = body.includes("fail") ? 500 : 200;
          response.end("ok");
        });
      });
    });
    await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    const first = await fetch(`${base}/api/v1/reports/cmabc123?secret=query-value`, {
      headers: { authorization: "Bearer lst_never_logged_0001", cookie: "next-auth.session-token=never-logged", "x-request-id": "trace-abc-0001" },
    });
    expect(first.headers.get("x-request-id")).toBe("trace-abc-0001");
    const second = await fetch(`${base}/api/auth/callback/credentials`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "username=admin&password=Never-Logged-Pass1&fail=1",
    });
    expect(second.status).toBe(500);
    const generated = second.headers.get("x-request-id");
    expect(generated).toMatch(/^[0-9a-f-]{36}$/);
    await new Promise((resolve) => setTimeout(resolve, 50));

    const lines = records();
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({
      level: "info",
      msg: "request",
      reqId: "trace-abc-0001",
      method: "GET",
      route: "/api/v1/reports/[id]",
      path: "/api/v1/reports/cmabc123",
      status: 200,
      userId: "user-7",
      client: "127.0.0.1",
    });
    expect(typeof lines[0]!.durationMs).toBe("number");
    expect(lines[1]).toMatchObject({ level: "error", reqId: generated, method: "POST", route: "/api/auth/callback/credentials", status: 500 });
    expect(lines[1]!.userId).toBeUndefined();
    const text = JSON.stringify(lines);
    for (const secret of ["lst_never_logged", "never-logged", "Never-Logged-Pass1", "query-value", "password", "authorization", "cookie"]) {
      expect(text).not.toContain(secret);
    }
  });
});
