import ExcelJS from "exceljs";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/session-user";
import { AppError } from "@/lib/errors/app-error";
import { IMPORT_MAX_PART_BYTES } from "@/lib/measure-import/import-limits";
import { buildCollectionWorkbook } from "@/lib/report-collection/build-collection-workbook";
import { columnLetter, columnOf, FIRST_DATA_ROW, META_SHEET, type CollectionField } from "@/lib/report-collection/collection-format";
import { confirmReportCollection } from "@/lib/report-collection/confirm-report-collection";
import { previewReportCollection } from "@/lib/report-collection/preview-report-collection";
import type { CollectionIntent } from "@/lib/report-collection/schemas";
import { reviewReport } from "@/lib/reports/review-report";
import { saveReport, saveReportIn } from "@/lib/reports/save-report";
import { saveReportInputSchema } from "@/lib/reports/schemas";
import zh from "@/messages/zh-CN.json";
import { seedArea, seedMeasure, seedUnit, seedUser } from "./fixtures";
import { testDb } from "./helpers";

/**
 * Report collection by Excel (报表回收): a unit's sheet downloaded, filled in
 * as a person would in Excel, uploaded, previewed and confirmed; the reports
 * are written by the report form's own use case, and the same file again
 * changes nothing.
 */
const db = testDb();
const today = new Date("2026-11-28T00:00:00Z");
const period = "2026-11";
const messages = zh.reportCollection;
const t = (key: string, values: Record<string, string | number> = {}) => {
  const template = key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], messages) as string;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ""));
};

type SeededUser = { id: string; loginName: string; displayName: string; role: SessionUser["role"]; unitId: string | null };
const asSession = (user: SeededUser): SessionUser => ({ ...user, mustChangePassword: false });

let unitA: { id: string; code: string; nameZh: string };
let unitB: { id: string; code: string };
let officialA: SessionUser;
let officialB: SessionUser;
let inspector: SessionUser;
let leadMeasure: { id: string; code: string };
let coopMeasure: { id: string; code: string };
let plainMeasure: { id: string; code: string };

beforeAll(async () => {
  const area = await seedArea(db);
  unitA = await seedUnit(db);
  unitB = await seedUnit(db);
  const unitC = await seedUnit(db);
  officialA = asSession(await seedUser(db, "OFFICIAL", unitA.id));
  officialB = asSession(await seedUser(db, "OFFICIAL", unitB.id));
  inspector = asSession(await seedUser(db, "INSPECTOR", null));
  leadMeasure = await seedMeasure(db, area.id, unitA.id);
  await db.measure.update({
    where: { id: leadMeasure.id },
    data: { kpiNameZh: "新建里程", kpiNameEn: "New length", kpiUnit: "公里", kpiTarget: 100, investmentPlanned: 5000 },
  });
  coopMeasure = await seedMeasure(db, area.id, unitC.id, [unitA.id]);
  plainMeasure = await seedMeasure(db, area.id, unitA.id);
  // Another unit's measure: not on A's sheet.
  await seedMeasure(db, area.id, unitB.id);
});

afterAll(async () => {
  await db.$disconnect();
});

const download = async (user: SessionUser, unitCode = unitA.code) => (await buildCollectionWorkbook(db, user, unitCode, period, "zh", t)).bytes;

/** Opens a downloaded sheet, lets `fill` write cells as a person would in Excel, and saves it. */
async function filled(bytes: Uint8Array, fill: (cell: (code: string, field: CollectionField) => ExcelJS.Cell, workbook: ExcelJS.Workbook) => void) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const rowOf = (code: string) => {
    for (let row = FIRST_DATA_ROW; row <= sheet.rowCount; row++) if (sheet.getCell(row, columnOf("measureCode")).value === code) return row;
    throw new Error(`no row for ${code}`);
  };
  fill((code, field) => sheet.getCell(rowOf(code), columnOf(field)), workbook);
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

const preview = (user: SessionUser, bytes: Uint8Array, intent: CollectionIntent = "submit") => previewReportCollection(db, user, bytes, intent, today);
const confirm = async (user: SessionUser, bytes: Uint8Array, intent: CollectionIntent = "submit") =>
  confirmReportCollection(db, user, bytes, intent, (await preview(user, bytes, intent)).fingerprint, today);
const refusal = async (work: Promise<unknown>) => {
  const error = await work.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
};
const auditCount = (reportIds: string[]) => db.auditEvent.count({ where: { entityType: "ProgressReport", entityId: { in: reportIds } } });
const reportsOfA = () => db.progressReport.findMany({ where: { unitId: unitA.id, period: new Date(`${period}-01T00:00:00Z`) }, orderBy: { measureId: "asc" } });

describe("[REPORT COLLECTION] download", () => {
  it("names the unit and month, lists the measures the unit leads and cooperates on, locks the keys and validates the figures", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await download(inspector)) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(String(sheet.getCell(1, 1).value)).toBe(t("sheetTitle", { unit: unitA.nameZh, period }));
    const codes = [];
    for (let row = FIRST_DATA_ROW; row <= sheet.rowCount; row++) codes.push(sheet.getCell(row, columnOf("measureCode")).value);
    expect(codes.sort()).toEqual([leadMeasure.code, coopMeasure.code, plainMeasure.code].sort());
    // ExcelJS reads the protection back but does not type it.
    expect((sheet as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet).toBe(true);
    const rowOf = (code: string) => {
      for (let row = FIRST_DATA_ROW; row <= sheet.rowCount; row++) if (sheet.getCell(row, 1).value === code) return row;
      throw new Error(code);
    };
    const lead = rowOf(leadMeasure.code);
    const plain = rowOf(plainMeasure.code);
    expect(sheet.getCell(lead, columnOf("measureCode")).protection?.locked).not.toBe(false);
    expect(sheet.getCell(lead, columnOf("unitCode")).value).toBe(unitA.code);
    expect(sheet.getCell(lead, columnOf("progress")).protection?.locked).toBe(false);
    expect(sheet.getCell(lead, columnOf("percentComplete")).dataValidation).toMatchObject({ type: "whole", formulae: [0, 100] });
    expect(sheet.getCell(lead, columnOf("kpiActual")).protection?.locked).toBe(false);
    // No KPI, no planned investment: those cells stay locked.
    expect(sheet.getCell(plain, columnOf("kpiActual")).protection?.locked).not.toBe(false);
    expect(sheet.getCell(rowOf(coopMeasure.code), columnOf("role")).value).toBe(messages.roleCooperating);
    const meta = workbook.getWorksheet(META_SHEET)!;
    expect(meta.state).toBe("veryHidden");
    expect(meta.getCell(3, 2).value).toBe(unitA.code);
    expect(meta.getCell(4, 2).value).toBe(period);
  });

  it("refuses another unit's official (403, naming the unit)", async () => {
    const error = await refusal(download(officialB));
    expect(error.code).toBe("FORBIDDEN");
    expect(error.fieldErrors.file).toEqual({ key: "reportCollection.errors.otherUnit", values: { unit: unitA.code } });
  });
});

describe("[REPORT COLLECTION] round trip", () => {
  it("creates the reports through the report form's rules, with audit and events; the same file again changes nothing", async () => {
    const bytes = await filled(await download(inspector), (cell) => {
      cell(leadMeasure.code, "progress").value = "完成路基工程 12 公里";
      cell(leadMeasure.code, "problems").value = "征地进度偏慢";
      cell(leadMeasure.code, "nextSteps").value = "推进桥梁施工";
      cell(leadMeasure.code, "percentComplete").value = 45;
      cell(leadMeasure.code, "kpiActual").value = 12.5;
      cell(leadMeasure.code, "investmentCompleted").value = 1800;
      cell(coopMeasure.code, "progress").value = "配合完成用地报批";
      cell(coopMeasure.code, "percentComplete").value = 30;
    });

    // An inspector may preview for the unit; confirming on its behalf is only as submitted (see "on the unit's behalf").
    const inspectorPlan = await preview(inspector, bytes, "save");
    expect(inspectorPlan.counts).toMatchObject({ create: 2, error: 0 });
    const refused = await refusal(confirmReportCollection(db, inspector, bytes, "save", inspectorPlan.fingerprint, today));
    expect(refused.code).toBe("VALIDATION");
    expect(refused.fieldErrors.file?.key).toBe("collectOnBehalf.submitOnly");
    expect(await reportsOfA()).toEqual([]);

    const plan = await preview(officialA, bytes);
    expect(plan.counts).toEqual({ create: 2, update: 0, unchanged: 0, error: 0, empty: 1 });
    const leadRow = plan.rows.find((row) => row.measureCode === leadMeasure.code)!;
    expect(leadRow).toMatchObject({ action: "create", stateBefore: null, stateAfter: "SUBMITTED" });
    expect(leadRow.changes).toEqual(["progress", "problems", "nextSteps", "percentComplete", "kpiActual", "investmentCompleted"]);
    // The preview writes nothing.
    expect(await reportsOfA()).toEqual([]);

    expect(await confirmReportCollection(db, officialA, bytes, "submit", plan.fingerprint, today)).toEqual({ created: 2, updated: 0, unchanged: 0 });
    const reports = await reportsOfA();
    const lead = reports.find((report) => report.measureId === leadMeasure.id)!;
    const coop = reports.find((report) => report.measureId === coopMeasure.id)!;
    expect(lead).toMatchObject({
      state: "SUBMITTED",
      authorId: officialA.id,
      percentComplete: 45,
      progress: "完成路基工程 12 公里",
      problems: "征地进度偏慢",
      nextSteps: "推进桥梁施工",
      isCompletion: false,
    });
    expect(Number(lead.kpiActual)).toBe(12.5);
    expect(Number(lead.investmentCompleted)).toBe(1800);
    expect(coop).toMatchObject({ state: "SUBMITTED", percentComplete: 30, progress: "配合完成用地报批", kpiActual: null, isCompletion: false });
    const audits = await db.auditEvent.findMany({ where: { entityType: "ProgressReport", entityId: { in: [lead.id, coop.id] } } });
    expect(audits.map((event) => [event.action, event.actorId])).toEqual([
      ["report.submit", officialA.id],
      ["report.submit", officialA.id],
    ]);
    expect(await db.domainEvent.count({ where: { type: "report.submitted", entityId: { in: [lead.id, coop.id] } } })).toBe(2);
    // A cooperating unit's report never sets the measure's figures.
    expect((await db.measure.findUniqueOrThrow({ where: { id: coopMeasure.id } })).percentComplete).toBe(0);

    // The same file again: every row unchanged, nothing written, no audit.
    const again = await preview(officialA, bytes);
    expect(again.counts).toEqual({ create: 0, update: 0, unchanged: 2, error: 0, empty: 1 });
    expect(await confirmReportCollection(db, officialA, bytes, "submit", again.fingerprint, today)).toEqual({ created: 0, updated: 0, unchanged: 2 });
    const after = await reportsOfA();
    expect(after.map((report) => report.version)).toEqual(reports.map((report) => report.version));
    expect(await auditCount([lead.id, coop.id])).toBe(2);
  });

  it("refuses a unit's sheet uploaded by another unit's official (403)", async () => {
    const bytes = await filled(await download(officialA), (cell) => {
      cell(plainMeasure.code, "progress").value = "别的单位代填";
      cell(plainMeasure.code, "percentComplete").value = 10;
    });
    const error = await refusal(preview(officialB, bytes));
    expect(error.code).toBe("FORBIDDEN");
    expect(error.fieldErrors.file).toEqual({ key: "reportCollection.errors.otherUnit", values: { unit: unitA.code } });
    const confirmError = await refusal(confirmReportCollection(db, officialB, bytes, "submit", "0".repeat(64), today));
    expect(confirmError.code).toBe("FORBIDDEN");
  });

  it("writes drafts when asked, and submits them with a later upload of the same figures", async () => {
    const bytes = await filled(await download(officialA), (cell) => {
      cell(plainMeasure.code, "progress").value = "先存草稿";
      cell(plainMeasure.code, "percentComplete").value = 5;
    });
    expect(await confirm(officialA, bytes, "save")).toEqual({ created: 1, updated: 0, unchanged: 2 });
    const draft = (await reportsOfA()).find((report) => report.measureId === plainMeasure.id)!;
    expect(draft).toMatchObject({ state: "DRAFT", progress: "先存草稿", percentComplete: 5 });
    expect((await preview(officialA, bytes, "save")).counts.unchanged).toBe(3);
    const submitting = await preview(officialA, bytes, "submit");
    expect(submitting.rows.find((row) => row.measureCode === plainMeasure.code)).toMatchObject({ action: "update", changes: [], stateBefore: "DRAFT", stateAfter: "SUBMITTED" });
    await confirmReportCollection(db, officialA, bytes, "submit", submitting.fingerprint, today);
    expect((await reportsOfA()).find((report) => report.measureId === plainMeasure.id)!.state).toBe("SUBMITTED");
  });

  it("does not overwrite an approved report, nor one awaiting review", async () => {
    const lead = (await reportsOfA()).find((report) => report.measureId === leadMeasure.id)!;
    await reviewReport(db, inspector, { reportId: lead.id, version: lead.version, decision: "approve", comment: "" });
    const bytes = await filled(await download(officialA), (cell) => {
      cell(leadMeasure.code, "progress").value = "改写已审核的报告";
      cell(coopMeasure.code, "percentComplete").value = 35;
    });
    const plan = await preview(officialA, bytes);
    const rowOf = (code: string) => plan.rows.find((row) => row.measureCode === code)!;
    expect(rowOf(leadMeasure.code)).toMatchObject({ action: "error", issues: [{ column: columnLetter(columnOf("state")), key: "approved" }] });
    expect(rowOf(coopMeasure.code)).toMatchObject({ action: "error", issues: [{ key: "awaitingReview" }] });
    const error = await refusal(confirmReportCollection(db, officialA, bytes, "submit", plan.fingerprint, today));
    expect(error.fieldErrors.file?.key).toBe("importHasErrors");
    expect((await db.progressReport.findUniqueOrThrow({ where: { id: lead.id } })).progress).toBe("完成路基工程 12 公里");
  });
});

describe("[REPORT COLLECTION] on the unit's behalf", () => {
  let unit: { id: string; code: string };
  let official: SessionUser;
  let otherInspector: SessionUser;
  let measure: { id: string; code: string };

  beforeAll(async () => {
    const area = await seedArea(db);
    unit = await seedUnit(db);
    official = asSession(await seedUser(db, "OFFICIAL", unit.id));
    otherInspector = asSession(await seedUser(db, "INSPECTOR", null));
    measure = await seedMeasure(db, area.id, unit.id);
  });

  it("an inspector confirms a unit's sheet for it: submitted, audited naming both; that inspector may not review it, another may", async () => {
    const bytes = await filled(await download(inspector, unit.code), (cell) => {
      cell(measure.code, "progress").value = "纸质报表由督查代录";
      cell(measure.code, "percentComplete").value = 40;
    });
    // Another unit's official is still refused, before and at confirm.
    expect((await refusal(preview(officialB, bytes))).code).toBe("FORBIDDEN");
    expect((await refusal(confirmReportCollection(db, officialB, bytes, "submit", "0".repeat(64), today))).code).toBe("FORBIDDEN");

    expect(await confirm(inspector, bytes)).toEqual({ created: 1, updated: 0, unchanged: 0 });
    const report = await db.progressReport.findFirstOrThrow({ where: { measureId: measure.id, unitId: unit.id } });
    expect(report).toMatchObject({ state: "SUBMITTED", percentComplete: 40, progress: "纸质报表由督查代录" });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityType: "ProgressReport", entityId: report.id } });
    expect(audit).toMatchObject({ action: "report.submitOnBehalf", actorId: inspector.id });
    expect(audit.after).toMatchObject({ state: "SUBMITTED", onBehalfOf: unit.code, measure: measure.code, period });
    expect(await db.domainEvent.count({ where: { type: "report.submitted", entityId: report.id } })).toBe(1);

    // The uploader wrote it: not theirs to approve, even once the author field names someone else.
    await db.progressReport.update({ where: { id: report.id }, data: { authorId: official.id } });
    const own = await refusal(reviewReport(db, inspector, { reportId: report.id, version: report.version, decision: "approve", comment: "" }));
    expect(own.code).toBe("OWN_REPORT");
    expect(await reviewReport(db, otherInspector, { reportId: report.id, version: report.version, decision: "approve", comment: "" })).toEqual({ state: "APPROVED" });
  });

  it("the report use case refuses an on-behalf write by anyone but an inspector", async () => {
    const input = saveReportInputSchema.parse({ measureCode: measure.code, period, percentComplete: "10", progress: "代报", problems: "", nextSteps: "", intent: "submit" });
    const viaOfficial = await refusal(db.$transaction((tx) => saveReportIn(tx, official, input, today, unit)));
    expect(viaOfficial.code).toBe("FORBIDDEN");
  });
});

describe("[REPORT COLLECTION] bad input", () => {
  let unit: { id: string; code: string };
  let official: SessionUser;
  type Seeded = { id: string; code: string };
  let measures: [Seeded, Seeded, Seeded];

  beforeAll(async () => {
    const area = await seedArea(db);
    unit = await seedUnit(db);
    official = asSession(await seedUser(db, "OFFICIAL", unit.id));
    measures = [await seedMeasure(db, area.id, unit.id), await seedMeasure(db, area.id, unit.id), await seedMeasure(db, area.id, unit.id)];
    await db.measure.update({ where: { id: measures[1].id }, data: { kpiNameZh: "指标", kpiNameEn: "KPI", kpiUnit: "个", kpiTarget: 10 } });
  });

  const sheet = () => download(official, unit.code);
  const issuesOf = async (bytes: Uint8Array) => (await preview(official, bytes)).rows.flatMap((row) => row.issues.map((issue) => [issue.row, issue.column, issue.key]));
  const rowNumber = async (code: string) => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await sheet()) as unknown as ArrayBuffer);
    const data = workbook.worksheets[0]!;
    for (let row = FIRST_DATA_ROW; row <= data.rowCount; row++) if (data.getCell(row, 1).value === code) return row;
    throw new Error(code);
  };

  it("names each bad cell by row and column: percent 120, text in a number cell, a missing key, a missing progress", async () => {
    const [first, second, third] = measures;
    const bytes = await filled(await sheet(), (cell) => {
      cell(first.code, "progress").value = "进展";
      cell(first.code, "percentComplete").value = 120;
      cell(second.code, "progress").value = "进展";
      cell(second.code, "percentComplete").value = 50;
      cell(second.code, "kpiActual").value = "约十个";
      cell(third.code, "percentComplete").value = 20;
      cell(third.code, "measureCode").value = null;
    });
    const issues = await issuesOf(bytes);
    const letter = (field: CollectionField) => columnLetter(columnOf(field));
    expect(issues).toEqual(
      expect.arrayContaining([
        [await rowNumber(first.code), letter("percentComplete"), "percentRange"],
        [await rowNumber(second.code), letter("kpiActual"), "amountFormat"],
        [await rowNumber(third.code), letter("measureCode"), "missingKey"],
      ]),
    );
    expect(issues).toHaveLength(3);
    // Progress is required once anything else of the row is filled in (the form's rule).
    const noProgress = await filled(await sheet(), (cell) => {
      cell(first.code, "percentComplete").value = 20;
    });
    expect(await issuesOf(noProgress)).toEqual([[await rowNumber(first.code), letter("progress"), "required"]]);
    // A figure the measure does not have is named, not ignored.
    const noKpi = await filled(await sheet(), (cell) => {
      cell(first.code, "progress").value = "进展";
      cell(first.code, "percentComplete").value = 20;
      cell(first.code, "kpiActual").value = 3;
    });
    expect(await issuesOf(noKpi)).toEqual([[await rowNumber(first.code), letter("kpiActual"), "noKpi"]]);
  });

  it("names a tampered key cell, a measure the unit does not report on, and refuses a file whose hidden sheet names another unit", async () => {
    const [first, second] = measures;
    const bytes = await filled(await sheet(), (cell) => {
      cell(first.code, "progress").value = "进展";
      cell(first.code, "percentComplete").value = 20;
      cell(first.code, "unitCode").value = unitB.code;
      cell(second.code, "progress").value = "进展";
      cell(second.code, "percentComplete").value = 20;
      cell(second.code, "measureCode").value = leadMeasure.code;
    });
    const issues = await issuesOf(bytes);
    // Rows follow the catalogue's order, which these fixtures leave to their random codes.
    expect(issues).toHaveLength(2);
    expect(issues).toEqual(
      expect.arrayContaining([
        [await rowNumber(first.code), columnLetter(columnOf("unitCode")), "keyChanged"],
        [await rowNumber(second.code), columnLetter(columnOf("measureCode")), "unknownMeasure"],
      ]),
    );
    const otherUnit = await filled(await sheet(), (_cell, workbook) => {
      workbook.getWorksheet(META_SHEET)!.getCell(3, 2).value = unitB.code;
    });
    const error = await refusal(preview(official, otherUnit));
    expect(error.code).toBe("FORBIDDEN");
    expect(error.fieldErrors.file?.values).toEqual({ unit: unitB.code });
    const notOurs = await filled(await sheet(), (_cell, workbook) => {
      workbook.removeWorksheet(workbook.getWorksheet(META_SHEET)!.id);
    });
    expect((await refusal(preview(official, notOurs))).fieldErrors.file?.key).toBe("reportCollection.errors.notCollectionFile");
  });

  it("refuses the confirm when a report changed since the preview (plan fingerprint)", async () => {
    const [first] = measures;
    const bytes = await filled(await sheet(), (cell) => {
      cell(first.code, "progress").value = "上传的进展";
      cell(first.code, "percentComplete").value = 25;
    });
    const plan = await preview(official, bytes);
    expect(plan.counts.create).toBe(1);
    const input = saveReportInputSchema.parse({ measureCode: first.code, period, percentComplete: "10", progress: "表单里写的", problems: "", nextSteps: "", intent: "save" });
    await saveReport(db, official, input, today);
    const error = await refusal(confirmReportCollection(db, official, bytes, "submit", plan.fingerprint, today));
    expect(error.code).toBe("PLAN_CHANGED");
    // Downloaded before the form's edit: the row is stale and named so, not written over.
    expect(await issuesOf(bytes)).toEqual([[await rowNumber(first.code), columnLetter(columnOf("version")), "staleVersion"]]);
  });

  it("refuses a small file that would expand hugely, before loading it", async () => {
    const zip = await JSZip.loadAsync(await sheet());
    zip.file("xl/media/padding.bin", Buffer.alloc(IMPORT_MAX_PART_BYTES + 1024 * 1024), { compression: "DEFLATE" });
    const bomb = new Uint8Array(await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }));
    expect(bomb.byteLength).toBeLessThan(1024 * 1024);
    const error = await refusal(preview(official, bomb));
    expect(error.code).toBe("PAYLOAD_TOO_LARGE");
    expect(error.fieldErrors.file?.key).toBe("importExpandsTooLarge");
  });
});
