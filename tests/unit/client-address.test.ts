import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLIENT_ADDRESS_HEADER, normalizeAddress, parseTrustedProxies, setClientAddressHeader } from "@/scripts/lib/client-address.mjs";

// A real server doing what scripts/serve.mjs does first, answering the address the app would see.
let trusted = parseTrustedProxies("");
let server: http.Server;
let port: number;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    setClientAddressHeader(req, trusted);
    const raw = req.rawHeaders.filter((_, index) => index % 2 === 0 && req.rawHeaders[index]!.toLowerCase() === CLIENT_ADDRESS_HEADER);
    res.end(JSON.stringify({ address: req.headers[CLIENT_ADDRESS_HEADER], rawCount: raw.length }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

/** A request from a chosen loopback address (all of 127/8 is local). */
function seen(from: string, headers: Record<string, string | string[]> = {}): Promise<{ address: string; rawCount: number }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, localAddress: from, headers, agent: false }, (res) => {
      let body = "";
      res.on("data", (chunk) => (body += chunk));
      res.on("end", () => resolve(JSON.parse(body)));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("[LOGIN] client address", () => {
  it("without trusted proxies: the socket's address, whatever the headers say", async () => {
    trusted = parseTrustedProxies(undefined);
    for (let attempt = 0; attempt < 5; attempt++) {
      const answer = await seen("127.0.0.1", {
        "x-forwarded-for": `203.0.113.${attempt}`,
        "x-real-ip": `192.0.2.${attempt}`,
        [CLIENT_ADDRESS_HEADER]: `198.51.100.${attempt}`,
      });
      expect(answer).toEqual({ address: "127.0.0.1", rawCount: 1 });
    }
    // Sent twice, it is still replaced by exactly one.
    expect(await seen("127.0.0.3", { [CLIENT_ADDRESS_HEADER]: ["1.1.1.1", "2.2.2.2"] })).toEqual({ address: "127.0.0.3", rawCount: 1 });
  });

  it("an untrusted peer's X-Forwarded-For is ignored even when a proxy is configured", async () => {
    trusted = parseTrustedProxies("127.0.0.2");
    expect((await seen("127.0.0.1", { "x-forwarded-for": "203.0.113.7" })).address).toBe("127.0.0.1");
  });

  it("from a trusted proxy: the right-most hop that is not a trusted proxy", async () => {
    trusted = parseTrustedProxies("127.0.0.2, 10.0.0.5");
    expect((await seen("127.0.0.2", { "x-forwarded-for": "203.0.113.7" })).address).toBe("203.0.113.7");
    // The client wrote "1.2.3.4" itself; the proxy appended the real address.
    expect((await seen("127.0.0.2", { "x-forwarded-for": "1.2.3.4, 203.0.113.8" })).address).toBe("203.0.113.8");
    // Two trusted proxies in a row.
    expect((await seen("127.0.0.2", { "x-forwarded-for": "1.2.3.4, 203.0.113.9, 10.0.0.5" })).address).toBe("203.0.113.9");
    // Several headers are one list.
    expect((await seen("127.0.0.2", { "x-forwarded-for": ["1.2.3.4", "203.0.113.10"] })).address).toBe("203.0.113.10");
    // No header, or garbage: the proxy itself.
    expect((await seen("127.0.0.2")).address).toBe("127.0.0.2");
    expect((await seen("127.0.0.2", { "x-forwarded-for": "1.2.3.4, not-an-ip" })).address).toBe("127.0.0.2");
    // IPv4-mapped IPv6 and ports are normalized.
    expect((await seen("127.0.0.2", { "x-forwarded-for": "[::ffff:203.0.113.11]:4567" })).address).toBe("203.0.113.11");
  });

  it("normalizes addresses and refuses a setting that is not a list of IPs", () => {
    expect(normalizeAddress("::ffff:10.1.2.3")).toBe("10.1.2.3");
    expect(normalizeAddress("10.1.2.3:8080")).toBe("10.1.2.3");
    expect(normalizeAddress("2001:DB8::1")).toBe("2001:db8::1");
    expect(normalizeAddress("fe80::1%eth0")).toBe("fe80::1");
    expect(normalizeAddress("evil.example")).toBe("");
    expect([...parseTrustedProxies(" 10.0.0.1 ,::1,")]).toEqual(["10.0.0.1", "::1"]);
    expect(() => parseTrustedProxies("10.0.0.1, proxy.internal")).toThrow(/LUOSHI_TRUSTED_PROXIES.*proxy\.internal/);
  });
});
