import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authenticate } from "@/lib/auth/authenticate";
import { AppError } from "@/lib/errors/app-error";
import { getUnitForEdit, listUnitsPage } from "@/lib/units/list-units-page";
import { listUnitsPageQuerySchema } from "@/lib/units/schemas";
import { getUserForEdit, listUsersPage } from "@/lib/users/list-users-page";
import { ADMIN_PAGE_SIZE, listUsersQuerySchema } from "@/lib/users/schemas";
import { FIXTURE_PASSWORD, seedUnit, seedUser, uniqueSuffix } from "./fixtures";
import { testDb } from "./helpers";

const db = testDb();
const admin = { role: "ADMIN" as const, unitId: null };
const suffix = uniqueSuffix();
const pad = (index: number) => String(index).padStart(3, "0");
const usersQuery = (query: Record<string, string>) => listUsersQuerySchema.parse(query);
const unitsQuery = (query: Record<string, string>) => listUnitsPageQuerySchema.parse(query);

beforeAll(async () => {
  // 120 units and 120 accounts of this run alone (found by the suffix): three pages each.
  await db.unit.createMany({
    data: Array.from({ length: 120 }, (_, index) => ({
      code: `t-adm-${suffix}-${pad(index)}`,
      nameZh: `测试表格单位${pad(index)}`,
      nameEn: `Admin Table Unit ${suffix} ${pad(index)}`,
      kind: index % 3 === 0 ? ("CITY_GOVERNMENT" as const) : ("OTHER" as const),
      active: index % 10 !== 9,
    })),
  });
  await db.user.createMany({
    data: Array.from({ length: 120 }, (_, index) => ({
      loginName: `t.adm.${suffix}.${pad(index)}`,
      displayName: `表格用户 ${pad(index)} Zhang`,
      role: index % 2 === 0 ? ("VIEWER" as const) : ("INSPECTOR" as const),
      passwordHash: "!no-login",
      active: index % 10 !== 9,
    })),
  });
});
afterAll(() => db.$disconnect());

describe("[ADMIN] the units table", () => {
  it("finds units by code, Chinese or English name (any case), and pages them: 50, 50, 20", async () => {
    const pages = await Promise.all([1, 2, 3].map((page) => listUnitsPage(db, admin, unitsQuery({ q: `T-ADM-${suffix}`, page: String(page) }))));
    expect(pages.map((page) => page.rows.length)).toEqual([ADMIN_PAGE_SIZE, ADMIN_PAGE_SIZE, 20]);
    expect(pages.map((page) => [page.total, page.pageCount])).toEqual([[120, 3], [120, 3], [120, 3]]);
    // Active first, by code; no unit on two pages.
    const codes = pages.flatMap((page) => page.rows.map((row) => row.code));
    expect(new Set(codes).size).toBe(120);
    expect(pages[0]!.rows[0]!.code).toBe(`t-adm-${suffix}-000`);
    expect(pages[2]!.rows.map((row) => row.active)).toEqual([...Array(8).fill(true), ...Array(12).fill(false)]);
    expect((await listUnitsPage(db, admin, unitsQuery({ q: `unit ${suffix} 007` }))).rows.map((row) => row.code)).toEqual([`t-adm-${suffix}-007`]);
    expect((await listUnitsPage(db, admin, unitsQuery({ q: "测试表格单位042" }))).rows.map((row) => row.code)).toContain(`t-adm-${suffix}-042`);
  });

  it("shows the last page for a page past the end, and the first for a malformed one", async () => {
    const past = await listUnitsPage(db, admin, unitsQuery({ q: suffix, page: "9" }));
    expect([past.page, past.rows.length]).toEqual([3, 20]);
    const malformed = await listUnitsPage(db, admin, unitsQuery({ q: suffix, page: "x", kind: "NOPE" }));
    expect([malformed.page, malformed.total]).toEqual([1, 120]);
    const small = await listUnitsPage(db, admin, unitsQuery({ q: suffix, perPage: "10", page: "12" }));
    expect([small.pageCount, small.rows.length, small.rows.at(-1)?.code]).toEqual([12, 10, `t-adm-${suffix}-119`]);
    const nothing = await listUnitsPage(db, admin, unitsQuery({ q: `${suffix}-none` }));
    expect([nothing.page, nothing.pageCount, nothing.rows]).toEqual([1, 1, []]);
  });

  it("filters by kind and by active, with counts of users and led measures", async () => {
    const cities = await listUnitsPage(db, admin, unitsQuery({ q: suffix, kind: "CITY_GOVERNMENT" }));
    expect(cities.total).toBe(40);
    expect(cities.rows.every((row) => row.kind === "CITY_GOVERNMENT")).toBe(true);
    const inactive = await listUnitsPage(db, admin, unitsQuery({ q: suffix, active: "false" }));
    expect(inactive.total).toBe(12);
    const unit = await seedUnit(db);
    await seedUser(db, "OFFICIAL", unit.id);
    const [row] = (await listUnitsPage(db, admin, unitsQuery({ q: unit.code }))).rows;
    expect(row?._count).toEqual({ users: 1, ledMeasures: 0 });
    expect((await getUnitForEdit(db, admin, unit.id))?.code).toBe(unit.code);
  });
});

describe("[ADMIN] the users table", () => {
  it("finds accounts by login name or name and pages them", async () => {
    const byLogin = await listUsersPage(db, admin, usersQuery({ q: `T.ADM.${suffix}`, page: "3" }));
    expect([byLogin.total, byLogin.page, byLogin.rows.length]).toEqual([120, 3, 20]);
    // 108 active before the 12 disabled: the last page is 8 active, then the disabled.
    expect(byLogin.rows.map((row) => row.active)).toEqual([...Array(8).fill(true), ...Array(12).fill(false)]);
    const byName = await listUsersPage(db, admin, usersQuery({ q: "表格用户 042" }));
    expect(byName.rows.map((row) => row.loginName)).toEqual([`t.adm.${suffix}.042`]);
  });

  it("filters by role and by active; never lists the sample-report placeholders", async () => {
    const inspectors = await listUsersPage(db, admin, usersQuery({ q: suffix, role: "INSPECTOR", active: "true" }));
    expect(inspectors.total).toBe(48);
    expect(inspectors.rows.every((row) => row.role === "INSPECTOR" && row.active)).toBe(true);
    await db.user.create({ data: { loginName: `sample.${suffix}`, displayName: "示例", role: "OFFICIAL", passwordHash: "!no-login", active: false } });
    expect((await listUsersPage(db, admin, usersQuery({ q: `sample.${suffix}` }))).total).toBe(0);
  });

  it("shows the last sign-in, set at sign-in without changing the account's version", async () => {
    const user = await seedUser(db, "VIEWER", null);
    expect((await getUserForEdit(db, admin, user.id))?.lastSignInAt).toBeNull();
    const now = new Date("2026-11-30T02:03:04Z");
    expect(await authenticate(db, { loginName: user.loginName, password: FIXTURE_PASSWORD, ip: "10.7.0.1" }, { now })).toMatchObject({ ok: true });
    const [row] = (await listUsersPage(db, admin, usersQuery({ q: user.loginName }))).rows;
    expect(row?.lastSignInAt).toEqual(now);
    expect(row?.version).toBe(user.version);
    // A wrong password is no sign-in.
    await authenticate(db, { loginName: user.loginName, password: "wrong-password-1", ip: "10.7.0.2" });
    expect((await getUserForEdit(db, admin, user.id))?.lastSignInAt).toEqual(now);
  });
});

describe("[ADMIN] only administrators list accounts and units", () => {
  it.each(["LEADER", "INSPECTOR", "OFFICIAL", "VIEWER"] as const)("refuses %s", async (role) => {
    const actor = { role, unitId: null };
    for (const attempt of [
      listUsersPage(db, actor, usersQuery({})),
      listUnitsPage(db, actor, unitsQuery({})),
      getUserForEdit(db, actor, "x"),
      getUnitForEdit(db, actor, "x"),
    ]) {
      await expect(attempt).rejects.toEqual(new AppError("FORBIDDEN"));
    }
  });
});
