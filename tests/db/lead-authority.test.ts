import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/session-user";
import { reopenMeasure } from "@/lib/extensions/reopen-measure";
import { getDashboardData } from "@/lib/dashboard/get-dashboard-data";
import { dashboardQuerySchema } from "@/lib/dashboard/schemas";
import { listLedger } from "@/lib/ledger/list-ledger";
import { ledgerQuerySchema } from "@/lib/ledger/schemas";
import { loadMeasurePage } from "@/lib/measures/load-measure-page";
import { refreshLatestReports } from "@/lib/reports/refresh-latest-report";
import { reviewReport } from "@/lib/reports/review-report";
import { saveReport } from "@/lib/reports/save-report";
import { saveReportInputSchema } from "@/lib/reports/schemas";
import { listReviewQueue } from "@/lib/reviews/list-review-queue";
import { reviewQueueQuerySchema } from "@/lib/reviews/schemas";
import { listTimeline } from "@/lib/timeline/list-timeline";
import { seedArea, seedMeasure, seedReport, seedUnit, seedUser } from "./fixtures";
import { testDb } from "./helpers";

/**
 * Lead-unit authority (#14): only the lead unit's approved report sets the
 * measure's percent, KPI, investment and close-out; cooperating units report
 * their own part, shown beside the lead's; nobody decides a report they wrote;
 * the measure follows the lead unit's newest approved month whatever the order
 * of approvals.
 */
const db = testDb();
const today = new Date("2026-11-28T00:00:00Z");

/** The reports of this measure in the user's review queue (lib/reviews). */
const reviewIds = async (user: SessionUser, code: string) =>
  (await listReviewQueue(db, user, reviewQueueQuerySchema.parse({ kind: "report", q: code, perPage: "200" }), today)).rows.map((row) => row.id);
const settings = { reportingDay: 28, paceMarginPercent: 10, dueSoonDays: 30 };
let areaId: string;
let areaCode: string;
let leadUnitId: string;
let coopUnitId: string;
let secondCoopUnitId: string;
let leadOfficial: SessionUser;
let coopOfficial: SessionUser;
let secondCoopOfficial: SessionUser;
let inspector: SessionUser;
let leader: SessionUser;

type SeededUser = { id: string; loginName: string; displayName: string; role: SessionUser["role"]; unitId: string | null };
const asSession = (user: SeededUser): SessionUser => ({ ...user, mustChangePassword: false });
const form = (measureCode: string, overrides: Record<string, string> = {}) =>
  saveReportInputSchema.parse({
    measureCode,
    period: "2026-11",
    percentComplete: "60",
    progress: "本月进展",
    problems: "",
    nextSteps: "",
    kpiActual: "12.5",
    investmentCompleted: "3000",
    intent: "submit",
    ...overrides,
  });
const measureOf = (id: string) => db.measure.findUniqueOrThrow({ where: { id } });
const versionOf = async (reportId: string) => (await db.progressReport.findUniqueOrThrow({ where: { id: reportId } })).version;
const approve = async (reviewer: SessionUser, reportId: string) =>
  reviewReport(db, reviewer, { reportId, version: await versionOf(reportId), decision: "approve", comment: "" });
const figures = async (id: string) => {
  const measure = await measureOf(id);
  return {
    percentComplete: measure.percentComplete,
    status: measure.status,
    kpiActual: measure.kpiActual?.toNumber() ?? null,
    investmentCompleted: measure.investmentCompleted?.toNumber() ?? null,
  };
};
/** A measure with a KPI and an investment plan, led by the lead unit with two cooperating units. */
const seedFullMeasure = async (percentComplete = 20) => {
  const measure = await seedMeasure(db, areaId, leadUnitId, [coopUnitId, secondCoopUnitId], { percentComplete });
  return db.measure.update({
    where: { id: measure.id },
    data: { kpiNameZh: "指标", kpiNameEn: "Indicator", kpiUnit: "个", kpiTarget: 100, kpiActual: 5, investmentPlanned: 10000, investmentCompleted: 1000 },
  });
};

beforeAll(async () => {
  const area = await seedArea(db);
  areaId = area.id;
  areaCode = area.code;
  leadUnitId = (await seedUnit(db)).id;
  coopUnitId = (await seedUnit(db)).id;
  secondCoopUnitId = (await seedUnit(db)).id;
  leadOfficial = asSession(await seedUser(db, "OFFICIAL", leadUnitId));
  coopOfficial = asSession(await seedUser(db, "OFFICIAL", coopUnitId));
  secondCoopOfficial = asSession(await seedUser(db, "OFFICIAL", secondCoopUnitId));
  inspector = asSession(await seedUser(db, "INSPECTOR", null));
  leader = asSession(await seedUser(db, "LEADER", null));
});
afterAll(() => db.$disconnect());

describe("[LEAD] a cooperating unit's approved report never becomes the measure's figures", () => {
  it("leaves percent, KPI, investment, status, version and latest report state alone, and writes no measure history", async () => {
    const measure = await seedFullMeasure(20);
    const before = await measureOf(measure.id);
    const { reportId } = await saveReport(db, coopOfficial, form(measure.code, { percentComplete: "95", kpiActual: "80", investmentCompleted: "9000" }), today);
    await approve(inspector, reportId);

    expect(await db.progressReport.findUniqueOrThrow({ where: { id: reportId } })).toMatchObject({ state: "APPROVED", percentComplete: 95 });
    expect(await figures(measure.id)).toEqual({ percentComplete: 20, status: "IN_PROGRESS", kpiActual: 5, investmentCompleted: 1000 });
    const after = await measureOf(measure.id);
    expect(after.version).toBe(before.version);
    expect(after.latestReportState).toBeNull();
    expect(after.latestReportPeriod).toBeNull();
    expect(await db.auditEvent.count({ where: { entityType: "Measure", entityId: measure.id } })).toBe(0);
  });

  it("cannot claim completion: save and submit refused on the isCompletion field, nothing written", async () => {
    const measure = await seedFullMeasure(30);
    for (const intent of ["save", "submit"]) {
      await expect(saveReport(db, coopOfficial, form(measure.code, { percentComplete: "100", isCompletion: "on", intent }), today)).rejects.toMatchObject({
        code: "VALIDATION",
        fieldErrors: { isCompletion: { key: "completionLeadOnly" } },
      });
    }
    expect(await db.progressReport.count({ where: { measureId: measure.id } })).toBe(0);
    // Its own part may well be 100 % done: that is no close-out.
    const { reportId } = await saveReport(db, coopOfficial, form(measure.code, { percentComplete: "100" }), today);
    await approve(inspector, reportId);
    expect(await figures(measure.id)).toMatchObject({ percentComplete: 30, status: "IN_PROGRESS" });
  });

  it("the message says so in both languages", () => {
    for (const file of ["zh-CN", "en"]) {
      const messages = JSON.parse(readFileSync(`messages/${file}.json`, "utf8"));
      expect(messages.fieldErrors.completionLeadOnly).toMatch(file === "en" ? /lead unit/ : /牵头单位/);
      expect(messages.errors.OWN_REPORT).toMatch(file === "en" ? /you wrote/ : /本人/);
    }
  });

  it("the report form offers the completion box to the lead unit only, and tells a cooperating unit it reports its part", async () => {
    const measure = await seedFullMeasure();
    const asLead = await loadMeasurePage(db, leadOfficial, measure.code, "2026-11");
    const asCoop = await loadMeasurePage(db, coopOfficial, measure.code, "2026-11");
    expect(asLead!.reportSlot).toMatchObject({ isLeadUnit: true });
    expect(asCoop!.reportSlot).toMatchObject({ isLeadUnit: false });
    const detail = readFileSync("components/measure/measure-detail.tsx", "utf8");
    expect(detail).toContain("canClose={slot.isLeadUnit}");
    expect(detail).toContain("!slot.isLeadUnit");
    expect(readFileSync("components/measure/report-form.tsx", "utf8")).toMatch(/\{props\.canClose && \(\s*<label/);
  });

  it("dashboard, ledger and timeline still show the lead unit's figures after a cooperating unit's report is approved", async () => {
    const area = await seedArea(db);
    const measure = await seedMeasure(db, area.id, leadUnitId, [coopUnitId], { percentComplete: 25 });
    await db.measure.update({ where: { id: measure.id }, data: { investmentPlanned: 500, investmentCompleted: 50 } });
    const lead = await seedReport(db, measure.id, leadUnitId, leadOfficial.id, "2026-10", "SUBMITTED", 25);
    await approve(inspector, lead.id);
    const { reportId } = await saveReport(db, coopOfficial, form(measure.code, { percentComplete: "100", investmentCompleted: "480" }), today);
    await approve(inspector, reportId);

    const dashboard = await getDashboardData(db, dashboardQuerySchema.parse({ area: area.code }), today, settings, { withTrend: false });
    expect(dashboard.lightCounts.COMPLETED).toBe(0);
    expect(dashboard.investment.completed).toBe(50);
    const ledger = await listLedger(db, ledgerQuerySchema.parse({ area: area.code, perPage: 200 }), today, settings);
    expect(ledger.rows.map((row) => [row.percentComplete, row.status])).toEqual([[25, "IN_PROGRESS"]]);
    const asOf = await listLedger(db, ledgerQuerySchema.parse({ area: area.code, perPage: 200, asOf: "2026-11" }), today, settings);
    expect(asOf.rows.map((row) => [row.percentComplete, row.status])).toEqual([[25, "IN_PROGRESS"]]);
    const timeline = await listTimeline(db, dashboardQuerySchema.parse({ area: area.code }), today, settings);
    expect(timeline.areas.flatMap((entry) => entry.measures).map((row) => row.percentComplete)).toEqual([25]);
  });
});

describe("[LEAD] the lead unit's approved report governs the measure", () => {
  it("sets percent, KPI and investment, and its completion report closes the measure out", async () => {
    const measure = await seedFullMeasure(20);
    const { reportId } = await saveReport(db, leadOfficial, form(measure.code, { period: "2026-10", percentComplete: "70", kpiActual: "60", investmentCompleted: "6000" }), today);
    await approve(inspector, reportId);
    expect(await figures(measure.id)).toEqual({ percentComplete: 70, status: "IN_PROGRESS", kpiActual: 60, investmentCompleted: 6000 });
    expect(await measureOf(measure.id)).toMatchObject({ latestReportState: "APPROVED", latestReportPeriod: new Date("2026-10-01T00:00:00Z") });

    const { reportId: closing } = await saveReport(db, leadOfficial, form(measure.code, { percentComplete: "100", isCompletion: "on", kpiActual: "100" }), today);
    await approve(leader, closing);
    expect(await figures(measure.id)).toMatchObject({ percentComplete: 100, status: "COMPLETED", kpiActual: 100 });
    expect(await db.auditEvent.findFirst({ where: { entityType: "Measure", entityId: measure.id, action: "measure.closeOut" } })).not.toBeNull();
  });
});

describe("[LEAD] nobody decides a report they wrote", () => {
  it("a reviewer who authored the report can neither approve nor return it; the report and measure are untouched", async () => {
    const measure = await seedFullMeasure(10);
    const author = asSession(await seedUser(db, "OFFICIAL", leadUnitId));
    const { reportId } = await saveReport(db, author, form(measure.code), today);
    await db.user.update({ where: { id: author.id }, data: { role: "LEADER", unitId: null } });
    const promoted: SessionUser = { ...author, role: "LEADER", unitId: null };

    await expect(approve(promoted, reportId)).rejects.toMatchObject({ code: "OWN_REPORT" });
    await expect(reviewReport(db, promoted, { reportId, version: 1, decision: "return", comment: "退回自己的" })).rejects.toMatchObject({ code: "OWN_REPORT" });
    expect(await db.progressReport.findUniqueOrThrow({ where: { id: reportId } })).toMatchObject({ state: "SUBMITTED", version: 1, reviewerId: null });
    expect((await measureOf(measure.id)).percentComplete).toBe(10);

    // The page offers them no review form for it; another reviewer decides.
    const page = await loadMeasurePage(db, promoted, measure.code, undefined);
    expect(page!.writtenReportIds).toEqual([reportId]);
    expect((await loadMeasurePage(db, inspector, measure.code, undefined))!.writtenReportIds).toEqual([]);
    await approve(inspector, reportId);
    expect((await measureOf(measure.id)).percentComplete).toBe(60);
  });

  it("an earlier writer (not the last author) finds the report neither in their queue nor on the page, and cannot approve it", async () => {
    const measure = await seedFullMeasure();
    const drafter = asSession(await seedUser(db, "OFFICIAL", leadUnitId));
    const { reportId } = await saveReport(db, drafter, form(measure.code, { intent: "save" }), today);
    await saveReport(db, leadOfficial, form(measure.code, { version: "1" }), today);
    await db.user.update({ where: { id: drafter.id }, data: { role: "INSPECTOR", unitId: null } });
    const promoted: SessionUser = { ...drafter, role: "INSPECTOR", unitId: null };

    expect(await reviewIds(promoted, measure.code)).not.toContain(reportId);
    expect(await reviewIds(inspector, measure.code)).toContain(reportId);
    expect((await loadMeasurePage(db, promoted, measure.code, undefined))!.writtenReportIds).toEqual([reportId]);
    await expect(approve(promoted, reportId)).rejects.toMatchObject({ code: "OWN_REPORT" });
  });

  it("the review queue tells a lead unit's report from a cooperating unit's", async () => {
    const measure = await seedFullMeasure();
    const { reportId: leadId } = await saveReport(db, leadOfficial, form(measure.code), today);
    const { reportId: coopId } = await saveReport(db, coopOfficial, form(measure.code), today);
    const queue = (await listReviewQueue(db, inspector, reviewQueueQuerySchema.parse({ kind: "report", q: measure.code }), today)).rows;
    const role = (id: string) => queue.find((row) => row.id === id)!.role;
    expect([role(leadId), role(coopId)]).toEqual(["lead", "cooperating"]);
  });
});

describe("[LEAD] re-approving a month: the measure follows the lead unit's newest approved month", () => {
  it("an older month approved after a newer one is recorded but does not roll the figures back", async () => {
    const measure = await seedFullMeasure(10);
    const { reportId: october } = await saveReport(db, leadOfficial, form(measure.code, { period: "2026-10", percentComplete: "40", kpiActual: "30", investmentCompleted: "4000" }), today);
    const { reportId: november } = await saveReport(db, leadOfficial, form(measure.code, { percentComplete: "55", kpiActual: "45", investmentCompleted: "5500" }), today);
    await approve(inspector, november);
    const newest = { percentComplete: 55, status: "IN_PROGRESS", kpiActual: 45, investmentCompleted: 5500 };
    expect(await figures(measure.id)).toEqual(newest);
    await approve(inspector, october);
    expect(await db.progressReport.findUniqueOrThrow({ where: { id: october } })).toMatchObject({ state: "APPROVED" });
    expect(await figures(measure.id)).toEqual(newest);
    expect(await measureOf(measure.id)).toMatchObject({ latestReportPeriod: new Date("2026-11-01T00:00:00Z") });
  });

  it("both orders of approval end with the same figures", async () => {
    const results = [];
    for (const order of [["2026-10", "2026-11"], ["2026-11", "2026-10"]]) {
      const measure = await seedFullMeasure(10);
      const ids: Record<string, string> = {};
      for (const [period, percent] of [["2026-10", "35"], ["2026-11", "50"]] as const) {
        ids[period] = (await saveReport(db, leadOfficial, form(measure.code, { period, percentComplete: percent, kpiActual: percent }), today)).reportId;
      }
      for (const period of order) await approve(inspector, ids[period]!);
      results.push(await figures(measure.id));
    }
    expect(results[0]).toEqual({ percentComplete: 50, status: "IN_PROGRESS", kpiActual: 50, investmentCompleted: 3000 });
    expect(results[1]).toEqual(results[0]);
  });

  it("two reviewers approving two months at the same moment still end on the newer month", async () => {
    const measure = await seedFullMeasure(10);
    const { reportId: october } = await saveReport(db, leadOfficial, form(measure.code, { period: "2026-10", percentComplete: "35" }), today);
    const { reportId: november } = await saveReport(db, leadOfficial, form(measure.code, { percentComplete: "50" }), today);
    await Promise.all([approve(inspector, october), approve(leader, november)]);
    expect(await figures(measure.id)).toMatchObject({ percentComplete: 50, status: "IN_PROGRESS" });
  });

  it("an approved month cannot be approved again nor revised: one report per unit and month, approved is final", async () => {
    const measure = await seedFullMeasure(10);
    const { reportId } = await saveReport(db, leadOfficial, form(measure.code, { percentComplete: "45" }), today);
    await approve(inspector, reportId);
    await expect(approve(leader, reportId)).rejects.toMatchObject({ code: "INVALID_STATE" });
    const version = await versionOf(reportId);
    await expect(saveReport(db, leadOfficial, form(measure.code, { percentComplete: "20", version: String(version) }), today)).rejects.toMatchObject({
      code: "INVALID_STATE",
    });
    expect(await db.progressReport.count({ where: { measureId: measure.id, unitId: leadUnitId } })).toBe(1);
    expect((await measureOf(measure.id)).percentComplete).toBe(45);
  });

  it("a cooperating unit's newer month never counts as 'newer' for the lead's figures", async () => {
    const measure = await seedFullMeasure(10);
    const coop = await seedReport(db, measure.id, coopUnitId, coopOfficial.id, "2026-11", "SUBMITTED", 90);
    await approve(inspector, coop.id);
    const { reportId } = await saveReport(db, leadOfficial, form(measure.code, { period: "2026-10", percentComplete: "40" }), today);
    await approve(inspector, reportId);
    expect(await figures(measure.id)).toMatchObject({ percentComplete: 40 });
  });
});

describe("[LEAD] the measure page shows each cooperating unit's own part beside the lead's", () => {
  it("lists every cooperating unit with its latest approved month and figures; not its submitted, returned or draft reports", async () => {
    const measure = await seedFullMeasure(20);
    const { reportId: septemberCoop } = await saveReport(db, coopOfficial, form(measure.code, { period: "2026-09", percentComplete: "30", kpiActual: "3", investmentCompleted: "300", progress: "配合九月" }), today);
    const { reportId: octoberCoop } = await saveReport(db, coopOfficial, form(measure.code, { period: "2026-10", percentComplete: "45", kpiActual: "4.5", investmentCompleted: "450", progress: "配合十月" }), today);
    await approve(inspector, octoberCoop);
    await approve(inspector, septemberCoop);
    // A newer month only submitted does not replace the approved one.
    await saveReport(db, coopOfficial, form(measure.code, { percentComplete: "70", progress: "配合十一月待审" }), today);
    const { reportId: leadReport } = await saveReport(db, leadOfficial, form(measure.code, { percentComplete: "50" }), today);
    await approve(inspector, leadReport);

    for (const viewer of [inspector, leadOfficial, secondCoopOfficial]) {
      const page = await loadMeasurePage(db, viewer, measure.code, undefined);
      const parts = page!.cooperatingParts.map(({ unit, latestApproved }) => ({
        unit: unit.id,
        period: latestApproved?.period.toISOString().slice(0, 7) ?? null,
        percent: latestApproved?.percentComplete ?? null,
        kpi: latestApproved?.kpiActual?.toNumber() ?? null,
        investment: latestApproved?.investmentCompleted?.toNumber() ?? null,
        progress: latestApproved?.progress ?? null,
      }));
      expect(parts).toHaveLength(2);
      expect(parts).toContainEqual({ unit: coopUnitId, period: "2026-10", percent: 45, kpi: 4.5, investment: 450, progress: "配合十月" });
      expect(parts).toContainEqual({ unit: secondCoopUnitId, period: null, percent: null, kpi: null, investment: null, progress: null });
      // The measure's own figures are the lead unit's.
      expect(page!.measure.percentComplete).toBe(50);
    }
  });

  it("a measure without cooperating units has no parts", async () => {
    const measure = await seedMeasure(db, areaId, leadUnitId);
    expect((await loadMeasurePage(db, inspector, measure.code, undefined))!.cooperatingParts).toEqual([]);
  });
});

describe("[LEAD] a change of lead unit", () => {
  it("makes the latest report state follow the new lead unit's reports", async () => {
    const measure = await seedMeasure(db, areaId, leadUnitId, [coopUnitId]);
    await seedReport(db, measure.id, leadUnitId, leadOfficial.id, "2026-11", "RETURNED", 40);
    await seedReport(db, measure.id, coopUnitId, coopOfficial.id, "2026-10", "APPROVED", 60);
    expect(await measureOf(measure.id)).toMatchObject({ latestReportState: "RETURNED" });

    await db.measure.update({ where: { id: measure.id }, data: { leadUnitId: coopUnitId } });
    await db.$transaction((tx) => refreshLatestReports(tx, [measure.id]));
    expect(await measureOf(measure.id)).toMatchObject({ latestReportState: "APPROVED", latestReportPeriod: new Date("2026-10-01T00:00:00Z") });

    // The former lead unit's reports no longer speak for the measure.
    const ledger = await listLedger(db, ledgerQuerySchema.parse({ area: areaCode, perPage: 200, asOf: "2026-11" }), today, settings);
    expect(ledger.rows.find((row) => row.id === measure.id)).toMatchObject({ percentComplete: 60 });
  });
});

describe("[LEAD] a closed-out measure keeps its newest approved month a completion report", () => {
  it("refuses a later ordinary month of the lead unit (clear error, nothing changed), accepts a later completion report, and takes later months again once reopened", async () => {
    const measure = await seedFullMeasure(90);
    const { reportId: october } = await saveReport(db, leadOfficial, form(measure.code, { period: "2026-10", percentComplete: "100", isCompletion: "on" }), today);
    const { reportId: november } = await saveReport(db, leadOfficial, form(measure.code, { percentComplete: "80" }), today);
    await approve(inspector, october);
    expect(await figures(measure.id)).toMatchObject({ percentComplete: 100, status: "COMPLETED" });

    await expect(approve(inspector, november)).rejects.toMatchObject({ code: "MEASURE_CLOSED_OUT" });
    expect(await db.progressReport.findUniqueOrThrow({ where: { id: november } })).toMatchObject({ state: "SUBMITTED", reviewerId: null });
    for (const file of ["zh-CN", "en"]) {
      expect(JSON.parse(readFileSync(`messages/${file}.json`, "utf8")).errors.MEASURE_CLOSED_OUT).toMatch(file === "en" ? /closed out/ : /销号/);
    }
    // Returning it is allowed; so is approving a cooperating unit's report meanwhile (it changes nothing).
    const coop = await seedReport(db, measure.id, coopUnitId, coopOfficial.id, "2026-11", "SUBMITTED", 50);
    await approve(inspector, coop.id);
    expect(await figures(measure.id)).toMatchObject({ percentComplete: 100, status: "COMPLETED" });
    await reviewReport(db, inspector, { reportId: november, version: await versionOf(november), decision: "return", comment: "已销号" });

    // The as-of view of November agrees with the measure: still the October completion.
    const asOf = await listLedger(db, ledgerQuerySchema.parse({ area: areaCode, perPage: 200, asOf: "2026-11" }), today, settings);
    expect(asOf.rows.find((row) => row.id === measure.id)).toMatchObject({ percentComplete: 100, status: "COMPLETED" });

    // Once an inspector reopens the measure, the corrected November report is submitted and governs again.
    await reopenMeasure(db, inspector, { measureCode: measure.code, version: (await measureOf(measure.id)).version, reason: "十一月尚未完成" });
    await saveReport(db, leadOfficial, form(measure.code, { percentComplete: "85", version: String(await versionOf(november)) }), today);
    await approve(inspector, november);
    expect(await figures(measure.id)).toMatchObject({ percentComplete: 85, status: "IN_PROGRESS" });
  });

  it("a later completion report of a closed-out measure is approved without a second close-out", async () => {
    const measure = await seedFullMeasure(90);
    const october = await seedReport(db, measure.id, leadUnitId, leadOfficial.id, "2026-10", "SUBMITTED", 100);
    const november = await seedReport(db, measure.id, leadUnitId, leadOfficial.id, "2026-11", "SUBMITTED", 100);
    await db.progressReport.updateMany({ where: { id: { in: [october.id, november.id] } }, data: { isCompletion: true, status: "COMPLETED" } });
    await approve(inspector, october.id);
    await approve(leader, november.id);
    expect(await figures(measure.id)).toMatchObject({ percentComplete: 100, status: "COMPLETED" });
    const actions = await db.auditEvent.findMany({ where: { entityType: "Measure", entityId: measure.id }, select: { action: true } });
    expect(actions.map((event) => event.action).sort()).toEqual(["measure.closeOut", "measure.figuresFromReport"]);
  });
});
