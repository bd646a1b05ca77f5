import { createHash } from "node:crypto";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getMeasureRoute } from "@/app/api/v1/measures/[code]/route";
import { GET as listMeasuresRoute } from "@/app/api/v1/measures/route";
import { GET as getMe } from "@/app/api/v1/me/route";
import { GET as getReportRoute } from "@/app/api/v1/reports/[id]/route";
import { GET as listReportsRoute, POST as postReport } from "@/app/api/v1/reports/route";
import { GET as listCitiesRoute } from "@/app/api/v1/cities/route";
import { GET as listUnitsRoute } from "@/app/api/v1/units/route";
import { createApiTokenAction, revokeApiTokenAction } from "@/lib/api-tokens/actions";
import { authorize } from "@/lib/auth/guard";
import { getSessionUser } from "@/lib/auth/session-user";
import { createApiToken } from "@/lib/api-tokens/create-api-token";
import { listApiTokens } from "@/lib/api-tokens/list-api-tokens";
import { listLedger } from "@/lib/ledger/list-ledger";
import { ledgerQuerySchema } from "@/lib/ledger/schemas";
import { todayInChina } from "@/lib/tracking/dates";
import { getTrackingSettings } from "@/lib/tracking/settings";
import { idleState } from "@/lib/errors/action-state";
import { setUserActiveAction } from "@/lib/users/actions";
import { setRequestHeader, signInAs } from "../setup/request-context";
import { currentPeriod, seedArea, seedMeasure, seedReport, seedUnit, seedUser } from "./fixtures";
import { testDb } from "./helpers";

const db = testDb();
const BASE = "http://localhost:3000";
const noParams = { params: Promise.resolve({}) };

type Auth = { token?: string; origin?: string };
function request(path: string, { token, origin, method = "GET", body }: Auth & { method?: string; body?: string } = {}) {
  const headers: Record<string, string> = { host: "localhost:3000" };
  if (token !== undefined) headers.authorization = `Bearer ${token}`;
  if (origin) headers.origin = origin;
  if (body !== undefined) headers["content-type"] = "application/json";
  return new NextRequest(`${BASE}${path}`, { method, headers, body });
}
const postJson = (body: unknown, auth: Auth = {}) =>
  postReport(request("/api/v1/reports", { ...auth, method: "POST", body: typeof body === "string" ? body : JSON.stringify(body) }), noParams);
const reportBody = (measureCode: string, extra: Record<string, unknown> = {}) => ({
  measureCode,
  period: currentPeriod(),
  percentComplete: 35,
  progress: "接口报送的进展",
  submit: true,
  ...extra,
});
const form = (values: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.set(key, value);
  return data;
};

let areaCode: string;
let ownUnit: { id: string; code: string };
let otherUnit: { id: string; code: string };
let ownMeasure: { id: string; code: string };
let otherMeasure: { id: string; code: string };
let official: Awaited<ReturnType<typeof seedUser>>;

beforeAll(async () => {
  const area = await seedArea(db);
  areaCode = area.code;
  [ownUnit, otherUnit] = [await seedUnit(db), await seedUnit(db)];
  // 23 measures in one area: enough for three pages of 10.
  ownMeasure = await seedMeasure(db, area.id, ownUnit.id);
  otherMeasure = await seedMeasure(db, area.id, otherUnit.id);
  for (let index = 0; index < 21; index++) await seedMeasure(db, area.id, index % 2 ? ownUnit.id : otherUnit.id, [], { percentComplete: index * 4 });
  official = await seedUser(db, "OFFICIAL", ownUnit.id);
});
afterAll(() => db.$disconnect());

describe("[API] measures", () => {
  it("lists with the ledger's filters and paging: the same rows and total as listLedger", async () => {
    await signInAs(official);
    const search = `area=${areaCode}&sort=percent&dir=desc&perPage=10&page=2`;
    const response = await listMeasuresRoute(request(`/api/v1/measures?${search}`), noParams);
    expect(response.status).toBe(200);
    const body = await response.json();

    const query = ledgerQuerySchema.parse(Object.fromEntries(new URLSearchParams(search)));
    const ledger = await listLedger(db, query, todayInChina(), await getTrackingSettings(db));
    expect(body.total).toBe(23);
    expect(body.total).toBe(ledger.total);
    expect(body).toMatchObject({ page: 2, perPage: 10 });
    expect(body.items.map((item: { code: string }) => item.code)).toEqual(ledger.rows.map((row) => row.code));
    expect(body.items[0]).toMatchObject({ leadUnit: { code: expect.any(String) }, area: { code: areaCode }, isSample: false });

    const filtered = await (await listMeasuresRoute(request(`/api/v1/measures?area=${areaCode}&leadUnit=${otherUnit.code}&perPage=200`), noParams)).json();
    expect(filtered.total).toBe(12);
    expect(filtered.items.every((item: { leadUnit: { code: string } }) => item.leadUnit.code === otherUnit.code)).toBe(true);
  });

  it("gets one measure by code; an unknown code is a 404 in the error shape", async () => {
    await signInAs(official);
    const found = await getMeasureRoute(request(`/api/v1/measures/${ownMeasure.code}`), { params: Promise.resolve({ code: ownMeasure.code }) });
    expect(found.status).toBe(200);
    expect(await found.json()).toMatchObject({ code: ownMeasure.code, leadUnit: { code: ownUnit.code }, cooperatingUnits: [], status: "IN_PROGRESS" });

    const missing = await getMeasureRoute(request("/api/v1/measures/NOPE"), { params: Promise.resolve({ code: "NOPE" }) });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: { code: "NOT_FOUND", values: {}, fieldErrors: {} } });
  });

  it("lists units and cities", async () => {
    await signInAs(official);
    const units = await (await listUnitsRoute(request("/api/v1/units"), noParams)).json();
    expect(units.items).toContainEqual(expect.objectContaining({ code: ownUnit.code, active: true, city: null }));
    const cities = await (await listCitiesRoute(request("/api/v1/cities"), noParams)).json();
    expect(Array.isArray(cities.items)).toBe(true);
  });

  it("searches units for the type-ahead pickers: by code or either name, leading units only, limited with a total", async () => {
    await signInAs(official);
    const search = async (query: string) => {
      const response = await listUnitsRoute(request(`/api/v1/units?${query}`), noParams);
      return { status: response.status, body: await response.json() };
    };
    const idle = await seedUnit(db); // leads no measure
    const codes = (body: { items: { code: string }[] }) => body.items.map((unit) => unit.code);

    const byCode = await search(`q=${ownUnit.code.toUpperCase()}`);
    expect(byCode.status).toBe(200);
    expect(codes(byCode.body)).toEqual([ownUnit.code]);
    expect(byCode.body.total).toBe(1);
    // The fixtures name units 测试单位<code> and "Test unit <code>": match inside each name, any case.
    expect(codes((await search(`q=${encodeURIComponent(`单位${otherUnit.code}`)}`)).body)).toEqual([otherUnit.code]);
    expect(codes((await search(`q=${encodeURIComponent(`UNIT ${otherUnit.code}`)}`)).body)).toEqual([otherUnit.code]);

    expect(codes((await search(`q=${idle.code}`)).body)).toEqual([idle.code]);
    expect((await search(`q=${idle.code}&leading=true`)).body).toEqual({ items: [], total: 0 });
    expect(codes((await search(`q=${ownUnit.code}&leading=true`)).body)).toEqual([ownUnit.code]);

    const limited = await search("q=t-unit-&limit=1");
    expect(limited.body.items).toHaveLength(1);
    expect(limited.body.total).toBeGreaterThanOrEqual(3);
    const all = await search("q=t-unit-");
    expect(all.body.total).toBe(limited.body.total);
    expect(all.body.items).toHaveLength(all.body.total);

    const bad = await search("limit=0&leading=maybe");
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.body.error.fieldErrors).sort()).toEqual(["leading", "limit"]);
  });
});

describe("[API] progress reports", () => {
  it("creates and submits a report with the session cookie (same origin), then lists and gets it", async () => {
    const measure = await seedMeasure(db, (await db.area.findUniqueOrThrow({ where: { code: areaCode } })).id, ownUnit.id);
    await signInAs(official);
    const created = await postJson(reportBody(measure.code), { origin: BASE });
    expect(created.status).toBe(201);
    const report = await created.json();
    expect(report).toMatchObject({ measure: { code: measure.code }, unit: { code: ownUnit.code }, state: "SUBMITTED", percentComplete: 35, period: currentPeriod() });
    expect(await db.auditEvent.count({ where: { action: "report.submit", entityId: report.id } })).toBe(1);

    const listed = await (await listReportsRoute(request(`/api/v1/reports?measure=${measure.code}&state=SUBMITTED`), noParams)).json();
    expect(listed).toMatchObject({ total: 1, items: [{ id: report.id }] });
    const fetched = await getReportRoute(request(`/api/v1/reports/${report.id}`), { params: Promise.resolve({ id: report.id }) });
    expect(await fetched.json()).toEqual(report);
  });

  it("refuses a cookie POST from another site or without Origin (CSRF); a bearer POST needs none", async () => {
    const measure = await seedMeasure(db, (await db.area.findUniqueOrThrow({ where: { code: areaCode } })).id, ownUnit.id);
    await signInAs(official);
    expect((await postJson(reportBody(measure.code), { origin: "http://evil.example" })).status).toBe(403);
    const noOrigin = await postJson(reportBody(measure.code));
    expect(noOrigin.status).toBe(403);
    expect((await noOrigin.json()).error.code).toBe("BAD_ORIGIN");
    expect(await db.progressReport.count({ where: { measureId: measure.id } })).toBe(0);

    const { token } = await createApiToken(db, official, { name: "sync", scope: "WRITE" });
    await signInAs(null);
    const viaToken = await postJson(reportBody(measure.code, { submit: false }), { token });
    expect(viaToken.status).toBe(201);
    expect((await viaToken.json()).state).toBe("DRAFT");
  });

  it("an official's token reports on its own unit's measure, and is refused (403) on another unit's", async () => {
    const { token } = await createApiToken(db, official, { name: "own unit only", scope: "WRITE" });
    await signInAs(null);
    const own = await postJson(reportBody(ownMeasure.code), { token });
    expect(own.status).toBe(201);
    expect(await own.json()).toMatchObject({ state: "SUBMITTED", unit: { code: ownUnit.code } });

    const other = await postJson(reportBody(otherMeasure.code), { token });
    expect(other.status).toBe(403);
    expect(await other.json()).toEqual({ error: { code: "FORBIDDEN", values: {}, fieldErrors: {} } });
    expect(await db.progressReport.count({ where: { measureId: otherMeasure.id } })).toBe(0);

    // A role without report.write is refused by the permission table before anything else.
    const inspector = await seedUser(db, "INSPECTOR", ownUnit.id);
    const inspectorToken = (await createApiToken(db, inspector, { name: "write", scope: "WRITE" })).token;
    expect((await postJson(reportBody(ownMeasure.code), { token: inspectorToken })).status).toBe(403);
  });

  it("validates the body exactly like the form, with field errors; a second report of the month is a conflict", async () => {
    const measure = await seedMeasure(db, (await db.area.findUniqueOrThrow({ where: { code: areaCode } })).id, ownUnit.id);
    const { token } = await createApiToken(db, official, { name: "validation", scope: "WRITE" });
    await signInAs(null);
    const tooMuch = await postJson(reportBody(measure.code, { percentComplete: 100, isCompletion: false, progress: "" }), { token });
    expect(tooMuch.status).toBe(422);
    expect((await tooMuch.json()).error.fieldErrors).toMatchObject({ progress: { key: "required" } });
    const completion = await postJson(reportBody(measure.code, { percentComplete: 90, isCompletion: true }), { token });
    expect((await completion.json()).error.fieldErrors).toEqual({ percentComplete: { key: "completionNeeds100" } });
    const future = await postJson(reportBody(measure.code, { period: "2999-01" }), { token });
    expect((await future.json()).error.fieldErrors).toEqual({ period: { key: "periodInFuture" } });
    const notJson = await postJson("{oops", { token });
    expect(notJson.status).toBe(422);
    expect((await notJson.json()).error.fieldErrors).toEqual({ form: { key: "invalidJson" } });
    expect(await db.progressReport.count({ where: { measureId: measure.id } })).toBe(0);

    expect((await postJson(reportBody(measure.code, { submit: false }), { token })).status).toBe(201);
    expect((await postJson(reportBody(measure.code), { token })).status).toBe(409);
    // With the version of the draft, the same call corrects and submits it.
    const corrected = await postJson(reportBody(measure.code, { version: 1, percentComplete: 50 }), { token });
    expect(corrected.status).toBe(200);
    expect(await corrected.json()).toMatchObject({ state: "SUBMITTED", percentComplete: 50, version: 2 });
  });

  it("lists only what the caller may see: another unit's drafts are hidden, its submitted reports are not", async () => {
    const area = await db.area.findUniqueOrThrow({ where: { code: areaCode } });
    const measure = await seedMeasure(db, area.id, otherUnit.id);
    const author = await seedUser(db, "OFFICIAL", otherUnit.id);
    const draft = await seedReport(db, measure.id, otherUnit.id, author.id, "2026-09", "DRAFT");
    const submitted = await seedReport(db, measure.id, otherUnit.id, author.id, "2026-08", "SUBMITTED");

    await signInAs(official);
    const seen = await (await listReportsRoute(request(`/api/v1/reports?measure=${measure.code}`), noParams)).json();
    expect(seen.items.map((item: { id: string }) => item.id)).toEqual([submitted.id]);
    const hidden = await getReportRoute(request(`/api/v1/reports/${draft.id}`), { params: Promise.resolve({ id: draft.id }) });
    expect(hidden.status).toBe(404);

    await signInAs(author);
    const own = await (await listReportsRoute(request(`/api/v1/reports?measure=${measure.code}&perPage=1&page=1`), noParams)).json();
    expect(own).toMatchObject({ total: 2, items: [{ id: draft.id }] });
    const byPeriod = await (await listReportsRoute(request(`/api/v1/reports?measure=${measure.code}&period=2026-08`), noParams)).json();
    expect(byPeriod.items.map((item: { id: string }) => item.id)).toEqual([submitted.id]);
    const badFilter = await listReportsRoute(request("/api/v1/reports?period=2026-13"), noParams);
    expect(badFilter.status).toBe(422);
  });
});

describe("[API] personal tokens", () => {
  const me = (token: string) => getMe(request("/api/v1/me", { token }), noParams);

  it("are stored hashed: the row holds the SHA-256 and a short prefix, never the token", async () => {
    const user = await seedUser(db, "VIEWER", null);
    await signInAs(user);
    const state = await createApiTokenAction(idleState, form({ name: "报表脚本", expiresOn: "" }));
    expect(state).toMatchObject({ status: "success", messageKey: "apiTokenCreated" });
    const token = state.status === "success" ? state.data!.token! : "";
    expect(token).toMatch(/^lsk_[A-Za-z0-9_-]{43}$/);

    const row = await db.apiToken.findFirstOrThrow({ where: { userId: user.id } });
    expect(JSON.stringify(row)).not.toContain(token);
    expect(JSON.stringify(row)).not.toContain(token.slice(12));
    expect(row.tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(token.startsWith(row.prefix)).toBe(true);
    expect(row.prefix).toHaveLength(12);
    expect(await db.auditEvent.count({ where: { action: "apiToken.create", entityId: row.id } })).toBe(1);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "apiToken.create", entityId: row.id } });
    expect(JSON.stringify(audit)).not.toContain(token);
  });

  it("authenticate as their user without a cookie, and record when they were last used", async () => {
    const user = await seedUser(db, "LEADER", ownUnit.id);
    const { id, token } = await createApiToken(db, user, { name: "dashboard" });
    await signInAs(null);
    const response = await me(token);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ loginName: user.loginName, role: "LEADER" });
    const [listed] = await listApiTokens(db, user.id);
    expect(listed).toMatchObject({ id, state: "active", lastUsedAt: expect.any(Date) });
  });

  it("a bad bearer value is 401 even alongside a valid session cookie (no fallback)", async () => {
    const user = await seedUser(db, "VIEWER", null);
    await signInAs(user);
    expect((await getMe(request("/api/v1/me"), noParams)).status).toBe(200);
    for (const value of ["lsk_not-a-real-token", `lsk_${"A".repeat(43)}`, ""]) {
      const response = await me(value);
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ error: { code: "UNAUTHENTICATED", values: {}, fieldErrors: {} } });
    }
    const basic = await getMe(new NextRequest(`${BASE}/api/v1/me`, { headers: { authorization: "Basic dXNlcjpwYXNz" } }), noParams);
    expect(basic.status).toBe(401);
  });

  it("are not accepted by pages or Server Actions (their guard reads only the session cookie)", async () => {
    const user = await seedUser(db, "ADMIN", null);
    const { token } = await createApiToken(db, user, { name: "api only" });
    await signInAs(null);
    setRequestHeader("authorization", `Bearer ${token}`);
    try {
      expect(await getSessionUser()).toBeNull();
      await expect(authorize("measure.read")).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
      expect(await createApiTokenAction(idleState, form({ name: "via bearer" }))).toMatchObject({ status: "error", code: "UNAUTHENTICATED" });
    } finally {
      setRequestHeader("authorization", null);
    }
    expect(await db.apiToken.count({ where: { userId: user.id } })).toBe(1);
    expect((await me(token)).status).toBe(200);
  });

  it("revoked → 401; only the owner can revoke, and it is audited", async () => {
    const owner = await seedUser(db, "OFFICIAL", ownUnit.id);
    const { id, token } = await createApiToken(db, owner, { name: "to revoke" });
    expect((await me(token)).status).toBe(200);

    const stranger = await seedUser(db, "ADMIN", null);
    await signInAs(stranger);
    expect(await revokeApiTokenAction(idleState, form({ tokenId: id }))).toMatchObject({ status: "error", code: "NOT_FOUND" });
    expect((await me(token)).status).toBe(200);

    await signInAs(owner);
    expect(await revokeApiTokenAction(idleState, form({ tokenId: id }))).toMatchObject({ status: "success" });
    expect(await revokeApiTokenAction(idleState, form({ tokenId: id }))).toMatchObject({ status: "error", code: "INVALID_STATE" });
    await signInAs(null);
    expect((await me(token)).status).toBe(401);
    expect(await db.auditEvent.count({ where: { action: "apiToken.revoke", entityId: id, actorId: owner.id } })).toBe(1);
    expect((await listApiTokens(db, owner.id))[0]).toMatchObject({ state: "revoked" });
  });

  it("expired → 401; an expiry date in the past is refused", async () => {
    const user = await seedUser(db, "VIEWER", null);
    const { id, token } = await createApiToken(db, user, { name: "short", expiresOn: "2999-01-01" });
    // Valid through that whole day in China: it ends at midnight Beijing time.
    expect((await db.apiToken.findUniqueOrThrow({ where: { id } })).expiresAt).toEqual(new Date("2999-01-01T16:00:00Z"));
    expect((await me(token)).status).toBe(200);
    await db.apiToken.update({ where: { id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await me(token)).status).toBe(401);
    expect((await listApiTokens(db, user.id))[0]).toMatchObject({ state: "expired" });

    await signInAs(user);
    const past = await createApiTokenAction(idleState, form({ name: "past", expiresOn: "2020-01-01" }));
    expect(past).toMatchObject({ status: "error", code: "VALIDATION", fieldErrors: { expiresOn: { key: "dateInPast" } }, values: { name: "past" } });
  });

  it("a disabled user's token → 401 at once, and stays dead after re-enabling; must-change-password → 403", async () => {
    const user = await seedUser(db, "OFFICIAL", ownUnit.id);
    const { token } = await createApiToken(db, user, { name: "will be disabled" });
    expect((await me(token)).status).toBe(200);
    const admin = await seedUser(db, "ADMIN", null);
    await signInAs(admin);
    expect(await setUserActiveAction(idleState, form({ userId: user.id, version: "1", active: "false" }))).toMatchObject({ status: "success" });
    await signInAs(null);
    expect((await me(token)).status).toBe(401);
    expect((await postJson(reportBody(ownMeasure.code), { token })).status).toBe(401);

    await signInAs(admin);
    expect(await setUserActiveAction(idleState, form({ userId: user.id, version: "2", active: "true" }))).toMatchObject({ status: "success" });
    expect((await me(token)).status).toBe(401);

    const mustChange = await seedUser(db, "VIEWER", null, { mustChangePassword: true });
    const mustChangeToken = (await createApiToken(db, mustChange, { name: "blocked" })).token;
    const blocked = await me(mustChangeToken);
    expect(blocked.status).toBe(403);
    expect((await blocked.json()).error.code).toBe("MUST_CHANGE_PASSWORD");
  });
});
