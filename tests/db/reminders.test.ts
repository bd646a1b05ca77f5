import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { SessionUser } from "@/lib/auth/session-user";
import { decideExtension } from "@/lib/extensions/decide-extension";
import { requestExtension } from "@/lib/extensions/request-extension";
import { getReminderSettings } from "@/lib/reminders/settings";
import { updateReminderSettings } from "@/lib/reminders/update-settings";
import { REMINDERS_LOCK_KEY, runDailyReminders } from "@/lib/reminders/run-daily-reminders";
import { reviewReport } from "@/lib/reports/review-report";
import { saveReport } from "@/lib/reports/save-report";
import { saveReportInputSchema } from "@/lib/reports/schemas";
import { currentPeriod, seedArea, seedMeasure, seedReport, seedUnit, seedUser } from "./fixtures";
import { testDb } from "./helpers";

const db = testDb();
const tracking = { reportingDay: 28, paceMarginPercent: 10, dueSoonDays: 30 };
const reminders = { reportDueDays: 3, milestoneDueDays: 7, missingRepeatDays: 3 };
const options = { tracking, reminders };
/** 10:00 in China on that calendar day. */
const at = (day: string) => new Date(`${day}T02:00:00Z`);
const date = (day: string) => new Date(`${day}T00:00:00Z`);
const run = (day: string, opts = options) => runDailyReminders(db, at(day), opts);

let areaId: string;
let unitId: string;
let disabledUnitId: string;
let official: SessionUser;
let inspector: SessionUser;

const asSession = (user: { id: string; loginName: string; displayName: string; role: SessionUser["role"]; unitId: string | null }): SessionUser => ({
  ...user,
  mustChangePassword: false,
});

/** The events of these measures, of these types, as "type key-suffix" lines. */
async function eventsOf(measureIds: string[], types: string[]) {
  return db.domainEvent.findMany({ where: { measureId: { in: measureIds }, type: { in: types } }, orderBy: { id: "asc" } });
}

/** A measure running through 2027–2029 unless told otherwise. */
const longMeasure = (lead = unitId, overrides: Parameters<typeof seedMeasure>[4] = {}) =>
  seedMeasure(db, areaId, lead, [], { startDate: date("2027-01-01"), dueDate: date("2029-12-31"), percentComplete: 50, ...overrides });

beforeAll(async () => {
  areaId = (await seedArea(db)).id;
  unitId = (await seedUnit(db)).id;
  const disabled = await seedUnit(db);
  disabledUnitId = disabled.id;
  await db.unit.update({ where: { id: disabledUnitId }, data: { active: false } });
  official = asSession(await seedUser(db, "OFFICIAL", unitId));
  inspector = asSession(await seedUser(db, "INSPECTOR", null));
});
afterAll(() => db.$disconnect());

const REPORT_TYPES = ["report.dueSoon", "report.dueToday", "report.missing"];

describe("[REMINDERS] report due soon, due today, missing", () => {
  it("follows the reporting day through February 2028 (leap day) into March", async () => {
    const open = await longMeasure();
    const draft = await longMeasure();
    const submitted = await longMeasure();
    const completed = await longMeasure(unitId, { status: "COMPLETED", percentComplete: 100 });
    const suspended = await longMeasure();
    await db.measure.update({ where: { id: suspended.id }, data: { status: "SUSPENDED" } });
    const notYetStarted = await longMeasure(unitId, { startDate: date("2028-03-05"), status: "NOT_STARTED", percentComplete: 0 });
    const disabledLead = await longMeasure(disabledUnitId);
    await seedReport(db, draft.id, unitId, official.id, "2028-02", "DRAFT");
    await seedReport(db, submitted.id, unitId, official.id, "2028-02", "SUBMITTED");
    const ids = [open, draft, submitted, completed, suspended, notYetStarted, disabledLead].map((m) => m.id);
    const keysOf = async () => (await eventsOf(ids, REPORT_TYPES)).map((e) => e.key);

    // Four days before the reporting day (28th): nothing yet.
    await run("2028-02-24");
    expect(await keysOf()).toEqual([]);

    // Three days before: due soon, to the lead unit, for the open and the draft report; a disabled unit gets none.
    await run("2028-02-25");
    const dueSoon = await eventsOf(ids, ["report.dueSoon"]);
    expect(dueSoon.map((e) => e.key).sort()).toEqual([`report.dueSoon:${open.id}:${unitId}:2028-02`, `report.dueSoon:${draft.id}:${unitId}:2028-02`].sort());
    expect(dueSoon[0]).toMatchObject({ audienceUnitIds: [unitId], audienceRoles: [], entityType: "Measure" });
    expect(dueSoon[0]?.payload).toMatchObject({ period: "2028-02", deadline: "2028-02-28", daysLeft: 3 });

    // The days in between add nothing: one due-soon per period.
    await run("2028-02-26");
    await run("2028-02-27");
    expect(await keysOf()).toHaveLength(2);

    // The reporting day itself.
    await run("2028-02-28");
    const dueToday = await eventsOf(ids, ["report.dueToday"]);
    expect(dueToday.map((e) => e.measureId).sort()).toEqual([open.id, draft.id].sort());

    // The leap day, after the reporting day: missing, to the unit and the inspectors; the disabled unit's to inspectors only.
    await run("2028-02-29");
    const missing = await eventsOf(ids, ["report.missing"]);
    expect(missing.map((e) => e.key).sort()).toEqual(
      [`report.missing:${open.id}:${unitId}:2028-02:0`, `report.missing:${draft.id}:${unitId}:2028-02:0`, `report.missing:${disabledLead.id}:${disabledUnitId}:2028-02:0`].sort(),
    );
    expect(missing.find((e) => e.measureId === open.id)).toMatchObject({ audienceUnitIds: [unitId], audienceRoles: ["INSPECTOR"] });
    expect(missing.find((e) => e.measureId === disabledLead.id)).toMatchObject({ audienceUnitIds: [], audienceRoles: ["INSPECTOR"] });

    // Running the same day again records nothing twice.
    const before = await keysOf();
    const again = await run("2028-02-29");
    expect(again.ran).toBe(true);
    expect(await keysOf()).toEqual(before);

    // Period boundary: 1 March starts March's period (due on the 28th); February is not reminded again.
    await run("2028-03-01");
    expect(await keysOf()).toEqual(before);
    expect(before.some((key) => key.includes(submitted.id) || key.includes(completed.id) || key.includes(suspended.id) || key.includes(notYetStarted.id))).toBe(false);
  });

  it("repeats the missing reminder every K days, with the repeat slot in the key, up to the month's end", async () => {
    const measure = await longMeasure();
    const settings = { tracking: { ...tracking, reportingDay: 10 }, reminders };
    const missingKeys = async () => (await eventsOf([measure.id], ["report.missing"])).map((e) => e.key);
    await run("2028-03-11", settings);
    expect(await missingKeys()).toEqual([`report.missing:${measure.id}:${unitId}:2028-03:0`]);
    await run("2028-03-12", settings);
    await run("2028-03-13", settings);
    expect(await missingKeys()).toHaveLength(1);
    await run("2028-03-14", settings);
    expect(await missingKeys()).toEqual([0, 1].map((slot) => `report.missing:${measure.id}:${unitId}:2028-03:${slot}`));
    // A skipped day is caught up: the 31st (21 days late) is slot 6.
    await run("2028-03-31", settings);
    expect((await missingKeys()).at(-1)).toBe(`report.missing:${measure.id}:${unitId}:2028-03:6`);
    // Once the report is submitted, no more.
    await seedReport(db, measure.id, unitId, official.id, "2028-03", "SUBMITTED");
    const count = (await missingKeys()).length;
    await db.domainEvent.deleteMany({ where: { key: `report.missing:${measure.id}:${unitId}:2028-03:6` } });
    await run("2028-03-31", settings);
    expect(await missingKeys()).toHaveLength(count - 1);
  });
});

describe("[REMINDERS] milestones and measures due soon or overdue", () => {
  it("reminds of a milestone within the window, on its due day, and once overdue", async () => {
    const measure = await longMeasure();
    const inWindow = await db.milestone.create({ data: { measureId: measure.id, titleZh: "七天后", titleEn: "In seven days", dueDate: date("2028-03-07") } });
    const outside = await db.milestone.create({ data: { measureId: measure.id, titleZh: "八天后", titleEn: "In eight days", dueDate: date("2028-03-08") } });
    const dueToday = await db.milestone.create({ data: { measureId: measure.id, titleZh: "今天", titleEn: "Today", dueDate: date("2028-02-29") } });
    const done = await db.milestone.create({ data: { measureId: measure.id, titleZh: "已完成", titleEn: "Done", dueDate: date("2028-02-01"), completedOn: date("2028-01-20") } });
    await run("2028-02-29");
    const first = await eventsOf([measure.id], ["milestone.dueSoon", "milestone.overdue"]);
    expect(first.map((e) => e.key).sort()).toEqual([`milestone.dueSoon:${inWindow.id}:2028-03-07`, `milestone.dueSoon:${dueToday.id}:2028-02-29`].sort());
    expect(first.find((e) => e.entityId === dueToday.id)).toMatchObject({ entityType: "Milestone", audienceUnitIds: [unitId], audienceRoles: [] });
    expect(first.find((e) => e.entityId === dueToday.id)?.payload).toMatchObject({ daysLeft: 0, dueDate: "2028-02-29", milestoneEn: "Today" });

    await run("2028-03-01");
    const second = await eventsOf([measure.id], ["milestone.dueSoon", "milestone.overdue"]);
    expect(second.map((e) => e.key)).toContain(`milestone.overdue:${dueToday.id}:2028-02-29`);
    expect(second.map((e) => e.key)).toContain(`milestone.dueSoon:${outside.id}:2028-03-08`);
    expect(second.find((e) => e.type === "milestone.overdue")).toMatchObject({ audienceUnitIds: [unitId], audienceRoles: ["INSPECTOR"] });
    expect(second.some((e) => e.entityId === done.id)).toBe(false);
    await run("2028-03-01");
    expect(await eventsOf([measure.id], ["milestone.dueSoon", "milestone.overdue"])).toHaveLength(second.length);

    // A moved due date is a new reminder.
    await db.milestone.update({ where: { id: dueToday.id }, data: { dueDate: date("2028-03-03") } });
    await run("2028-03-01");
    expect((await eventsOf([measure.id], ["milestone.dueSoon"])).map((e) => e.key)).toContain(`milestone.dueSoon:${dueToday.id}:2028-03-03`);
  });

  it("reminds of a measure due at the month's end on the day and overdue the next day; completed measures get nothing", async () => {
    const monthEnd = await longMeasure(unitId, { dueDate: date("2028-01-31") });
    const completed = await longMeasure(unitId, { dueDate: date("2028-01-31"), status: "COMPLETED", percentComplete: 100 });
    const disabledLead = await longMeasure(disabledUnitId, { dueDate: date("2028-01-31") });
    const ids = [monthEnd.id, completed.id, disabledLead.id];
    await run("2028-01-31");
    const dueSoon = await eventsOf(ids, ["measure.dueSoon", "measure.overdue"]);
    expect(dueSoon.map((e) => e.key)).toEqual([`measure.dueSoon:${monthEnd.id}:2028-01-31`]);
    expect(dueSoon[0]?.payload).toMatchObject({ daysLeft: 0 });
    await run("2028-02-01");
    const overdue = await eventsOf(ids, ["measure.overdue"]);
    expect(overdue.map((e) => e.measureId).sort()).toEqual([monthEnd.id, disabledLead.id].sort());
    expect(overdue.find((e) => e.measureId === monthEnd.id)).toMatchObject({ audienceUnitIds: [unitId], audienceRoles: ["INSPECTOR"] });
    expect(overdue.find((e) => e.measureId === disabledLead.id)).toMatchObject({ audienceUnitIds: [] });
  });
});

describe("[REMINDERS] light turned yellow or red", () => {
  it("emits once when the light turns yellow, again when it turns red, never for green or completed", async () => {
    const measure = await longMeasure();
    const completed = await longMeasure(unitId, { status: "COMPLETED", percentComplete: 100 });
    const ids = [measure.id, completed.id];
    const lightEvents = () => eventsOf(ids, ["measure.lightChanged"]);
    // First sighting: the light is recorded, nothing emitted.
    await run("2028-01-10");
    expect(await db.measureLightState.findUnique({ where: { measureId: measure.id } })).toMatchObject({ light: "GREEN" });
    expect(await lightEvents()).toEqual([]);

    await db.measure.update({ where: { id: measure.id }, data: { percentComplete: 0 } });
    await run("2028-01-11");
    const [yellow, ...rest] = await lightEvents();
    expect(rest).toEqual([]);
    expect(yellow).toMatchObject({
      key: `measure.lightChanged:${measure.id}:YELLOW:2028-01-11`,
      audienceUnitIds: [unitId],
      audienceRoles: ["INSPECTOR", "LEADER"],
    });
    expect(yellow?.payload).toMatchObject({ light: "YELLOW", previous: "GREEN" });
    await run("2028-01-11");
    await run("2028-01-12");
    expect(await lightEvents()).toHaveLength(1);

    // Back to green: recorded, no event.
    await db.measure.update({ where: { id: measure.id }, data: { percentComplete: 60 } });
    await run("2028-01-13");
    expect(await lightEvents()).toHaveLength(1);
    expect(await db.measureLightState.findUnique({ where: { measureId: measure.id } })).toMatchObject({ light: "GREEN", changedOn: date("2028-01-13") });

    // Overdue: red.
    await db.measure.update({ where: { id: measure.id }, data: { dueDate: date("2028-01-13") } });
    await run("2028-01-14");
    expect((await lightEvents()).map((e) => e.key)).toEqual([yellow?.key, `measure.lightChanged:${measure.id}:RED:2028-01-14`]);
    expect(await db.measureLightState.findUnique({ where: { measureId: completed.id } })).toMatchObject({ light: "COMPLETED" });
  });
});

describe("[REMINDERS] runs at once and re-runs", () => {
  it("two runs started together record each reminder once (advisory lock, then keys)", async () => {
    const measures = await Promise.all([longMeasure(), longMeasure(), longMeasure(unitId, { dueDate: date("2028-05-31") })]);
    const ids = measures.map((m) => m.id);
    const all = ["report.dueSoon", "report.dueToday", "report.missing", "measure.dueSoon", "measure.overdue", "milestone.dueSoon", "milestone.overdue", "measure.lightChanged"];
    const [a, b] = await Promise.all([run("2028-05-29"), run("2028-05-29")]);
    const recorded = await eventsOf(ids, all);
    // Three missing reports and one measure due within 30 days, once each, whichever run did the work.
    expect(recorded.map((e) => e.type).sort()).toEqual(["measure.dueSoon", "report.missing", "report.missing", "report.missing"]);
    expect(a.ran || b.ran).toBe(true);
    const c = await run("2028-05-29");
    expect(c.total).toBe(0);
    expect(await eventsOf(ids, all)).toHaveLength(recorded.length);
  });
});

describe("[REMINDERS] the advisory lock", () => {
  // On the embedded database a transaction holds the whole database, so a second run simply waits its turn (above).
  it.skipIf(inject("databaseKind") === "pglite")("a run while another instance holds the lock does nothing", async () => {
    const measure = await longMeasure();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const holder = db.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${REMINDERS_LOCK_KEY}::bigint)`;
      locked();
      await held;
    }, { timeout: 60_000 });
    await isLocked;
    try {
      const result = await run("2028-06-29");
      expect(result).toMatchObject({ ran: false, total: 0 });
      expect(await eventsOf([measure.id], REPORT_TYPES)).toEqual([]);
    } finally {
      release();
      await holder;
    }
    expect((await run("2028-06-29")).ran).toBe(true);
    expect((await eventsOf([measure.id], REPORT_TYPES)).map((e) => e.type)).toEqual(["report.missing"]);
  });
});

describe("[REMINDERS] events of people's actions", () => {
  it("submitting, returning, requesting and deciding an extension emit events to the right audience", async () => {
    const measure = await seedMeasure(db, areaId, unitId);
    const period = currentPeriod();
    const today = date(new Date().toISOString().slice(0, 10));
    const form = saveReportInputSchema.parse({
      measureCode: measure.code, period, percentComplete: "60", progress: "进展", problems: "", nextSteps: "", kpiActual: "", investmentCompleted: "", intent: "save",
    });
    const { reportId } = await saveReport(db, official, form, today);
    expect(await eventsOf([measure.id], ["report.submitted"])).toEqual([]);
    await saveReport(db, official, { ...form, intent: "submit", version: 1 }, today);
    const [submitted] = await eventsOf([measure.id], ["report.submitted"]);
    expect(submitted).toMatchObject({ entityType: "ProgressReport", entityId: reportId, audienceRoles: ["INSPECTOR", "LEADER"], actorId: official.id });
    expect(submitted?.payload).toMatchObject({ period, code: measure.code });

    await reviewReport(db, inspector, { reportId, version: 2, decision: "return", comment: "请补充" });
    const [returned] = await eventsOf([measure.id], ["report.returned"]);
    expect(returned).toMatchObject({ entityId: reportId, audienceUnitIds: [unitId], audienceRoles: [] });
    expect(returned?.payload).toMatchObject({ comment: "请补充" });

    const requestedDueDate = new Date(measure.dueDate!.getTime() + 90 * 86_400_000);
    await requestExtension(db, official, { measureCode: measure.code, requestedDueDate, reason: "拆迁滞后" }, today);
    const request = await db.extensionRequest.findFirstOrThrow({ where: { measureId: measure.id } });
    const [requested] = await eventsOf([measure.id], ["extension.requested"]);
    expect(requested).toMatchObject({ entityType: "ExtensionRequest", entityId: request.id, audienceRoles: ["INSPECTOR"] });
    await decideExtension(db, inspector, { extensionId: request.id, version: 1, decision: "reject", comment: "理由不足" });
    const [decided] = await eventsOf([measure.id], ["extension.decided"]);
    expect(decided).toMatchObject({ audienceUnitIds: [unitId], audienceUserIds: [official.id] });
    expect(decided?.payload).toMatchObject({ state: "REJECTED", comment: "理由不足" });
  });
});

describe("[REMINDERS] settings", () => {
  it("are stored, read back and audited; a bad stored value falls back to the defaults", async () => {
    const admin = asSession(await seedUser(db, "ADMIN", null));
    const original = await getReminderSettings(db);
    try {
      await updateReminderSettings(db, admin, { reportDueDays: 5, milestoneDueDays: 10, missingRepeatDays: 7 });
      expect(await getReminderSettings(db)).toEqual({ reportDueDays: 5, milestoneDueDays: 10, missingRepeatDays: 7 });
      expect(await db.auditEvent.count({ where: { actorId: admin.id, action: "settings.update", entityId: "reminders" } })).toBe(1);
      await db.setting.update({ where: { key: "missingRepeatDays" }, data: { value: 0 } });
      expect((await getReminderSettings(db)).missingRepeatDays).toBe(3);
    } finally {
      await updateReminderSettings(db, admin, original);
    }
  });
});
