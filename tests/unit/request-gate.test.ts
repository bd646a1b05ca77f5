import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createRequestGate, gateSettingsFromEnv } from "@/scripts/lib/request-gate.mjs";

type Gate = ReturnType<typeof createRequestGate>;

/**
 * A real HTTP server behind the gate, whose handler holds each request until
 * the test releases it: what runs, what waits and what is refused can be seen.
 */
async function gatedServer(settings: { maxInFlight: number; maxQueued: number; maxWaitMs: number }) {
  const started: string[] = [];
  const holds = new Map<string, () => void>();
  const gate: Gate = createRequestGate({
    ...settings,
    busy: (_request: http.IncomingMessage, response: http.ServerResponse) => {
      response.writeHead(503, { "retry-after": "1" });
      response.end("busy");
    },
  });
  const server = http.createServer((request, response) =>
    gate.handle(
      request,
      response,
      () => {
        const name = request.url!.slice(1);
        started.push(name);
        holds.set(name, () => response.end(`done ${name}`));
      },
      { neverRefuse: request.method === "POST" },
    ),
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const get = (name: string, signal?: AbortSignal) => fetch(`http://127.0.0.1:${port}/${name}`, { signal });
  // POSTs stand for form submissions: marked neverRefuse.
  const post = (name: string) => fetch(`http://127.0.0.1:${port}/${name}`, { method: "POST" });
  const release = (name: string) => holds.get(name)!();
  const close = () => {
    server.closeAllConnections();
    return new Promise((resolve) => server.close(resolve));
  };
  return { gate, started, get, post, release, close };
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

  it("never turns away a request marked neverRefuse (a form submission): it waits beyond a full queue and maxWaitMs", async () => {
    const server = await gatedServer({ maxInFlight: 1, maxQueued: 1, maxWaitMs: 100 });
    closeServer = server.close;
    const first = server.get("first");
    await until(() => server.started.length === 1);
    const waiting = server.get("waiting");
    await until(() => server.gate.stats().waiting === 1);
    const form = server.post("form"); // the queue is full
    await until(() => server.gate.stats().waiting === 2);

    await new Promise((resolve) => setTimeout(resolve, 300)); // longer than maxWaitMs
    expect((await waiting).status).toBe(503);
    expect(server.gate.stats()).toMatchObject({ waiting: 1, rejected: 0, timedOut: 1 });
    server.release("first");
    await until(() => server.started.length === 2);
    server.release("form");
    expect(await (await form).text()).toBe("done form");
    expect((await first).status).toBe(200);
    expect(server.started).toEqual(["first", "form"]);
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
    expect(gateSettingsFromEnv({})).toEqual({ maxInFlight: 8, maxQueued: 200, maxWaitMs: 8_000 });
    expect(gateSettingsFromEnv({ LUOSHI_MAX_IN_FLIGHT: "4", LUOSHI_MAX_QUEUED: "1", LUOSHI_MAX_WAIT_MS: "2500" })).toEqual({
      maxInFlight: 4,
      maxQueued: 1,
      maxWaitMs: 2_500,
    });
    expect(() => gateSettingsFromEnv({ LUOSHI_MAX_IN_FLIGHT: "0" })).toThrow(/LUOSHI_MAX_IN_FLIGHT must be a whole number of at least 1 \(got "0"\)/);
    expect(() => gateSettingsFromEnv({ LUOSHI_MAX_WAIT_MS: "1.5" })).toThrow(/LUOSHI_MAX_WAIT_MS/);
    expect(() => gateSettingsFromEnv({ LUOSHI_MAX_QUEUED: "0" })).toThrow(/LUOSHI_MAX_QUEUED must be a whole number of at least 1/);
  });
});
