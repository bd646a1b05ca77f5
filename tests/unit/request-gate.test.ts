import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createRequestGate, gateSettingsFromEnv } from "@/scripts/lib/request-gate.mjs";

type Gate = ReturnType<typeof createRequestGate>;
type GateOptions = Omit<Parameters<typeof createRequestGate>[0], "refuse" | "busy">;

/**
 * A real HTTP server behind the gate, whose handler holds each request until
 * the test releases it: what runs, what waits and what is refused can be seen.
 * The client is named by the `x-client` header; POSTs stand for form
 * submissions of signed-in users (`action`) unless `x-anonymous` is sent.
 */
async function gatedServer(settings: GateOptions) {
  const started: string[] = [];
  const bodies = new Map<string, string>();
  const holds = new Map<string, () => void>();
  const gate: Gate = createRequestGate({
    clientKey: (request: http.IncomingMessage) => String(request.headers["x-client"] ?? "default"),
    ...settings,
    refuse: (_request: http.IncomingMessage, response: http.ServerResponse, reason: string) => {
      response.writeHead(reason === "busy" ? 503 : reason === "timeout" ? 408 : 413, { "retry-after": "1" });
      response.end(reason);
    },
  });
  const server = http.createServer((request, response) =>
    gate.handle(
      request,
      response,
      async (received: http.IncomingMessage) => {
        const name = received.url!.slice(1);
        started.push(name);
        let body = "";
        for await (const chunk of received) body += chunk;
        bodies.set(name, body);
        holds.set(name, () => response.end(`done ${name}`));
      },
      {
        action:
          request.headers["x-slow-check"] !== undefined
            ? new Promise<boolean>((resolve) => setTimeout(() => resolve(true), 300)) // a session check that takes a while
            : request.method === "POST" && request.headers["x-anonymous"] === undefined,
      },
    ),
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const get = (name: string, signal?: AbortSignal, client = "default") =>
    fetch(`http://127.0.0.1:${port}/${name}`, { signal, headers: { "x-client": client } });
  const post = (name: string, body?: string) => fetch(`http://127.0.0.1:${port}/${name}`, { method: "POST", body });
  const release = (name: string) => holds.get(name)!();
  const close = () => {
    server.closeAllConnections();
    return new Promise((resolve) => server.close(resolve));
  };
  return { gate, started, bodies, get, post, release, close, port };
}

/** A POST whose body trickles in: `bytes` bytes every `everyMs` ms, until the server answers or closes. */
function slowPost(port: number, name: string, { bytes = 1, everyMs = 100, client = "slow" } = {}) {
  return new Promise<{ status: number | null; closed: boolean }>((resolve) => {
    const request = http.request({ host: "127.0.0.1", port, path: `/${name}`, method: "POST", headers: { "content-length": "100000", "x-client": client, "x-anonymous": "1" } });
    const timer = setInterval(() => request.write("x".repeat(bytes)), everyMs);
    request.on("response", (response) => {
      clearInterval(timer);
      response.resume();
      response.on("end", () => resolve({ status: response.statusCode ?? null, closed: false }));
      response.on("error", () => resolve({ status: response.statusCode ?? null, closed: true }));
    });
    request.on("error", () => {
      clearInterval(timer);
      resolve({ status: null, closed: true });
    });
  });
}

/** Waits until the condition holds (the server works on its own event loop turns). */
async function until(condition: () => boolean) {
  for (let attempt = 0; attempt < 200 && !condition(); attempt++) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(condition()).toBe(true);
}

let closeServer: (() => Promise<unknown>) | null = null;
afterEach(async () => {
  await closeServer?.();
  closeServer = null;
});

describe("[LOAD] request gate in front of Next.js", () => {
  it("lets at most maxInFlight requests run, and starts the waiting ones in arrival order as others finish", async () => {
    const server = await gatedServer({ maxInFlight: 2, maxQueued: 10, maxWaitMs: 5_000 });
    closeServer = server.close;
    const answers = ["a", "b", "c", "d"].map((name) => server.get(name));
    await until(() => server.gate.stats().waiting === 2);
    expect(server.started).toEqual(["a", "b"]);
    expect(server.gate.stats()).toMatchObject({ inFlight: 2, waiting: 2 });

    server.release("b");
    await until(() => server.started.length === 3);
    expect(server.started).toEqual(["a", "b", "c"]);
    server.release("a");
    await until(() => server.started.length === 4);
    server.release("c");
    server.release("d");
    const bodies = await Promise.all(answers.map(async (answer) => (await answer).text()));
    expect(bodies).toEqual(["done a", "done b", "done c", "done d"]);
    expect(server.gate.stats()).toMatchObject({ admitted: 4, queued: 2, rejected: 0, inFlight: 0, waiting: 0 });
  });

  it("answers 503 with Retry-After at once when the queue is full, without running the request", async () => {
    const server = await gatedServer({ maxInFlight: 1, maxQueued: 1, maxWaitMs: 5_000 });
    closeServer = server.close;
    const first = server.get("first");
    await until(() => server.started.length === 1);
    const second = server.get("second");
    await until(() => server.gate.stats().waiting === 1);

    const refused = await server.get("third");
    expect(refused.status).toBe(503);
    expect(refused.headers.get("retry-after")).toBe("1");
    expect(server.started).toEqual(["first"]);

    server.release("first");
    await until(() => server.started.length === 2);
    server.release("second");
    expect((await first).status).toBe(200);
    expect((await second).status).toBe(200);
    expect(server.gate.stats()).toMatchObject({ admitted: 2, rejected: 1 });
  });

  it("answers 503 to a request that waited longer than maxWaitMs, and never runs it", async () => {
    const server = await gatedServer({ maxInFlight: 1, maxQueued: 5, maxWaitMs: 100 });
    closeServer = server.close;
    const first = server.get("slow");
    await until(() => server.started.length === 1);
    const waited = await server.get("waiting");
    expect(waited.status).toBe(503);
    server.release("slow");
    expect((await first).status).toBe(200);
    await until(() => server.gate.stats().inFlight === 0);
    expect(server.started).toEqual(["slow"]);
    expect(server.gate.stats()).toMatchObject({ timedOut: 1, admitted: 1 });
  });

  it("lets a form submission of a signed-in user (action) wait beyond a full queue and maxWaitMs, but only up to its own bounds", async () => {
    const server = await gatedServer({ maxInFlight: 1, maxQueued: 1, maxWaitMs: 100, maxQueuedActions: 1, actionMaxWaitMs: 5_000 });
    closeServer = server.close;
    const first = server.get("first");
    await until(() => server.started.length === 1);
    const waiting = server.get("waiting");
    await until(() => server.gate.stats().waiting === 1);
    const form = server.post("form"); // the queue is full
    await until(() => server.gate.stats().waiting === 2);
    // The one extra place for actions is taken: a second one is refused.
    expect((await server.post("form2")).status).toBe(503);

    await new Promise((resolve) => setTimeout(resolve, 300)); // longer than maxWaitMs
    expect((await waiting).status).toBe(503);
    expect(server.gate.stats()).toMatchObject({ waiting: 1, rejected: 1, timedOut: 1 });
    server.release("first");
    await until(() => server.started.length === 2);
    server.release("form");
    expect(await (await form).text()).toBe("done form");
    expect((await first).status).toBe(200);
    expect(server.started).toEqual(["first", "form"]);
  });

  it("answers 503 to an action that waited longer than actionMaxWaitMs", async () => {
    const server = await gatedServer({ maxInFlight: 1, maxQueued: 5, maxWaitMs: 50, actionMaxWaitMs: 300 });
    closeServer = server.close;
    const first = server.get("first");
    await until(() => server.started.length === 1);
    const form = await server.post("form");
    expect(form.status).toBe(503);
    expect(server.gate.stats()).toMatchObject({ timedOut: 1 });
    server.release("first");
    expect((await first).status).toBe(200);
  });

  it("drops a waiting request whose client gave up, so no work is spent on it", async () => {
    const server = await gatedServer({ maxInFlight: 1, maxQueued: 5, maxWaitMs: 5_000 });
    closeServer = server.close;
    const first = server.get("busy");
    await until(() => server.started.length === 1);
    const controller = new AbortController();
    const abandoned = server.get("gone", controller.signal).catch((error: Error) => error.name);
    const kept = server.get("kept");
    await until(() => server.gate.stats().waiting === 2);

    controller.abort();
    expect(await abandoned).toBe("AbortError");
    await until(() => server.gate.stats().waiting === 1);
    server.release("busy");
    await until(() => server.started.length === 2);
    server.release("kept");
    expect((await first).status).toBe(200);
    expect(await (await kept).text()).toBe("done kept");
    expect(server.started).toEqual(["busy", "kept"]);
    expect(server.gate.stats()).toMatchObject({ abandoned: 1, admitted: 2 });
  });

  it("frees the slot of a request whose client left while it ran", async () => {
    const server = await gatedServer({ maxInFlight: 1, maxQueued: 5, maxWaitMs: 5_000 });
    closeServer = server.close;
    const controller = new AbortController();
    const left = server.get("left", controller.signal).catch(() => "aborted");
    await until(() => server.started.length === 1);
    controller.abort();
    await left;
    await until(() => server.gate.stats().inFlight === 0);
    const next = server.get("next");
    await until(() => server.started.length === 2);
    server.release("next");
    expect((await next).status).toBe(200);
  });

  it("reads its limits from the environment and refuses nonsense with a clear message", () => {
    expect(gateSettingsFromEnv({})).toEqual({
      maxInFlight: 8,
      maxQueued: 200,
      maxWaitMs: 8_000,
      maxPerClient: 64,
      inFlightPerClient: 4,
      maxQueuedActions: 100,
      actionMaxWaitMs: 60_000,
      headersTimeoutMs: 10_000,
      bodyTimeoutMs: 60_000,
      bodyMinBytesPerSecond: 1_024,
      bodyRateGraceMs: 5_000,
      maxBodyBytes: 16 * 1024 * 1024,
      maxBufferedBytes: 256 * 1024 * 1024,
    });
    expect(gateSettingsFromEnv({ LUOSHI_MAX_IN_FLIGHT: "4", LUOSHI_MAX_QUEUED: "1", LUOSHI_MAX_WAIT_MS: "2500" })).toMatchObject({
      maxInFlight: 4,
      maxQueued: 1,
      maxWaitMs: 2_500,
      inFlightPerClient: 2,
    });
    expect(gateSettingsFromEnv({ LUOSHI_MAX_PER_CLIENT: "3", LUOSHI_BODY_MIN_BYTES_PER_SECOND: "0", LUOSHI_HEADERS_TIMEOUT_MS: "500" })).toMatchObject({
      maxPerClient: 3,
      bodyMinBytesPerSecond: 0,
      headersTimeoutMs: 500,
    });
    expect(() => gateSettingsFromEnv({ LUOSHI_MAX_PER_CLIENT: "0" })).toThrow(/LUOSHI_MAX_PER_CLIENT must be a whole number of at least 1/);
    expect(() => gateSettingsFromEnv({ LUOSHI_BODY_TIMEOUT_MS: "soon" })).toThrow(/LUOSHI_BODY_TIMEOUT_MS/);
    expect(() => gateSettingsFromEnv({ LUOSHI_MAX_IN_FLIGHT: "0" })).toThrow(/LUOSHI_MAX_IN_FLIGHT must be a whole number of at least 1 \(got "0"\)/);
    expect(() => gateSettingsFromEnv({ LUOSHI_MAX_WAIT_MS: "1.5" })).toThrow(/LUOSHI_MAX_WAIT_MS/);
    expect(() => gateSettingsFromEnv({ LUOSHI_MAX_QUEUED: "0" })).toThrow(/LUOSHI_MAX_QUEUED must be a whole number of at least 1/);
  });
});

describe("[SECURITY] request gate against clients that hold it", () => {
  it("refuses a client's requests beyond maxPerClient at once, while other clients still get in", async () => {
    const server = await gatedServer({ maxInFlight: 1, maxQueued: 50, maxWaitMs: 5_000, maxPerClient: 2 });
    closeServer = server.close;
    const held = [server.get("a1", undefined, "a"), server.get("a2", undefined, "a")];
    await until(() => server.gate.stats().waiting === 1);
    expect((await server.get("a3", undefined, "a")).status).toBe(503);
    const other = server.get("b1", undefined, "b");
    await until(() => server.gate.stats().waiting === 2);
    expect(server.gate.stats()).toMatchObject({ overClientLimit: 1 });
    server.release("a1");
    await until(() => server.started.length === 2);
    server.release(server.started[1]!);
    await until(() => server.started.length === 3);
    server.release(server.started[2]!);
    expect((await Promise.all([...held, other])).map((response) => response.status)).toEqual([200, 200, 200]);
    await until(() => server.gate.stats().clients === 0);
  });

  it("lets another client's waiting request go before those of a client already running its share", async () => {
    const server = await gatedServer({ maxInFlight: 2, maxQueued: 50, maxWaitMs: 5_000, inFlightPerClient: 1 });
    closeServer = server.close;
    const answers = [server.get("a1", undefined, "a"), server.get("b1", undefined, "b")];
    await until(() => server.started.length === 2);
    answers.push(server.get("a2", undefined, "a"), server.get("a3", undefined, "a"));
    await until(() => server.gate.stats().waiting === 2);
    answers.push(server.get("c1", undefined, "c"));
    await until(() => server.gate.stats().waiting === 3);
    server.release("b1"); // client a runs a1, its share: c1 goes first although it came last
    await until(() => server.started.length === 3);
    expect(server.started[2]).toBe("c1");
    server.release("c1"); // nobody else waits: a's next one runs (the gate keeps working)
    await until(() => server.started.length === 4);
    expect(server.started[3]).toBe("a2");
    for (const name of ["a1", "a2"]) server.release(name);
    await until(() => server.started.length === 5);
    server.release("a3");
    expect((await Promise.all(answers)).map((response) => response.status)).toEqual([200, 200, 200, 200, 200]);
  });

  it("receives a body before the request takes a slot: slow senders hold none, and their bodies are cut at the minimum rate", async () => {
    const server = await gatedServer({ maxInFlight: 1, maxQueued: 5, maxWaitMs: 5_000, bodyMinBytesPerSecond: 100, bodyRateGraceMs: 400 });
    closeServer = server.close;
    const slow = Array.from({ length: 8 }, (_, index) => slowPost(server.port, `slow${index}`, { client: `slow${index}` }));
    await until(() => server.gate.stats().receiving === 8);
    const normal = server.get("normal");
    await until(() => server.started.includes("normal"));
    server.release("normal");
    expect((await normal).status).toBe(200);
    const results = await Promise.all(slow);
    for (const result of results) expect(result.status === 408 || result.closed).toBe(true);
    expect(server.gate.stats()).toMatchObject({ slowBodies: 8, receiving: 0, bufferedBytes: 0 });
    expect(server.started).toEqual(["normal"]);
  });

  it("cuts a body that takes longer than bodyTimeoutMs even at a good rate", async () => {
    const server = await gatedServer({ maxInFlight: 1, maxQueued: 5, maxWaitMs: 5_000, bodyTimeoutMs: 500, bodyMinBytesPerSecond: 0 });
    closeServer = server.close;
    const result = await slowPost(server.port, "long", { bytes: 1_000, everyMs: 50 });
    expect(result.status === 408 || result.closed).toBe(true);
    expect(server.gate.stats()).toMatchObject({ slowBodies: 1, receiving: 0 });
    expect(server.started).toEqual([]);
  });

  it("hands the whole body to the handler, and refuses one over maxBodyBytes with 413", async () => {
    const server = await gatedServer({ maxInFlight: 1, maxQueued: 5, maxWaitMs: 5_000, maxBodyBytes: 1_000 });
    closeServer = server.close;
    const body = "体".repeat(300); // 900 bytes
    const answer = server.post("echo", body);
    await until(() => server.started.includes("echo"));
    server.release("echo");
    expect((await answer).status).toBe(200);
    expect(server.bodies.get("echo")).toBe(body);
    expect((await server.post("big", "x".repeat(1_001))).status).toBe(413);
    // Without a declared length (chunked), counted while it arrives.
    const chunked = await new Promise<number | undefined>((resolve) => {
      const request = http.request({ host: "127.0.0.1", port: server.port, path: "/chunked", method: "POST" });
      request.on("response", (response) => resolve(response.statusCode));
      request.on("error", () => resolve(undefined));
      for (let index = 0; index < 20; index++) request.write("x".repeat(100));
      request.end();
    });
    expect(chunked === 413 || chunked === undefined).toBe(true);
    expect(server.gate.stats()).toMatchObject({ tooLarge: 2, bufferedBytes: 0 });
    expect(server.started).toEqual(["echo"]);
  });

  it("runs nothing for a client that left while its session was being checked, and leaks no slot", async () => {
    const server = await gatedServer({ maxInFlight: 1, maxQueued: 5, maxWaitMs: 5_000 });
    closeServer = server.close;
    const controller = new AbortController();
    const left = fetch(`http://127.0.0.1:${server.port}/left`, { method: "POST", body: "x", headers: { "x-slow-check": "1" }, signal: controller.signal }).catch(
      (error: Error) => error.name,
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    controller.abort();
    expect(await left).toBe("AbortError");
    await new Promise((resolve) => setTimeout(resolve, 400)); // the check has finished meanwhile
    expect(server.gate.stats()).toMatchObject({ inFlight: 0, waiting: 0, clients: 0 });
    const next = server.get("next");
    await until(() => server.started.includes("next"));
    server.release("next");
    expect((await next).status).toBe(200);
    expect(server.started).toEqual(["next"]);
  });
});
