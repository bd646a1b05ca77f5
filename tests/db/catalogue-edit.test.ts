import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createAreaAction,
  createMeasureAction,
  createProgrammeAction,
  resumeMeasureAction,
  suspendMeasureAction,
  updateAreaAction,
  updateMeasureAction,
  updateProgrammeAction,
} from "@/lib/catalogue/actions";
import { getDashboardData } from "@/lib/dashboard/get-dashboard-data";
import { listLedger } from "@/lib/ledger/list-ledger";
import { ledgerQuerySchema } from "@/lib/ledger/schemas";
import { idleState, type ActionState } from "@/lib/errors/action-state";
import type { FormAction } from "@/lib/auth/guard";
import { signInAs } from "../setup/request-context";
import { seedReport, seedUnit, seedUser, uniqueSuffix } from "./fixtures";
import { testDb } from "./helpers";

const db = testDb();
const today = new Date("2026-11-28T00:00:00Z");
const settings = { reportingDay: 28, paceMarginPercent: 10, dueSoonDays: 30 };
const suffix = uniqueSuffix();
const programmeCode = `CP-${suffix}`;
const areaCode = `CA-${suffix}`;
let admin: Awaited<ReturnType<typeof seedUser>>;
let otherAdmin: Awaited<ReturnType<typeof seedUser>>;
let lead: Awaited<ReturnType<typeof seedUnit>>;
let partner: Awaited<ReturnType<typeof seedUnit>>;

const run = (action: FormAction, values: Record<string, string>): Promise<ActionState> => {
  const form = new FormData();
  for (const [key, value] of Object.entries(values)) form.set(key, value);
  return action(idleState, form);
};
const measureForm = (code: string, overrides: Record<string, string> = {}) => ({
  code,
  areaCode,
  titleZh: "推进都市圈公交一卡通",
  titleEn: "One transit card across the circle",
  leadUnit: lead.code,
  cooperatingUnits: partner.code,
  cities: "jinan, zibo",
  startDate: "2026-01-01",
  dueDate: "2026-10-31",
  kpiNameZh: "互通城市数",
  kpiUnit: "个",
  kpiTarget: "7",
  investmentPlanned: "1200.5",
  ...overrides,
});

beforeAll(async () => {
  [admin, otherAdmin] = [await seedUser(db, "ADMIN", null), await seedUser(db, "ADMIN", null)];
  [lead, partner] = [await seedUnit(db), await seedUnit(db)];
  for (const [code, nameZh] of [["jinan", "济南"], ["zibo", "淄博"]] as const) {
    await db.city.upsert({ where: { code }, update: {}, create: { code, nameZh, nameEn: code } });
  }
  await signInAs(admin);
  expect(await run(createProgrammeAction, { code: programmeCode, titleZh: "编辑测试规划", titleEn: "Editing test programme", sortOrder: "900" })).toMatchObject({ status: "success" });
  expect(await run(createAreaAction, { code: areaCode, programmeCode, titleZh: "编辑测试领域", titleEn: "Editing test area" })).toMatchObject({ status: "success" });
});
afterAll(() => db.$disconnect());

describe("[CATALOGUE] editing the catalogue", () => {
  it("creates a measure with every catalogue field, audited", async () => {
    await signInAs(admin);
    const code = `C.${suffix}.1`;
    expect(await run(createMeasureAction, measureForm(code))).toMatchObject({ status: "success", data: { code } });
    const measure = await db.measure.findUniqueOrThrow({
      where: { code },
      include: { cooperatingUnits: { include: { unit: true } }, cities: { include: { city: true } }, area: true },
    });
    expect(measure).toMatchObject({ titleZh: "推进都市圈公交一卡通", leadUnitId: lead.id, status: "NOT_STARTED", kpiUnit: "个", version: 1 });
    expect(measure.area.code).toBe(areaCode);
    expect(measure.investmentPlanned?.toString()).toBe("1200.5");
    expect(measure.dueDate?.toISOString().slice(0, 10)).toBe("2026-10-31");
    expect(measure.cooperatingUnits.map((link) => link.unit.code)).toEqual([partner.code]);
    expect(measure.cities.map((link) => link.city.code).sort()).toEqual(["jinan", "zibo"]);
    expect(await db.auditEvent.count({ where: { entityId: measure.id, action: "measure.create" } })).toBe(1);

    // The same code again is refused next to the field, keeping what was typed.
    const again = await run(createMeasureAction, measureForm(code, { titleZh: "重复" }));
    expect(again).toMatchObject({ status: "error", fieldErrors: { code: { key: "measureCodeTaken" } }, values: { titleZh: "重复" } });
    expect(await run(createMeasureAction, measureForm(`C.${suffix}.x`, { leadUnit: "no-such-unit" }))).toMatchObject({ fieldErrors: { leadUnit: { key: "unknownUnit" } } });
    expect(await run(createMeasureAction, measureForm(`C.${suffix}.y`, { dueDate: "2025-01-01" }))).toMatchObject({ fieldErrors: { dueDate: { key: "dueBeforeStart" } } });
  });

  it("takes the unit picker's cooperating units (codes joined by commas); an unknown or inactive one is refused and the choice echoed back", async () => {
    await signInAs(admin);
    const [second, retired] = [await seedUnit(db), await seedUnit(db)];
    await db.unit.update({ where: { id: retired.id }, data: { active: false } });
    const code = `C.${suffix}.units`;
    const picked = `${partner.code},${second.code}`;
    expect(await run(createMeasureAction, measureForm(code, { cooperatingUnits: picked }))).toMatchObject({ status: "success" });
    const measure = await db.measure.findUniqueOrThrow({ where: { code }, include: { cooperatingUnits: { include: { unit: true } } } });
    expect(measure.cooperatingUnits.map((link) => link.unit.code).sort()).toEqual([partner.code, second.code].sort());

    // A code the picker never offered (edited by hand, or a unit retired meanwhile): refused next to the field, nothing stored.
    for (const bad of ["no-such-unit", retired.code]) {
      const refused = await run(createMeasureAction, measureForm(`C.${suffix}.u-${bad.length}`, { cooperatingUnits: `${partner.code},${bad}` }));
      expect(refused).toMatchObject({ status: "error", fieldErrors: { cooperatingUnits: { key: "unknownUnit" } }, values: { cooperatingUnits: `${partner.code},${bad}` } });
    }
    expect(await db.measure.count({ where: { code: { startsWith: `C.${suffix}.u-` } } })).toBe(0);
  });

  it("edits a measure; of two admins editing the same version, the second is refused and keeps what they typed", async () => {
    const code = `C.${suffix}.2`;
    await signInAs(admin);
    await run(createMeasureAction, measureForm(code));
    const first = await run(updateMeasureAction, { ...measureForm(code, { dueDate: "2027-06-30", cooperatingUnits: "" }), version: "1" });
    expect(first).toMatchObject({ status: "success" });

    await signInAs(otherAdmin);
    const second = await run(updateMeasureAction, { ...measureForm(code, { titleZh: "另一位管理员的标题" }), version: "1" });
    expect(second).toMatchObject({ status: "error", code: "CONFLICT", values: { titleZh: "另一位管理员的标题" } });
    if (second.status === "error") expect(second.messageValues.by).toBe(admin.displayName);

    const measure = await db.measure.findUniqueOrThrow({ where: { code }, include: { cooperatingUnits: true } });
    expect(measure).toMatchObject({ titleZh: "推进都市圈公交一卡通", version: 2 });
    expect(measure.dueDate?.toISOString().slice(0, 10)).toBe("2027-06-30");
    expect(measure.cooperatingUnits).toEqual([]);
    const update = await db.auditEvent.findFirstOrThrow({ where: { entityId: measure.id, action: "measure.update" } });
    expect(update.before).toMatchObject({ dueDate: "2026-10-31", cooperatingUnits: partner.code });
    expect(update.after).toMatchObject({ dueDate: "2027-06-30", cooperatingUnits: "" });

    // Reloaded at version 2, the second admin's edit goes through.
    expect(await run(updateMeasureAction, { ...measureForm(code, { titleZh: "另一位管理员的标题", dueDate: "2027-06-30" }), version: "2" })).toMatchObject({ status: "success" });
  });

  it("suspends a measure: grey light, apart on the dashboard and ledger, no report expected; resume restores it", async () => {
    const code = `C.${suffix}.3`;
    await signInAs(admin);
    await run(createMeasureAction, measureForm(code)); // overdue on 2026-11-28: RED
    const dashboard = () => getDashboardData(db, { programme: programmeCode }, today, settings, { withTrend: false });
    const ledger = (light?: string) => listLedger(db, ledgerQuerySchema.parse({ programme: programmeCode, perPage: 200, ...(light ? { light } : {}) }), today, settings);
    const before = await dashboard();
    expect((await ledger()).rows.find((row) => row.code === code)?.light).toBe("RED");

    expect(await run(suspendMeasureAction, { code, version: "1", reason: "" })).toMatchObject({ status: "error", fieldErrors: { reason: {} } });
    expect(await run(suspendMeasureAction, { code, version: "1", reason: "上级政策调整" })).toMatchObject({ status: "success" });
    const suspended = await db.measure.findUniqueOrThrow({ where: { code } });
    expect(suspended).toMatchObject({ status: "SUSPENDED", suspendedReason: "上级政策调整", version: 2 });

    const after = await dashboard();
    expect(after.lightCounts.RED).toBe(before.lightCounts.RED - 1);
    expect(after.lightCounts.SUSPENDED).toBe(before.lightCounts.SUSPENDED + 1);
    expect(after.total).toBe(before.total);
    expect(after.reporting.due).toBe(before.reporting.due - 1);
    expect(after.lists.overdue.map((item) => item.code)).not.toContain(code);
    expect((await ledger("SUSPENDED")).rows.map((row) => row.code)).toEqual([code]);
    expect((await ledger("RED")).rows.map((row) => row.code)).not.toContain(code);

    // Suspending twice or a stale version is refused.
    expect(await run(suspendMeasureAction, { code, version: "2", reason: "再次" })).toMatchObject({ status: "error", code: "INVALID_STATE" });
    expect(await run(resumeMeasureAction, { code, version: "1" })).toMatchObject({ status: "error", code: "CONFLICT" });

    // With an approved lead report, it resumes in progress; its light is computed again.
    const author = await seedUser(db, "OFFICIAL", lead.id);
    await seedReport(db, suspended.id, lead.id, author.id, "2026-10", "APPROVED");
    expect(await run(resumeMeasureAction, { code, version: "2" })).toMatchObject({ status: "success" });
    expect(await db.measure.findUniqueOrThrow({ where: { code } })).toMatchObject({ status: "IN_PROGRESS", suspendedAt: null, suspendedReason: null, version: 3 });
    expect((await ledger()).rows.find((row) => row.code === code)?.light).toBe("RED");
    const actions = (await db.auditEvent.findMany({ where: { entityId: suspended.id }, orderBy: { createdAt: "asc" } })).map((event) => event.action);
    expect(actions).toEqual(["measure.create", "measure.suspend", "measure.resume"]);
  });

  it("edits programmes and areas with a version; a stale one is refused", async () => {
    await signInAs(admin);
    const programme = await db.programme.findUniqueOrThrow({ where: { code: programmeCode } });
    expect(await run(updateProgrammeAction, { code: programmeCode, version: String(programme.version), titleZh: "改名规划", titleEn: "Renamed" })).toMatchObject({ status: "success" });
    expect(await run(updateProgrammeAction, { code: programmeCode, version: String(programme.version), titleZh: "旧版本", titleEn: "Stale" })).toMatchObject({ status: "error", code: "CONFLICT" });
    expect(await db.programme.findUniqueOrThrow({ where: { code: programmeCode } })).toMatchObject({ titleZh: "改名规划", version: programme.version + 1 });

    expect(await run(updateAreaAction, { code: areaCode, version: "1", programmeCode, titleZh: "改名领域", titleEn: "Renamed area", sortOrder: "5" })).toMatchObject({ status: "success" });
    expect(await run(updateAreaAction, { code: areaCode, version: "1", programmeCode, titleZh: "旧版本", titleEn: "Stale" })).toMatchObject({ status: "error", code: "CONFLICT" });
    expect(await db.area.findUniqueOrThrow({ where: { code: areaCode } })).toMatchObject({ titleZh: "改名领域", sortOrder: 5, version: 2 });
    expect(await run(createAreaAction, { code: areaCode, programmeCode, titleZh: "重复", titleEn: "Duplicate" })).toMatchObject({ fieldErrors: { code: { key: "catalogueCodeTaken" } } });
  });

  it("refuses anyone but an admin", async () => {
    for (const role of ["LEADER", "INSPECTOR", "OFFICIAL", "VIEWER"] as const) {
      await signInAs(await seedUser(db, role, lead.id));
      const code = `C.${suffix}.${role}`;
      expect(await run(createMeasureAction, measureForm(code))).toMatchObject({ status: "error", code: "FORBIDDEN" });
      expect(await db.measure.count({ where: { code } })).toBe(0);
    }
  });
});
