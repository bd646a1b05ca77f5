// The production web server (`npm start` runs it after the build): Next.js's
// own request handler behind the request gate (scripts/lib/request-gate.mjs).
// `next dev` is used as it is.
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import next from "next";
import { parseTrustedProxies, setClientAddressHeader } from "./lib/client-address.mjs";
import { createRequestGate, gateSettingsFromEnv } from "./lib/request-gate.mjs";

const root = path.resolve(import.meta.dirname, "..");
const port = Number(process.env.PORT ?? 3000);
const settings = gateSettingsFromEnv();
const trustedProxies = parseTrustedProxies(process.env.LUOSHI_TRUSTED_PROXIES);

// The 503's text comes from the UI's messages, in the language of the locale cookie.
const busyText = Object.fromEntries(
  ["zh-CN", "en"].map((locale) => [locale, JSON.parse(fs.readFileSync(path.join(root, "messages", `${locale}.json`), "utf8")).errors.SERVER_BUSY]),
);
const retryAfterSeconds = String(Math.ceil(settings.maxWaitMs / 1000));

function busy(request, response) {
  if (response.headersSent || response.destroyed) return;
  const locale = /(?:^|;\s*)NEXT_LOCALE=en(?:;|$)/.test(request.headers.cookie ?? "") ? "en" : "zh-CN";
  const api = request.url?.startsWith("/api/");
  // The API's error shape (lib/auth/api-route.ts), so clients handle it like any other error.
  const body = api
    ? JSON.stringify({ error: { code: "SERVER_BUSY", values: {}, fieldErrors: {} } })
    : busyText[locale];
  response.writeHead(503, {
    "content-type": api ? "application/json" : "text/plain; charset=utf-8",
    "retry-after": retryAfterSeconds,
    "cache-control": "no-store",
  });
  response.end(body);
}

const app = next({ dev: false, dir: root, port });
const handleWithNext = app.getRequestHandler();
const gate = createRequestGate({ ...settings, busy });
await app.prepare();

const server = http.createServer((request, response) => {
  setClientAddressHeader(request, trustedProxies); // the app reads the client address only from here
  const handle = () => void handleWithNext(request, response);
  // Built static files cost next to nothing; a page's own scripts should not queue behind renders.
  if (request.url?.startsWith("/_next/static/")) return handle();
  // A form submission (a Server Action) waits however long it takes: a 503 there
  // would end in the error page, and the user would lose what they typed.
  const neverRefuse = request.method === "POST" && request.headers["next-action"] !== undefined;
  gate.handle(request, response, handle, { neverRefuse });
});
server.listen(port, () => {
  console.log(
    `[luoshi] Serving on port ${port}: at most ${settings.maxInFlight} requests at once, ` +
      `${settings.maxQueued} waiting for up to ${settings.maxWaitMs} ms (LUOSHI_MAX_IN_FLIGHT, LUOSHI_MAX_QUEUED, LUOSHI_MAX_WAIT_MS)`,
  );
});

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    // Let requests in progress finish, but not forever.
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 2_000).unref();
  });
}
