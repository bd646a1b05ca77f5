import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getMe } from "@/app/api/v1/me/route";
import { withApiRoute } from "@/lib/auth/api-route";
import { authenticate } from "@/lib/auth/authenticate";
import { getSessionUser } from "@/lib/auth/session-user";
import { idleState } from "@/lib/errors/action-state";
import { updateMeasureOwnerAction } from "@/lib/measures/actions";
import { updateMeasureOwner } from "@/lib/measures/update-measure-owner";
import { resetUserPasswordAction, setUserActiveAction } from "@/lib/users/actions";
import { setSessionCookie, signInAs } from "../setup/request-context";
import { FIXTURE_PASSWORD, seedArea, seedMeasure, seedUnit, seedUser, uniqueSuffix } from "./fixtures";
import { testDb } from "./helpers";

const db = testDb();
let unitId: string;
beforeAll(async () => {
  unitId = (await seedUnit(db)).id;
});
afterAll(() => db.$disconnect());

const form = (values: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.set(key, value);
  return data;
};
const auditCount = (action: string, entityId: string) => db.auditEvent.count({ where: { action, entityId } });

describe("[AUTH] authenticate", () => {
  it("accepts the right password and audits the login", async () => {
    const user = await seedUser(db, "VIEWER", null);
    const result = await authenticate(db, { loginName: ` ${user.loginName.toUpperCase()} `, password: FIXTURE_PASSWORD, ip: "10.0.0.1" });
    expect(result).toEqual({ ok: true, user: { id: user.id, loginName: user.loginName, displayName: user.displayName } });
    expect(await auditCount("auth.login.succeeded", user.id)).toBe(1);
  });

  it("answers the same for a wrong password, an unknown name and a disabled account, auditing each", async () => {
    const user = await seedUser(db, "VIEWER", null);
    const disabled = await seedUser(db, "VIEWER", null, { active: false });
    const unknown = `nobody.${uniqueSuffix()}`;
    for (const [loginName, password] of [[user.loginName, "wrong"], [unknown, "wrong"], [disabled.loginName, FIXTURE_PASSWORD]] as const) {
      expect(await authenticate(db, { loginName, password, ip: "10.0.0.2" })).toEqual({ ok: false, reason: "INVALID" });
      expect(await auditCount("auth.login.failed", loginName)).toBe(1);
    }
  });
  // Throttling: tests/db/login-throttle.test.ts.
});

describe("[AUTH] sessions", () => {
  it("resolves the user from a valid session cookie", async () => {
    const user = await seedUser(db, "OFFICIAL", unitId);
    await signInAs(user);
    expect(await getSessionUser()).toMatchObject({ id: user.id, role: "OFFICIAL", unitId });
  });

  it("refuses forged or garbled cookies", async () => {
    setSessionCookie("not-a-token");
    expect(await getSessionUser()).toBeNull();
  });

  it("a disabled user loses access on the next request", async () => {
    const admin = await seedUser(db, "ADMIN", unitId);
    const user = await seedUser(db, "VIEWER", null);
    await signInAs(admin);
    expect(await setUserActiveAction(idleState, form({ userId: user.id, version: "1", active: "false" }))).toMatchObject({ status: "success" });
    await signInAs(user);
    expect(await getSessionUser()).toBeNull();
    expect(await auditCount("user.disable", user.id)).toBe(1);
  });

  it("a password reset ends sessions opened before it, and forces a change", async () => {
    const admin = await seedUser(db, "ADMIN", unitId);
    const user = await seedUser(db, "VIEWER", null);
    await signInAs(user);
    expect(await getSessionUser()).not.toBeNull();
    // Session times have one-second resolution: let the old session be strictly older.
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    await signInAs(admin);
    const state = await resetUserPasswordAction(idleState, form({ userId: user.id, version: "1" }));
    expect(state).toMatchObject({ status: "success", messageKey: "passwordReset" });
    const temporaryPassword = state.status === "success" ? state.data?.temporaryPassword : undefined;
    expect(temporaryPassword).toMatch(/^[A-Za-z0-9]{12}$/);

    await signInAs(user); // a new session after the reset is fine…
    expect(await getSessionUser()).toMatchObject({ mustChangePassword: true });
    // …but the user must change the password before doing anything else.
    const blocked = await updateMeasureOwnerAction(idleState, form({ code: "x", version: "1", responsiblePerson: "x" }));
    expect(blocked).toMatchObject({ status: "error", code: "MUST_CHANGE_PASSWORD" });
    expect(await authenticate(db, { loginName: user.loginName, password: temporaryPassword!, ip: "10.5.0.1" })).toMatchObject({ ok: true });
  });
});

describe("[AUTH] route handlers use the same guard", () => {
  it("GET /api/v1/me: 401 without a session, the user with one", async () => {
    await signInAs(null);
    const anonymous = await getMe(new NextRequest("http://localhost/api/v1/me"), { params: Promise.resolve({}) });
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toEqual({ error: { code: "UNAUTHENTICATED", values: {}, fieldErrors: {} } });

    const user = await seedUser(db, "INSPECTOR", unitId);
    await signInAs(user);
    const signedIn = await getMe(new NextRequest("http://localhost/api/v1/me"), { params: Promise.resolve({}) });
    expect(signedIn.status).toBe(200);
    expect(await signedIn.json()).toEqual({ loginName: user.loginName, displayName: user.displayName, role: "INSPECTOR", unitId });
  });

  it("refuses state-changing requests from another origin (CSRF) and roles without the permission", async () => {
    const route = withApiRoute("user.manage", async () => new Response("done"));
    const admin = await seedUser(db, "ADMIN", unitId);
    await signInAs(admin);
    const post = (origin: string | null) =>
      route(new NextRequest("http://localhost:3000/api/x", { method: "POST", headers: { host: "localhost:3000", ...(origin ? { origin } : {}) } }), {
        params: Promise.resolve({}),
      });
    expect((await post("http://evil.example")).status).toBe(403);
    expect((await post(null)).status).toBe(403);
    expect((await post("http://localhost:3000")).status).toBe(200);

    await signInAs(await seedUser(db, "LEADER", unitId));
    expect((await post("http://localhost:3000")).status).toBe(403);
  });
});

describe("[CONCURRENCY] two edits from the same version", () => {
  it("one wins, the other is told who changed it, and nothing is lost", async () => {
    const area = await seedArea(db);
    const measure = await seedMeasure(db, area.id, unitId);
    const [first, second] = await Promise.all([seedUser(db, "OFFICIAL", unitId), seedUser(db, "OFFICIAL", unitId)]);

    await signInAs(first);
    const firstState = await updateMeasureOwnerAction(idleState, form({ code: measure.code, version: "1", responsiblePerson: "甲" }));
    await signInAs(second);
    const secondState = await updateMeasureOwnerAction(idleState, form({ code: measure.code, version: "1", responsiblePerson: "乙" }));

    expect(firstState).toMatchObject({ status: "success" });
    expect(secondState).toMatchObject({ status: "error", code: "CONFLICT", messageValues: { by: first.displayName } });
    expect(secondState.status === "error" && secondState.values.responsiblePerson).toBe("乙");
    const saved = await db.measure.findUniqueOrThrow({ where: { id: measure.id } });
    expect(saved).toMatchObject({ responsiblePerson: "甲", version: 2 });
    expect(await db.auditEvent.count({ where: { entityType: "Measure", entityId: measure.id } })).toBe(1);
  });

  it("truly simultaneous writers: exactly one succeeds", async () => {
    const area = await seedArea(db);
    const measure = await seedMeasure(db, area.id, unitId);
    const writers = await Promise.all([1, 2, 3].map(() => seedUser(db, "OFFICIAL", unitId)));
    const results = await Promise.allSettled(
      writers.map((writer, index) =>
        updateMeasureOwner(db, { ...writer, unitId }, { code: measure.code, version: 1, responsiblePerson: `写入者${index}` }),
      ),
    );
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    for (const result of results.filter((result) => result.status === "rejected")) {
      expect((result as PromiseRejectedResult).reason).toMatchObject({ code: "CONFLICT" });
    }
    expect(await db.measure.findUniqueOrThrow({ where: { id: measure.id } })).toMatchObject({ version: 2 });
  });
});
