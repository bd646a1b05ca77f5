import { createRequire } from "node:module";
import path from "node:path";
import type { NextAuthOptions } from "next-auth";
import { decode } from "next-auth/jwt";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getMe } from "@/app/api/v1/me/route";
import { GET as listReports, POST as postReport } from "@/app/api/v1/reports/route";
import { createApiTokenAction } from "@/lib/api-tokens/actions";
import { createApiToken, defaultApiTokenDays } from "@/lib/api-tokens/create-api-token";
import { listApiTokens } from "@/lib/api-tokens/list-api-tokens";
import { signOutEverywhereAction } from "@/lib/auth/actions";
import { authOptions } from "@/lib/auth/auth-options";
import { sessionLimits } from "@/lib/auth/session-cookie";
import { getSessionUser } from "@/lib/auth/session-user";
import { idleState } from "@/lib/errors/action-state";
import { changeOwnPasswordAction, resetUserPasswordAction } from "@/lib/users/actions";
import { cookieValue, setSessionCookie, signInAs } from "../setup/request-context";
import { currentPeriod, FIXTURE_PASSWORD, seedArea, seedMeasure, seedUnit, seedUser } from "./fixtures";
import { testDb } from "./helpers";

const db = testDb();
const COOKIE = "next-auth.session-token";
const BASE = "http://localhost:3000";
const noParams = { params: Promise.resolve({}) };
afterAll(() => db.$disconnect());

const form = (values: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.set(key, value);
  return data;
};

type Cookie = { name: string; value: string; options?: { maxAge?: number; expires?: Date } };

/**
 * next-auth's core handler, which the route /api/auth/[...nextauth] calls after
 * reading the request (the package does not export this path, so it is loaded
 * by file; it is the same module the route runs).
 */
const { AuthHandler } = createRequire(import.meta.url)(
  path.resolve(import.meta.dirname, "..", "..", "node_modules", "next-auth", "core", "index.js"),
) as {
  AuthHandler: (params: { req: Record<string, unknown>; options: NextAuthOptions }) => Promise<{ body?: unknown; cookies?: Cookie[] }>;
};

/** One request to next-auth's own handler with our options, as the route /api/auth/[...nextauth] runs it. */
async function nextAuth(action: string, { method = "GET", cookies = {}, body, providerId }: {
  method?: string;
  cookies?: Record<string, string>;
  body?: Record<string, string>;
  providerId?: string;
} = {}) {
  const response = await AuthHandler({
    req: { action, providerId, method, cookies, body, query: {}, headers: { host: "localhost:3000" } },
    options: authOptions,
  });
  return { ...response, cookies: response.cookies ?? [] };
}

/** Signs in through next-auth's credentials callback, as the login form does; returns the session cookie value. */
async function signInThroughNextAuth(loginName: string, password = FIXTURE_PASSWORD): Promise<string> {
  const csrf = await nextAuth("csrf");
  const csrfCookie = csrf.cookies.find((cookie) => cookie.name === "next-auth.csrf-token")!;
  const { csrfToken } = csrf.body as { csrfToken: string };
  const callback = await nextAuth("callback", {
    method: "POST",
    providerId: "credentials",
    cookies: { "next-auth.csrf-token": csrfCookie.value },
    body: { csrfToken, username: loginName, password },
  });
  const session = callback.cookies.find((cookie) => cookie.name === COOKIE);
  if (!session?.value) throw new Error(`sign-in as ${loginName} failed: ${JSON.stringify(callback)}`);
  return session.value;
}

/** GET /api/auth/session with this cookie: the session body and the cookie it re-issues (or clears). */
async function sessionEndpoint(cookie: string) {
  const response = await nextAuth("session", { cookies: { [COOKIE]: cookie } });
  return { body: response.body as Record<string, unknown>, cookie: response.cookies.find((entry) => entry.name === COOKIE) };
}

/** Logout as next-auth's signOut() posts it. */
async function signOutThroughNextAuth(cookie: string) {
  const csrf = await nextAuth("csrf");
  const csrfCookie = csrf.cookies.find((entry) => entry.name === "next-auth.csrf-token")!;
  const { csrfToken } = csrf.body as { csrfToken: string };
  return nextAuth("signout", { method: "POST", cookies: { [COOKIE]: cookie, "next-auth.csrf-token": csrfCookie.value }, body: { csrfToken } });
}

/** GET /api/v1/me with only this session cookie (a copied cookie, as an attacker would send it). */
async function meWithCookie(cookie: string) {
  setSessionCookie(cookie);
  return getMe(new NextRequest(`${BASE}/api/v1/me`, { headers: { host: "localhost:3000" } }), noParams);
}

/** A copied cookie that no longer counts: 401 from an API route and no session from the session endpoint, which clears it. */
async function expectDead(cookie: string) {
  const me = await meWithCookie(cookie);
  expect(me.status).toBe(401);
  expect((await me.json()).error.code).toBe("UNAUTHENTICATED");
  const session = await sessionEndpoint(cookie);
  expect(session.body).toEqual({});
  expect(session.cookie?.value ?? "").toBe("");
}

describe("[SESSIONS] the session endpoint and every request check the database", () => {
  it("a sign-in opens a session; the endpoint re-issues the cookie with the ORIGINAL sign-in time", async () => {
    const user = await seedUser(db, "VIEWER", null);
    const cookie = await signInThroughNextAuth(user.loginName);
    const claims = await decode({ token: cookie, secret: process.env.NEXTAUTH_SECRET! });
    expect(claims).toMatchObject({ sub: user.id, sid: expect.any(String), signedInAt: expect.any(Number) });
    expect(await db.authSession.findUniqueOrThrow({ where: { id: claims!.sid as string } })).toMatchObject({ userId: user.id, endedAt: null });

    expect((await meWithCookie(cookie)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1_100)); // let a fresh iat differ
    const session = await sessionEndpoint(cookie);
    expect(session.body).toMatchObject({ user: { name: user.displayName } });
    const reissued = await decode({ token: session.cookie!.value, secret: process.env.NEXTAUTH_SECRET! });
    expect(reissued!.iat).toBeGreaterThan(claims!.iat as number);
    expect(reissued).toMatchObject({ sub: user.id, sid: claims!.sid, signedInAt: claims!.signedInAt });
  });

  it("logout ends the session: a copied cookie gets 401 and no session, refreshed copies too", async () => {
    const user = await seedUser(db, "VIEWER", null);
    const cookie = await signInThroughNextAuth(user.loginName);
    const refreshed = (await sessionEndpoint(cookie)).cookie!.value; // a copy the attacker refreshed earlier
    const other = await signInThroughNextAuth(user.loginName); // another browser of the same user
    expect((await meWithCookie(refreshed)).status).toBe(200);

    const signOut = await signOutThroughNextAuth(cookie);
    expect(signOut.cookies.find((entry) => entry.name === COOKIE)?.value).toBe("");
    await expectDead(cookie);
    await expectDead(refreshed);
    // Logout ends only that session; the user's other browser stays signed in.
    expect((await meWithCookie(other)).status).toBe(200);
  });

  it("an admin's password reset ends all sessions and revokes the user's API tokens", async () => {
    const unit = await seedUnit(db);
    const admin = await seedUser(db, "ADMIN", unit.id);
    const user = await seedUser(db, "OFFICIAL", unit.id);
    const cookie = await signInThroughNextAuth(user.loginName);
    const { id: tokenId, token } = await createApiToken(db, user, { name: "sync", scope: "WRITE" });
    const meWithToken = () => getMe(new NextRequest(`${BASE}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } }), noParams);
    await signInAs(null);
    expect((await meWithToken()).status).toBe(200);

    await signInAs(admin);
    expect(await resetUserPasswordAction(idleState, form({ userId: user.id, version: "1" }))).toMatchObject({ status: "success" });
    // No waiting: the sign-in time is kept in milliseconds and never refreshed.
    await expectDead(cookie);
    await signInAs(null);
    expect((await meWithToken()).status).toBe(401);
    expect((await listApiTokens(db, user.id)).find((row) => row.id === tokenId)).toMatchObject({ state: "revoked" });
  });

  it("the user's own password change ends every session, this cookie's copies too; the browser that changed it gets a new one", async () => {
    const user = await seedUser(db, "VIEWER", null);
    const elsewhere = await signInThroughNextAuth(user.loginName);
    const here = await signInThroughNextAuth(user.loginName);
    setSessionCookie(here);
    const state = await changeOwnPasswordAction(
      idleState,
      form({ currentPassword: FIXTURE_PASSWORD, newPassword: "Another-pass-2027", confirmPassword: "Another-pass-2027" }),
    );
    expect(state).toMatchObject({ status: "success", messageKey: "passwordChanged" });
    const fresh = cookieValue(COOKIE)!;
    expect(fresh).not.toBe(here);

    await expectDead(here);
    await expectDead(elsewhere);
    expect((await meWithCookie(fresh)).status).toBe(200);
    expect((await sessionEndpoint(fresh)).body).toMatchObject({ user: { name: user.displayName } });
  });

  it("sign out everywhere ends every session of the user, and only theirs", async () => {
    const user = await seedUser(db, "VIEWER", null);
    const bystander = await seedUser(db, "VIEWER", null);
    const [first, second, theirs] = [
      await signInThroughNextAuth(user.loginName),
      await signInThroughNextAuth(user.loginName),
      await signInThroughNextAuth(bystander.loginName),
    ];
    setSessionCookie(first);
    expect(await signOutEverywhereAction(idleState, form({}))).toMatchObject({ status: "success", messageKey: "signedOutEverywhere" });
    await expectDead(first);
    await expectDead(second);
    expect((await meWithCookie(theirs)).status).toBe(200);
    expect(await db.auditEvent.count({ where: { action: "user.signOutEverywhere", entityId: user.id } })).toBe(1);
  });

  it("a disabled account: no session from the endpoint either", async () => {
    const user = await seedUser(db, "VIEWER", null);
    const cookie = await signInThroughNextAuth(user.loginName);
    await db.user.update({ where: { id: user.id }, data: { active: false } });
    await expectDead(cookie);
  });

  it("a cookie without a session id (as issued before sessions had rows) counts for nothing", async () => {
    const user = await seedUser(db, "VIEWER", null);
    const { encode } = await import("next-auth/jwt");
    const legacy = await encode({ token: { sub: user.id, name: user.displayName }, secret: process.env.NEXTAUTH_SECRET! });
    await expectDead(legacy);
  });
});

describe("[SESSIONS] absolute lifetime and idle timeout", () => {
  const { maxAgeMs, idleMs } = sessionLimits();

  it("defaults: 12 hours, 60 minutes idle; the settings are read and checked", () => {
    expect(sessionLimits({})).toMatchObject({ maxHours: 12, idleMinutes: 60 });
    expect(sessionLimits({ LUOSHI_SESSION_MAX_HOURS: "2", LUOSHI_SESSION_IDLE_MINUTES: "15" })).toEqual({
      maxHours: 2,
      idleMinutes: 15,
      maxAgeMs: 7_200_000,
      idleMs: 900_000,
    });
    expect(() => sessionLimits({ LUOSHI_SESSION_MAX_HOURS: "0" })).toThrow(/LUOSHI_SESSION_MAX_HOURS must be a whole number of at least 1/);
    expect(() => sessionLimits({ LUOSHI_SESSION_IDLE_MINUTES: "1.5" })).toThrow(/LUOSHI_SESSION_IDLE_MINUTES/);
  });

  it("a session older than the absolute lifetime ends even while in use", async () => {
    const user = await seedUser(db, "VIEWER", null);
    const cookie = (await signInAs(user, new Date(Date.now() - maxAgeMs - 60_000)))!;
    const { sid } = (await decode({ token: cookie, secret: process.env.NEXTAUTH_SECRET! })) as { sid: string };
    await db.authSession.update({ where: { id: sid }, data: { lastSeenAt: new Date() } }); // in use right now
    await expectDead(cookie);

    const young = (await signInAs(user, new Date(Date.now() - maxAgeMs + 120_000)))!;
    const { sid: youngSid } = (await decode({ token: young, secret: process.env.NEXTAUTH_SECRET! })) as { sid: string };
    await db.authSession.update({ where: { id: youngSid }, data: { lastSeenAt: new Date() } });
    expect((await meWithCookie(young)).status).toBe(200);
  });

  it("a session unused for the idle timeout ends; a request within it counts as activity", async () => {
    const user = await seedUser(db, "VIEWER", null);
    const idle = (await signInAs(user))!;
    const { sid } = (await decode({ token: idle, secret: process.env.NEXTAUTH_SECRET! })) as { sid: string };
    await db.authSession.update({ where: { id: sid }, data: { lastSeenAt: new Date(Date.now() - idleMs - 1_000) } });
    await expectDead(idle);

    const active = (await signInAs(user))!;
    const { sid: activeSid } = (await decode({ token: active, secret: process.env.NEXTAUTH_SECRET! })) as { sid: string };
    const almost = new Date(Date.now() - idleMs + 60_000);
    await db.authSession.update({ where: { id: activeSid }, data: { lastSeenAt: almost } });
    expect(await getSessionUser()).toMatchObject({ id: user.id });
    const touched = await db.authSession.findUniqueOrThrow({ where: { id: activeSid } });
    expect(touched.lastSeenAt.getTime()).toBeGreaterThan(almost.getTime() + 60_000);
    // Reading the session endpoint is not activity: a polling tab does not keep a session alive.
    await db.authSession.update({ where: { id: activeSid }, data: { lastSeenAt: almost } });
    expect((await sessionEndpoint(active)).body).toMatchObject({ user: { name: user.displayName } });
    expect((await db.authSession.findUniqueOrThrow({ where: { id: activeSid } })).lastSeenAt).toEqual(almost);
  });
});

describe("[SESSIONS] API token scopes and expiry", () => {
  let official: Awaited<ReturnType<typeof seedUser>>;
  let measureCode: string;
  beforeAll(async () => {
    const unit = await seedUnit(db);
    official = await seedUser(db, "OFFICIAL", unit.id);
    measureCode = (await seedMeasure(db, (await seedArea(db)).id, unit.id)).code;
  });
  const call = (method: "GET" | "POST", token: string) => {
    const headers = { host: "localhost:3000", authorization: `Bearer ${token}`, "content-type": "application/json" };
    if (method === "GET") return listReports(new NextRequest(`${BASE}/api/v1/reports`, { headers }), noParams);
    const body = JSON.stringify({ measureCode, period: currentPeriod(), percentComplete: 20, progress: "令牌报送", submit: false });
    return postReport(new NextRequest(`${BASE}/api/v1/reports`, { method, headers, body }), noParams);
  };

  it("a READ token reads but may not write (403 INSUFFICIENT_SCOPE); a WRITE token writes", async () => {
    await signInAs(null);
    const read = await createApiToken(db, official, { name: "read only" });
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: read.id } })).scope).toBe("READ");
    expect((await call("GET", read.token)).status).toBe(200);
    const refused = await call("POST", read.token);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual({ error: { code: "INSUFFICIENT_SCOPE", values: {}, fieldErrors: {} } });
    expect(await db.progressReport.count({ where: { measure: { code: measureCode } } })).toBe(0);

    const write = await createApiToken(db, official, { name: "read write", scope: "WRITE" });
    expect((await call("GET", write.token)).status).toBe(200);
    expect((await call("POST", write.token)).status).toBe(201);
  });

  it("the form makes READ tokens unless WRITE is chosen, and refuses an unknown scope", async () => {
    await signInAs(official);
    expect(await createApiTokenAction(idleState, form({ name: "默认", expiresOn: "" }))).toMatchObject({ status: "success" });
    expect(await createApiTokenAction(idleState, form({ name: "写入", expiresOn: "", scope: "WRITE" }))).toMatchObject({ status: "success" });
    expect(await createApiTokenAction(idleState, form({ name: "坏", expiresOn: "", scope: "ADMIN" }))).toMatchObject({
      status: "error",
      code: "VALIDATION",
      fieldErrors: { scope: expect.anything() },
    });
    const rows = await db.apiToken.findMany({ where: { userId: official.id, name: { in: ["默认", "写入", "坏"] } } });
    expect(Object.fromEntries(rows.map((row) => [row.name, row.scope]))).toEqual({ 默认: "READ", 写入: "WRITE" });
  });

  it(`a token made without a date expires after the default lifetime (${defaultApiTokenDays()} days, LUOSHI_API_TOKEN_DAYS)`, async () => {
    expect(defaultApiTokenDays({})).toBe(90);
    expect(defaultApiTokenDays({ LUOSHI_API_TOKEN_DAYS: "30" })).toBe(30);
    expect(() => defaultApiTokenDays({ LUOSHI_API_TOKEN_DAYS: "0" })).toThrow(/LUOSHI_API_TOKEN_DAYS/);
    const now = new Date();
    const { id, token } = await createApiToken(db, official, { name: "default expiry" }, now);
    const row = await db.apiToken.findUniqueOrThrow({ where: { id } });
    expect(row.expiresAt).toEqual(new Date(now.getTime() + defaultApiTokenDays() * 86_400_000));
    expect((await call("GET", token)).status).toBe(200);
    await db.apiToken.update({ where: { id }, data: { expiresAt: new Date(Date.now() - 1) } });
    expect((await call("GET", token)).status).toBe(401);
  });

  it("signing out everywhere leaves API tokens working (they are revoked on their own page)", async () => {
    const { token } = await createApiToken(db, official, { name: "survives sign-out" });
    await signInAs(official);
    expect(await signOutEverywhereAction(idleState, form({}))).toMatchObject({ status: "success" });
    await signInAs(null);
    expect((await call("GET", token)).status).toBe(200);
  });
});
