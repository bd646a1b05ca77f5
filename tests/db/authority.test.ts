import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { SessionUser } from "@/lib/auth/session-user";
import { getReport } from "@/lib/reports/get-report";
import { listReports } from "@/lib/reports/list-reports";
import { listReportsQuerySchema } from "@/lib/reports/api-schemas";
import { listMeasureHistory } from "@/lib/audit/list-measure-history";
import { ledgerColumns } from "@/lib/ledger/ledger-columns";
import { ledgerExportBatches } from "@/lib/exports/ledger-export-rows";
import { listLedger } from "@/lib/ledger/list-ledger";
import { ledgerQuerySchema } from "@/lib/ledger/schemas";
import { loadMeasurePage } from "@/lib/measures/load-measure-page";
import { reviewReport } from "@/lib/reports/review-report";
import { saveReport } from "@/lib/reports/save-report";
import { saveReportInputSchema } from "@/lib/reports/schemas";
import { listReviewQueue } from "@/lib/reviews/list-review-queue";
import { reviewQueueQuerySchema } from "@/lib/reviews/schemas";
import { currentPeriod, seedArea, seedMeasure, seedReport, seedUnit, seedUser, uniqueSuffix } from "./fixtures";
import { testDb } from "./helpers";

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
let otherUnitId: string;
let leadOfficial: SessionUser;
let coopOfficial: SessionUser;
let otherOfficial: SessionUser;
let inspector: SessionUser;

type SeededUser = { id: string; loginName: string; displayName: string; role: SessionUser["role"]; unitId: string | null };
const asSession = (user: SeededUser): SessionUser => ({ ...user, mustChangePassword: false });
const reportForm = (measureCode: string, overrides: Record<string, string> = {}) =>
  saveReportInputSchema.parse({
    measureCode,
    period: "2026-11",
    percentComplete: "60",
    progress: "完成主体工程",
    problems: "",
    nextSteps: "",
    kpiActual: "12.5",
    investmentCompleted: "3000",
    intent: "submit",
    ...overrides,
  });
const measureOf = (id: string) => db.measure.findUniqueOrThrow({ where: { id } });
const approve = (reviewer: SessionUser, reportId: string, version = 1) => reviewReport(db, reviewer, { reportId, version, decision: "approve", comment: "" });

beforeAll(async () => {
  const area = await seedArea(db);
  areaId = area.id;
  areaCode = area.code;
  leadUnitId = (await seedUnit(db)).id;
  coopUnitId = (await seedUnit(db)).id;
  otherUnitId = (await seedUnit(db)).id;
  leadOfficial = asSession(await seedUser(db, "OFFICIAL", leadUnitId));
  coopOfficial = asSession(await seedUser(db, "OFFICIAL", coopUnitId));
  otherOfficial = asSession(await seedUser(db, "OFFICIAL", otherUnitId));
  inspector = asSession(await seedUser(db, "INSPECTOR", null));
});
afterAll(() => db.$disconnect());

describe("[AUTHORITY] only the lead unit's approved report speaks for the measure", () => {
  it("a cooperating unit cannot file a completion report; its approved report leaves the measure open and its figures alone", async () => {
    const measure = await seedMeasure(db, areaId, leadUnitId, [coopUnitId], { percentComplete: 20 });
    await expect(
      saveReport(db, coopOfficial, reportForm(measure.code, { percentComplete: "100", isCompletion: "on" }), today),
    ).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { isCompletion: { key: "completionLeadOnly" } } });

    const { reportId } = await saveReport(db, coopOfficial, reportForm(measure.code, { percentComplete: "90" }), today);
    await approve(inspector, reportId);
    expect(await measureOf(measure.id)).toMatchObject({ status: "IN_PROGRESS", percentComplete: 20, kpiActual: null, version: 1 });
    expect(await db.auditEvent.count({ where: { entityType: "Measure", entityId: measure.id } })).toBe(0);
  });

  it("a cooperating unit's completion report (filed before the lead changed, say) never closes the measure out", async () => {
    const measure = await seedMeasure(db, areaId, leadUnitId, [coopUnitId], { percentComplete: 30 });
    const report = await seedReport(db, measure.id, coopUnitId, coopOfficial.id, "2026-11", "SUBMITTED", 100);
    await db.progressReport.update({ where: { id: report.id }, data: { isCompletion: true, status: "COMPLETED" } });
    await approve(inspector, report.id);
    expect(await db.progressReport.findUniqueOrThrow({ where: { id: report.id } })).toMatchObject({ state: "APPROVED" });
    expect(await measureOf(measure.id)).toMatchObject({ status: "IN_PROGRESS", percentComplete: 30 });

    // The lead unit's own completion report does close it out.
    const { reportId } = await saveReport(db, leadOfficial, reportForm(measure.code, { percentComplete: "100", isCompletion: "on" }), today);
    await approve(inspector, reportId);
    expect(await measureOf(measure.id)).toMatchObject({ status: "COMPLETED", percentComplete: 100 });
  });

  it("a cooperating unit's returned report does not make the measure's latest report state RETURNED", async () => {
    const measure = await seedMeasure(db, areaId, leadUnitId, [coopUnitId]);
    await seedReport(db, measure.id, leadUnitId, leadOfficial.id, "2026-10", "APPROVED", 50);
    await seedReport(db, measure.id, coopUnitId, coopOfficial.id, "2026-11", "RETURNED", 55);
    const after = await measureOf(measure.id);
    expect(after.latestReportState).toBe("APPROVED");
    expect(after.latestReportPeriod).toEqual(new Date("2026-10-01T00:00:00Z"));
  });

  it("the as-of view rebuilds a past month from the lead unit's approved reports only", async () => {
    const measure = await seedMeasure(db, areaId, leadUnitId, [coopUnitId]);
    await seedReport(db, measure.id, leadUnitId, leadOfficial.id, "2026-09", "APPROVED", 40);
    const coop = await seedReport(db, measure.id, coopUnitId, coopOfficial.id, "2026-10", "APPROVED", 100);
    await db.progressReport.update({ where: { id: coop.id }, data: { isCompletion: true } });
    const query = ledgerQuerySchema.parse({ area: areaCode, perPage: 200, asOf: "2026-10" });
    const row = (await listLedger(db, query, today, settings)).rows.find((candidate) => candidate.id === measure.id);
    expect(row).toMatchObject({ percentComplete: 40, status: "IN_PROGRESS" });
  });
});

describe("[AUTHORITY] approving an older month after a newer one", () => {
  it("records the older report but never overwrites the newer month's figures, even as a completion report", async () => {
    const measure = await seedMeasure(db, areaId, leadUnitId);
    const october = await seedReport(db, measure.id, leadUnitId, leadOfficial.id, "2026-10", "SUBMITTED", 50);
    const november = await seedReport(db, measure.id, leadUnitId, leadOfficial.id, "2026-11", "SUBMITTED", 70);
    await db.progressReport.update({ where: { id: october.id }, data: { isCompletion: true, percentComplete: 100, status: "COMPLETED" } });

    await approve(inspector, november.id);
    expect(await measureOf(measure.id)).toMatchObject({ percentComplete: 70, status: "IN_PROGRESS" });
    await approve(inspector, october.id);
    expect(await db.progressReport.findUniqueOrThrow({ where: { id: october.id } })).toMatchObject({ state: "APPROVED" });
    expect(await measureOf(measure.id)).toMatchObject({ percentComplete: 70, status: "IN_PROGRESS" });
  });

  it("an older month approved while the newer one is only submitted does set the figures; the newer one then wins", async () => {
    const measure = await seedMeasure(db, areaId, leadUnitId, [], { percentComplete: 10 });
    const september = await seedReport(db, measure.id, leadUnitId, leadOfficial.id, "2026-09", "SUBMITTED", 30);
    const october = await seedReport(db, measure.id, leadUnitId, leadOfficial.id, "2026-10", "SUBMITTED", 45);
    await approve(inspector, september.id);
    expect((await measureOf(measure.id)).percentComplete).toBe(30);
    await approve(inspector, october.id);
    expect((await measureOf(measure.id)).percentComplete).toBe(45);
  });

  it("a newer month does not reopen or change a closed-out measure", async () => {
    const measure = await seedMeasure(db, areaId, leadUnitId);
    const october = await seedReport(db, measure.id, leadUnitId, leadOfficial.id, "2026-10", "SUBMITTED", 100);
    await db.progressReport.update({ where: { id: october.id }, data: { isCompletion: true, status: "COMPLETED" } });
    const november = await seedReport(db, measure.id, leadUnitId, leadOfficial.id, "2026-11", "SUBMITTED", 80);
    await approve(inspector, october.id);
    expect(await measureOf(measure.id)).toMatchObject({ status: "COMPLETED", percentComplete: 100 });
    // #14: approving it is refused (it would become the newest approved month of a closed-out measure,
    // so the as-of views and the measure would disagree); the reviewer returns it or reopens the measure.
    await expect(approve(inspector, november.id)).rejects.toMatchObject({ code: "MEASURE_CLOSED_OUT" });
    expect(await db.progressReport.findUniqueOrThrow({ where: { id: november.id } })).toMatchObject({ state: "SUBMITTED" });
    expect(await measureOf(measure.id)).toMatchObject({ status: "COMPLETED", percentComplete: 100 });
  });
});

describe("[AUTHORITY] nobody decides a report they wrote", () => {
  it("an author who became a reviewer can neither approve nor return it; others can", async () => {
    const measure = await seedMeasure(db, areaId, leadUnitId, [], { percentComplete: 5 });
    const author = asSession(await seedUser(db, "OFFICIAL", leadUnitId));
    const { reportId } = await saveReport(db, author, reportForm(measure.code), today);
    await db.user.update({ where: { id: author.id }, data: { role: "INSPECTOR" } });
    const promoted = { ...author, role: "INSPECTOR" as const };

    await expect(approve(promoted, reportId)).rejects.toMatchObject({ code: "OWN_REPORT" });
    await expect(reviewReport(db, promoted, { reportId, version: 1, decision: "return", comment: "自己退回" })).rejects.toMatchObject({
      code: "OWN_REPORT",
    });
    expect(await db.progressReport.findUniqueOrThrow({ where: { id: reportId } })).toMatchObject({ state: "SUBMITTED", version: 1 });
    expect((await measureOf(measure.id)).percentComplete).toBe(5);
    expect(await reviewIds(promoted, measure.code)).not.toContain(reportId);
    expect(await reviewIds(inspector, measure.code)).toContain(reportId);

    await approve(inspector, reportId);
    expect((await measureOf(measure.id)).percentComplete).toBe(60);
  });

  it("whoever saved an earlier version counts as a writer too, even if a colleague submitted it", async () => {
    const measure = await seedMeasure(db, areaId, leadUnitId);
    const drafter = asSession(await seedUser(db, "OFFICIAL", leadUnitId));
    const { reportId } = await saveReport(db, drafter, reportForm(measure.code, { intent: "save" }), today);
    await saveReport(db, leadOfficial, reportForm(measure.code, { version: "1" }), today);
    const report = await db.progressReport.findUniqueOrThrow({ where: { id: reportId } });
    expect(report.authorId).toBe(leadOfficial.id);
    await db.user.update({ where: { id: drafter.id }, data: { role: "LEADER", unitId: null } });
    await expect(approve({ ...drafter, role: "LEADER", unitId: null }, reportId, report.version)).rejects.toMatchObject({ code: "OWN_REPORT" });
  });
});

describe("[DRAFTS] a draft is private to its unit", () => {
  it("on the measure page, in its history, the API and exports alike", async () => {
    const marker = `草稿机密-${uniqueSuffix()}`;
    const submittedMarker = `已报送-${uniqueSuffix()}`;
    const coopMarker = `配合单位-${uniqueSuffix()}`;
    const measure = await seedMeasure(db, areaId, leadUnitId, [coopUnitId]);
    const period = currentPeriod();
    // The lead unit submitted last month and has a draft this month; the cooperating unit submitted this month.
    const { reportId: submittedId } = await saveReport(db, leadOfficial, reportForm(measure.code, { period: "2026-10", progress: submittedMarker }), today);
    const { reportId: draftId } = await saveReport(
      db,
      leadOfficial,
      reportForm(measure.code, { period, progress: marker, problems: `${marker}-问题`, intent: "save" }),
      new Date(),
    );
    await saveReport(db, coopOfficial, reportForm(measure.code, { period: "2026-11", progress: coopMarker }), today);

    for (const viewer of [otherOfficial, coopOfficial, inspector]) {
      const page = await loadMeasurePage(db, viewer, measure.code, undefined);
      const seen = JSON.stringify(page);
      expect(seen).not.toContain(marker);
      expect(seen).toContain(submittedMarker);
      expect(page!.measure.progressReports.map((report) => report.id)).not.toContain(draftId);
      expect(page!.history.filter((event) => event.entityId === draftId)).toEqual([]);
      await expect(getReport(db, viewer, draftId)).rejects.toMatchObject({ code: "NOT_FOUND" });
      const listed = await listReports(db, viewer, listReportsQuerySchema.parse({ perPage: 100, measure: measure.code }));
      expect(listed.items.map((report) => report.id)).not.toContain(draftId);
    }

    // Its own unit sees it, on the page and in the history.
    const own = await loadMeasurePage(db, leadOfficial, measure.code, period);
    expect(JSON.stringify(own)).toContain(marker);
    expect(own!.history.some((event) => event.entityId === draftId && event.action === "report.save")).toBe(true);
    expect((await getReport(db, leadOfficial, draftId)).id).toBe(draftId);

    // Once submitted, the report is visible, but not the draft saves that came before.
    const draft = await db.progressReport.findUniqueOrThrow({ where: { id: draftId } });
    await saveReport(db, leadOfficial, reportForm(measure.code, { period, progress: "正式报送", version: String(draft.version) }), new Date());
    const history = await listMeasureHistory(db, measure.id, otherUnitId);
    const ofDraft = history.filter((event) => event.entityId === draftId).map((event) => event.action);
    expect(ofDraft).toEqual(["report.submit"]);
    expect(history.some((event) => event.entityId === submittedId)).toBe(true);
  });

  it("exports print the lead unit's latest submitted report, never a draft and never a cooperating unit's", async () => {
    const area = await seedArea(db);
    const measure = await seedMeasure(db, area.id, leadUnitId, [coopUnitId]);
    const leadText = `牵头报送-${uniqueSuffix()}`;
    const draftText = `牵头草稿-${uniqueSuffix()}`;
    const coopText = `配合报送-${uniqueSuffix()}`;
    await saveReport(db, leadOfficial, reportForm(measure.code, { period: "2026-10", progress: leadText }), today);
    await saveReport(db, leadOfficial, reportForm(measure.code, { period: "2026-11", progress: draftText, intent: "save" }), today);
    await saveReport(db, coopOfficial, reportForm(measure.code, { period: "2026-11", progress: coopText }), today);

    const query = ledgerQuerySchema.parse({ area: area.code, perPage: 200 });
    const rows = [];
    for await (const batch of ledgerExportBatches(db, query, today, settings, ledgerColumns)) rows.push(...batch.rows);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.detail.report?.progress).toBe(leadText);
    const text = JSON.stringify(rows);
    expect(text).not.toContain(draftText);
    expect(text).not.toContain(coopText);
  });
});

describe("[AUDIT] the audit table is append-only", () => {
  const url = inject("databaseUrl");

  it("refuses UPDATE, DELETE and TRUNCATE, through Prisma and plain SQL; INSERT still works", async () => {
    const event = await db.auditEvent.create({
      data: { actorId: inspector.id, action: "test.append", entityType: "Test", entityId: uniqueSuffix(), after: { n: 1 } },
    });
    await expect(db.auditEvent.update({ where: { id: event.id }, data: { action: "test.rewritten" } })).rejects.toThrow(/append-only/);
    await expect(db.auditEvent.delete({ where: { id: event.id } })).rejects.toThrow(/append-only/);
    await expect(db.auditEvent.deleteMany({ where: { entityType: "Test" } })).rejects.toThrow(/append-only/);

    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await expect(client.query(`UPDATE "AuditEvent" SET action = 'x' WHERE id = $1`, [event.id])).rejects.toThrow(/append-only/);
      await expect(client.query(`DELETE FROM "AuditEvent" WHERE id = $1`, [event.id])).rejects.toThrow(/append-only/);
      await expect(client.query(`TRUNCATE "AuditEvent" CASCADE`)).rejects.toThrow(/append-only/);
    } finally {
      await client.end();
    }
    expect(await db.auditEvent.findUniqueOrThrow({ where: { id: event.id } })).toMatchObject({ action: "test.append", after: { n: 1 } });
  });

  it("a user with audit events cannot be deleted (that would rewrite the events' actor)", async () => {
    const user = await seedUser(db, "VIEWER", null);
    await db.auditEvent.create({ data: { actorId: user.id, action: "test.actor", entityType: "Test", entityId: uniqueSuffix() } });
    await expect(db.user.delete({ where: { id: user.id } })).rejects.toThrow(/append-only/);
    expect(await db.user.count({ where: { id: user.id } })).toBe(1);
  });
});
