import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/session-user";
import { decideExtension } from "@/lib/extensions/decide-extension";
import { reopenMeasure } from "@/lib/extensions/reopen-measure";
import { requestExtension } from "@/lib/extensions/request-extension";
import { listMissingReports } from "@/lib/reports/list-missing-reports";
import { reviewReport } from "@/lib/reports/review-report";
import { saveReport } from "@/lib/reports/save-report";
import { saveReportInputSchema } from "@/lib/reports/schemas";
import { seedArea, seedMeasure, seedReport, seedUnit, seedUser } from "./fixtures";
import { testDb } from "./helpers";

const db = testDb();
const today = new Date("2026-11-28T00:00:00Z");
let unitId: string;
let areaId: string;
let official: SessionUser;
let inspector: SessionUser;
let leader: SessionUser;

const asSession = (user: { id: string; loginName: string; displayName: string; role: SessionUser["role"]; unitId: string | null }): SessionUser => ({
  ...user,
  mustChangePassword: false,
});
const reportForm = (measureCode: string, overrides: Record<string, string> = {}) =>
  saveReportInputSchema.parse({
    measureCode,
    period: "2026-11",
    percentComplete: "60",
    progress: "完成主体工程",
    problems: "资金到位慢",
    nextSteps: "加快验收",
    kpiActual: "12.5",
    investmentCompleted: "3000",
    intent: "submit",
    ...overrides,
  });

beforeAll(async () => {
  unitId = (await seedUnit(db)).id;
  areaId = (await seedArea(db)).id;
  official = asSession(await seedUser(db, "OFFICIAL", unitId));
  inspector = asSession(await seedUser(db, "INSPECTOR", null));
  leader = asSession(await seedUser(db, "LEADER", null));
});
afterAll(() => db.$disconnect());

describe("[REPORT] report, return, resubmit, approve", () => {
  it("approval carries the figures onto the measure, with audit events", async () => {
    const measure = await seedMeasure(db, areaId, unitId, [], { percentComplete: 10 });
    const { reportId } = await saveReport(db, official, reportForm(measure.code), today);
    await reviewReport(db, inspector, { reportId, version: 1, decision: "return", comment: "请补充数据" });
    const returned = await db.progressReport.findUniqueOrThrow({ where: { id: reportId } });
    expect(returned).toMatchObject({ state: "RETURNED", reviewComment: "请补充数据", version: 2 });
    expect((await db.measure.findUniqueOrThrow({ where: { id: measure.id } })).percentComplete).toBe(10);

    await saveReport(db, official, reportForm(measure.code, { version: "2", percentComplete: "65" }), today);
    await reviewReport(db, leader, { reportId, version: 3, decision: "approve", comment: "" });
    const after = await db.measure.findUniqueOrThrow({ where: { id: measure.id } });
    expect(after.percentComplete).toBe(65);
    expect(after.kpiActual?.toNumber()).toBe(12.5);
    expect(after.investmentCompleted?.toNumber()).toBe(3000);
    expect(after.version).toBe(2);
    // Events of one transaction share its timestamp, so compare as a set.
    const actions = (await db.auditEvent.findMany({ where: { entityId: { in: [reportId, measure.id] } } })).map((e) => e.action);
    expect(actions.sort()).toEqual(["measure.figuresFromReport", "report.approve", "report.return", "report.submit", "report.submit"]);
  });

  it("approving an older month never overwrites a newer approved one", async () => {
    const measure = await seedMeasure(db, areaId, unitId);
    await seedReport(db, measure.id, unitId, official.id, "2026-10", "APPROVED", 70);
    await db.measure.update({ where: { id: measure.id }, data: { percentComplete: 70 } });
    const older = await seedReport(db, measure.id, unitId, official.id, "2026-09", "SUBMITTED", 50);
    await reviewReport(db, inspector, { reportId: older.id, version: 1, decision: "approve", comment: "" });
    expect((await db.measure.findUniqueOrThrow({ where: { id: measure.id } })).percentComplete).toBe(70);
  });

  it("one report per measure, unit and month: a second new one is a conflict", async () => {
    const measure = await seedMeasure(db, areaId, unitId);
    await saveReport(db, official, reportForm(measure.code, { intent: "save" }), today);
    await expect(saveReport(db, official, reportForm(measure.code, { intent: "save" }), today)).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(saveReport(db, official, reportForm(measure.code, { period: "2026-12" }), today)).rejects.toMatchObject({
      fieldErrors: { period: { key: "periodInFuture" } },
    });
    expect(await db.progressReport.count({ where: { measureId: measure.id } })).toBe(1);
  });

  it("a submitted report cannot be edited until it is returned", async () => {
    const measure = await seedMeasure(db, areaId, unitId);
    await saveReport(db, official, reportForm(measure.code), today);
    await expect(saveReport(db, official, reportForm(measure.code, { version: "1" }), today)).rejects.toMatchObject({ code: "INVALID_STATE" });
  });

  it("a completion report closes the measure out; an inspector can reopen it", async () => {
    const measure = await seedMeasure(db, areaId, unitId);
    const { reportId } = await saveReport(db, official, reportForm(measure.code, { percentComplete: "100", isCompletion: "on" }), today);
    await reviewReport(db, inspector, { reportId, version: 1, decision: "approve", comment: "" });
    const closed = await db.measure.findUniqueOrThrow({ where: { id: measure.id } });
    expect(closed).toMatchObject({ status: "COMPLETED", percentComplete: 100 });

    await reopenMeasure(db, inspector, { measureCode: measure.code, version: closed.version, reason: "复查发现遗留问题" });
    expect((await db.measure.findUniqueOrThrow({ where: { id: measure.id } })).status).toBe("IN_PROGRESS");
    const reopened = await db.auditEvent.findFirstOrThrow({ where: { entityId: measure.id, action: "measure.reopen" } });
    expect(reopened.after).toMatchObject({ reason: "复查发现遗留问题" });
  });

  it("a completion report must say 100 %", () => {
    expect(() => reportForm("X", { percentComplete: "90", isCompletion: "on" })).toThrow();
  });
});

describe("[EXTENSION] asking for more time", () => {
  it("approval moves the due date; both stay in the history", async () => {
    const measure = await seedMeasure(db, areaId, unitId, [], { dueDate: new Date("2027-03-31T00:00:00Z") });
    const requestedDueDate = new Date("2027-09-30T00:00:00Z");
    await requestExtension(db, official, { measureCode: measure.code, requestedDueDate, reason: "拆迁滞后" }, today);
    await expect(
      requestExtension(db, official, { measureCode: measure.code, requestedDueDate, reason: "再次申请" }, today),
    ).rejects.toMatchObject({ fieldErrors: { requestedDueDate: { key: "extensionPending" } } });

    const request = await db.extensionRequest.findFirstOrThrow({ where: { measureId: measure.id } });
    await decideExtension(db, inspector, { extensionId: request.id, version: 1, decision: "approve", comment: "" });
    expect((await db.measure.findUniqueOrThrow({ where: { id: measure.id } })).dueDate).toEqual(requestedDueDate);
    const actions = (await db.auditEvent.findMany({ where: { entityId: measure.id } })).map((e) => e.action);
    expect(actions.sort()).toEqual(["extension.approve", "extension.request"]);
  });

  it("is refused once overdue, or for an earlier date", async () => {
    const overdue = await seedMeasure(db, areaId, unitId, [], { dueDate: new Date("2026-11-27T00:00:00Z") });
    await expect(
      requestExtension(db, official, { measureCode: overdue.code, requestedDueDate: new Date("2027-01-01T00:00:00Z"), reason: "晚了" }, today),
    ).rejects.toMatchObject({ fieldErrors: { requestedDueDate: { key: "alreadyOverdue" } } });
    const later = await seedMeasure(db, areaId, unitId, [], { dueDate: new Date("2027-06-30T00:00:00Z") });
    await expect(
      requestExtension(db, official, { measureCode: later.code, requestedDueDate: new Date("2027-06-30T00:00:00Z"), reason: "同日" }, today),
    ).rejects.toMatchObject({ fieldErrors: { requestedDueDate: { key: "mustBeLater" } } });
  });
});

describe("[MISSING] who has not reported this month", () => {
  it("lists lead units with no, draft or returned reports; submitted ones are not missing", async () => {
    const lead = await seedUnit(db);
    const [none, draft, returned, submitted] = await Promise.all([1, 2, 3, 4].map(() => seedMeasure(db, areaId, lead.id)));
    await seedMeasure(db, areaId, lead.id, [], { status: "COMPLETED" });
    await seedReport(db, draft!.id, lead.id, official.id, "2026-11", "DRAFT");
    await seedReport(db, returned!.id, lead.id, official.id, "2026-11", "RETURNED");
    await seedReport(db, submitted!.id, lead.id, official.id, "2026-11", "SUBMITTED");

    const missing = (await listMissingReports(db, new Date("2026-11-01T00:00:00Z"))).find((entry) => entry.unit.code === lead.code);
    expect(missing?.expected).toBe(4);
    expect(missing?.missing.map((m) => [m.code, m.state]).sort()).toEqual(
      [[none!.code, null], [draft!.code, "DRAFT"], [returned!.code, "RETURNED"]].sort(),
    );
  });
});

describe("[REPORT] the form's optional figures", () => {
  it("may be left out entirely (measures without KPI or investment) or left blank", () => {
    const base = { measureCode: "X", period: "2026-11", percentComplete: "10", progress: "进展", problems: "", nextSteps: "", intent: "save" };
    expect(saveReportInputSchema.parse(base)).toMatchObject({ kpiActual: null, investmentCompleted: null });
    expect(saveReportInputSchema.parse({ ...base, kpiActual: "", investmentCompleted: " 12.5 " })).toMatchObject({ kpiActual: null, investmentCompleted: 12.5 });
    expect(() => saveReportInputSchema.parse({ ...base, kpiActual: "-1" })).toThrow();
  });
});
