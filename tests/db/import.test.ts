import { randomBytes } from "node:crypto";
import ExcelJS from "exceljs";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/v1/measures/import/route";
import { ledgerXlsxStream } from "@/lib/exports/ledger-xlsx";
import { ledgerXlsxLabels } from "@/lib/exports/ledger-xlsx-labels";
import { LEDGER_COLUMN_IDS, type LedgerColumnId } from "@/lib/exports/ledger-export-record";
import { ledgerColumns } from "@/lib/ledger/ledger-columns";
import { buildImportTemplate } from "@/lib/measure-import/build-import-template";
import { importMeasures } from "@/lib/measure-import/import-measures";
import { IMPORT_MAX_ROWS } from "@/lib/measure-import/import-limits";
import type { ImportPlan } from "@/lib/measure-import/import-types";
import { ledgerQuerySchema } from "@/lib/ledger/schemas";
import { cities as circleCities } from "@/prisma/seed/data/cities";
import en from "@/messages/en.json";
import zh from "@/messages/zh-CN.json";
import { signInAs } from "../setup/request-context";
import { seedArea, seedMeasure, seedReport, seedUnit, seedUser, uniqueSuffix } from "./fixtures";
import { testDb } from "./helpers";

const db = testDb();
const today = new Date("2026-11-28T00:00:00Z");
const settings = { reportingDay: 28, paceMarginPercent: 10, dueSoonDays: 30 };
const ZH_HEADERS = zh.export.columns.split("|");
const EN_HEADERS = en.export.columns.split("|");
const H = Object.fromEntries(["index", "code", "title", "leadUnit", "coop", "person", "due"].map((id, index) => [id, ZH_HEADERS[index]!]));

/** next-intl's simple {name} substitution, enough for these messages. */
const format = (text: string, values: Record<string, unknown> = {}) => text.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name]));

let admin: { id: string };
let official: { id: string };
let area: { id: string; code: string };
let otherArea: { id: string; code: string };
let lead: { id: string; nameZh: string; nameEn: string };
let coop: { id: string; nameZh: string; nameEn: string };
let city: { id: string; nameZh: string; nameEn: string };
let city2: { id: string; nameZh: string; nameEn: string };

/** The circle's cities are a fixed set (the seed test counts them): use the seed's own rows. */
async function seedCity(city: (typeof circleCities)[number]) {
  return db.city.upsert({ where: { code: city.code }, update: {}, create: city });
}

/** A measure with every importable fact set. */
async function seedFullMeasure(areaId = area.id) {
  const measure = await seedMeasure(db, areaId, lead.id, [coop.id]);
  return db.measure.update({
    where: { id: measure.id },
    data: {
      kpiNameZh: "新增里程",
      kpiNameEn: "New length",
      kpiUnit: "公里",
      kpiTarget: "120.5",
      kpiActual: "30",
      investmentPlanned: "5000.25",
      investmentCompleted: "100",
      cities: { create: [{ cityId: city.id }, { cityId: city2.id }] },
    },
  });
}

/** An .xlsx built with exceljs: first row headers, then data rows. */
async function workbookBytes(rows: unknown[][], configure?: (sheet: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("任务分解表");
  for (const row of rows) sheet.addRow(row);
  configure?.(sheet);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** A task list in the export's zh headers for the columns given. */
const taskList = (headers: string[], rows: unknown[][], configure?: (sheet: ExcelJS.Worksheet) => void) => workbookBytes([headers, ...rows], configure);
const MIN_HEADERS = [ZH_HEADERS[1]!, ZH_HEADERS[2]!, ZH_HEADERS[3]!, ZH_HEADERS[15]!];

async function post(bytes: Uint8Array, options: { dryRun?: boolean; fingerprint?: string; headers?: Record<string, string> } = {}) {
  const form = new FormData();
  form.set("file", new File([bytes as BlobPart], "tasks.xlsx"));
  if (options.fingerprint) form.set("fingerprint", options.fingerprint);
  const url = `http://localhost/api/v1/measures/import${options.dryRun ? "?dryRun=1" : ""}`;
  const request = new NextRequest(url, { method: "POST", body: form, headers: { host: "localhost", origin: "http://localhost", ...options.headers } });
  const response = await POST(request, { params: Promise.resolve({}) });
  return { status: response.status, body: await response.json() };
}
const preview = async (bytes: Uint8Array) => {
  const { status, body } = await post(bytes, { dryRun: true });
  expect(status, JSON.stringify(body)).toBe(200);
  return body as ImportPlan;
};

/** Rows a failed import must not have touched. */
const counts = async () => ({
  measures: await db.measure.count(),
  audit: await db.auditEvent.count(),
  cooperating: await db.measureCooperatingUnit.count(),
  cities: await db.measureCity.count(),
});

beforeAll(async () => {
  area = await seedArea(db);
  otherArea = await seedArea(db);
  [lead, coop] = [await seedUnit(db), await seedUnit(db)];
  [city, city2] = [await seedCity(circleCities[0]!), await seedCity(circleCities[1]!)];
  admin = await seedUser(db, "ADMIN", null);
  official = await seedUser(db, "OFFICIAL", lead.id);
});
afterAll(() => db.$disconnect());

describe("[IMPORT] round trip", () => {
  /** The typed Excel export of one area's ledger with the columns given. */
  async function exportArea(areaCode: string, locale: "zh-CN" | "en", cols?: string) {
    const query = ledgerQuerySchema.parse({ area: areaCode, sort: "code", cols });
    return new Uint8Array(await new Response(ledgerXlsxStream(db, query, today, settings, ledgerXlsxLabels(locale, [], today))).arrayBuffer());
  }

  it.each([
    ["zh", "zh-CN"],
    ["en", "en"],
  ] as const)("an exported ledger (%s) with every column imports with no changes", async (_name, locale) => {
    const roundArea = await seedArea(db);
    const forecastable = await seedFullMeasure(roundArea.id);
    // Three approved reports: the forecast's cells hold a class, a finish month and paces, which the import ignores.
    for (const [index, percent] of [20, 30, 40].entries()) await seedReport(db, forecastable.id, lead.id, official.id, `2026-${String(8 + index).padStart(2, "0")}`, "APPROVED", percent);
    await seedFullMeasure(roundArea.id);
    const bare = await seedMeasure(db, roundArea.id, lead.id);
    await db.measure.update({ where: { id: bare.id }, data: { responsiblePerson: null, dueDate: null } });
    // An ongoing task's 完成时限 reads 长期 / Ongoing, and reads back as ongoing.
    const ongoing = await seedMeasure(db, roundArea.id, lead.id);
    await db.measure.update({ where: { id: ongoing.id }, data: { dueDate: null, ongoing: true } });
    const bytes = await exportArea(roundArea.code, locale, ledgerColumns.join(","));
    const written = new ExcelJS.Workbook();
    await written.xlsx.load(bytes.slice().buffer);
    const sheet = written.worksheets[0]!;
    const paceColumn = (sheet.getRow(3).values as unknown[]).indexOf((locale === "en" ? en : zh).forecastExport.columns.forecastPace);
    expect(sheet.getRows(4, sheet.rowCount - 3)!.find((row) => row.getCell(2).value === forecastable.code)!.getCell(paceColumn).value).toBe(10);

    await signInAs(admin);
    const plan = await preview(bytes);
    expect(plan.errors).toEqual([]);
    expect(plan.creates).toEqual([]);
    expect(plan.updates).toEqual([]);
    expect(plan.unchanged).toBe(4);
    const messages = locale === "en" ? en : zh;
    const csv = (id: LedgerColumnId) => (locale === "en" ? EN_HEADERS : ZH_HEADERS)[LEDGER_COLUMN_IDS.indexOf(id)]!;
    const typed = messages.ledgerView.xlsx;
    const forecast = messages.forecastExport.columns;
    expect(plan.ignoredColumns).toEqual([
      csv("index"), typed.areaName, typed.status, csv("percent"), typed.expectedPercent, csv("light"),
      forecast.forecast, forecast.forecastFinish, forecast.forecastRequiredPace, forecast.forecastPace, typed.latestPeriod, typed.latestState,
      typed.kpiActual, typed.investmentCompleted, csv("progress"), csv("problems"), csv("nextSteps"), csv("notices"), csv("evidence"), csv("data"),
    ]);
  });

  it("a narrow view still imports: the keys it does not show travel in the hidden columns", async () => {
    const roundArea = await seedArea(db);
    await seedFullMeasure(roundArea.id);
    const bytes = await exportArea(roundArea.code, "zh-CN", "percent");
    await signInAs(admin);
    const plan = await preview(bytes);
    expect(plan.errors).toEqual([]);
    expect([plan.creates.length, plan.updates.length, plan.unchanged]).toEqual([0, 0, 1]);
  });

  it("reads the typed cells back: a KPI target and a planned investment edited as numbers, a due date as a date", async () => {
    const roundArea = await seedArea(db);
    const measure = await seedFullMeasure(roundArea.id);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await exportArea(roundArea.code, "zh-CN", "dueDate,kpi,investmentPlanned")) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const headers = (sheet.getRow(3).values as unknown[]).map(String);
    const cell = (header: string) => sheet.getRow(4).getCell(headers.indexOf(header));
    expect(cell("KPI目标").value).toBe(120.5);
    cell("KPI目标").value = 150;
    cell("计划投资（万元）").value = 6000.5;
    cell("完成时限").value = new Date(Date.UTC(2027, 2, 31));
    await signInAs(admin);
    const plan = await preview(new Uint8Array(await workbook.xlsx.writeBuffer()));
    expect(plan.errors).toEqual([]);
    expect(plan.updates).toHaveLength(1);
    expect(plan.updates[0]!.changes).toEqual([
      { field: "dueDate", before: measure.dueDate!.toISOString().slice(0, 10), after: "2027-03-31" },
      { field: "kpiTarget", before: "120.5", after: "150" },
      { field: "investmentPlanned", before: "5000.25", after: "6000.5" },
    ]);
  });
});

describe("[IMPORT] dry run and confirm", () => {
  it("previews creates and field-by-field updates without writing, then applies them in one audited transaction", async () => {
    const existing = await seedFullMeasure();
    const newCode = `N.${uniqueSuffix()}`;
    const bytes = await taskList(
      [...ZH_HEADERS.slice(0, 7), ZH_HEADERS[12]!, ZH_HEADERS[13]!, ZH_HEADERS[15]!, ZH_HEADERS[16]!],
      [
        [1, existing.code, existing.titleZh, lead.nameEn, `${coop.nameZh}`, "新责任人", "2027-03-31", "新增里程 (公里)：目标 150", "5000.25", otherArea.code, city.nameZh],
        [2, newCode, "导入的新措施", lead.nameZh, `${coop.nameZh}、${lead.nameZh}`, "王五", new Date(Date.UTC(2027, 5, 30)), "", "计划 800，完成 0", area.code, `${city.nameEn}; ${city2.nameZh}`],
      ],
    );
    const before = await counts();
    await signInAs(admin);
    const plan = await preview(bytes);
    expect(plan.errors).toEqual([]);
    expect(plan.creates).toEqual([expect.objectContaining({ row: 3, code: newCode, title: "导入的新措施" })]);
    expect(plan.updates).toHaveLength(1);
    expect(plan.updates[0]).toMatchObject({ row: 2, code: existing.code });
    expect(plan.updates[0]!.changes).toEqual([
      { field: "responsiblePerson", before: "原责任人", after: "新责任人" },
      { field: "dueDate", before: existing.dueDate!.toISOString().slice(0, 10), after: "2027-03-31" },
      { field: "kpiTarget", before: "120.5", after: "150" },
      { field: "area", before: area.code, after: otherArea.code },
      { field: "cities", before: expect.any(String), after: city.nameZh },
    ]);
    expect(await counts()).toEqual(before);

    const { status, body } = await post(bytes, { fingerprint: plan.fingerprint });
    expect(status, JSON.stringify(body)).toBe(200);
    expect(body).toEqual({ created: 1, updated: 1 });

    const updated = await db.measure.findUniqueOrThrow({ where: { id: existing.id }, include: { cities: true, cooperatingUnits: true } });
    expect(updated).toMatchObject({ responsiblePerson: "新责任人", areaId: otherArea.id, version: existing.version + 1, kpiNameZh: "新增里程" });
    expect(updated.dueDate!.toISOString()).toBe("2027-03-31T00:00:00.000Z");
    expect(updated.kpiTarget!.toString()).toBe("150");
    expect(updated.kpiActual!.toString()).toBe("30");
    expect(updated.cities.map((row) => row.cityId)).toEqual([city.id]);
    expect(updated.cooperatingUnits.map((row) => row.unitId)).toEqual([coop.id]);

    const created = await db.measure.findUniqueOrThrow({ where: { code: newCode }, include: { cities: true, cooperatingUnits: true } });
    expect(created).toMatchObject({ titleZh: "导入的新措施", titleEn: "导入的新措施", leadUnitId: lead.id, areaId: area.id, responsiblePerson: "王五", isSample: false });
    expect(created.investmentPlanned!.toString()).toBe("800");
    expect(created.dueDate!.toISOString()).toBe("2027-06-30T00:00:00.000Z");
    expect(created.cities.map((row) => row.cityId).sort()).toEqual([city.id, city2.id].sort());
    expect(created.cooperatingUnits.map((row) => row.unitId).sort()).toEqual([coop.id, lead.id].sort());

    const audit = await db.auditEvent.findMany({ where: { entityId: { in: [existing.id, created.id] } }, orderBy: { action: "asc" } });
    expect(audit.map((event) => [event.action, event.entityId, event.actorId])).toEqual([
      ["measure.importCreate", created.id, admin.id],
      ["measure.importUpdate", existing.id, admin.id],
    ]);
    expect(audit[1]!.before).toMatchObject({ responsiblePerson: "原责任人", version: existing.version });
    expect(audit[1]!.after).toMatchObject({ responsiblePerson: "新责任人", version: existing.version + 1 });

    // The same file again: everything is as the file says.
    const again = await preview(bytes);
    expect([again.creates.length, again.updates.length, again.unchanged]).toEqual([0, 0, 2]);
  });

  it("refuses the confirm when the data changed after the preview, and writes nothing", async () => {
    const measure = await seedFullMeasure();
    const bytes = await taskList(MIN_HEADERS.concat(H.person!), [[measure.code, measure.titleZh, lead.nameZh, area.code, "预览时的责任人"]]);
    await signInAs(admin);
    const plan = await preview(bytes);
    expect(plan.updates[0]!.changes).toEqual([{ field: "responsiblePerson", before: "原责任人", after: "预览时的责任人" }]);
    // Someone else edits the same measure between the preview and the confirm.
    await db.measure.update({ where: { id: measure.id }, data: { responsiblePerson: "别人改的", version: { increment: 1 } } });
    const before = await counts();
    const { status, body } = await post(bytes, { fingerprint: plan.fingerprint });
    expect(status).toBe(409);
    expect(body.error.code).toBe("PLAN_CHANGED");
    expect(await counts()).toEqual(before);
    expect((await db.measure.findUniqueOrThrow({ where: { id: measure.id } })).responsiblePerson).toBe("别人改的");
  });

  it("refuses a confirm without the preview's fingerprint", async () => {
    const measure = await seedFullMeasure();
    const bytes = await taskList(MIN_HEADERS.concat(H.person!), [[measure.code, measure.titleZh, lead.nameZh, area.code, "某人"]]);
    await signInAs(admin);
    const { status, body } = await post(bytes);
    expect(status).toBe(422);
    expect(body.error.fieldErrors.fingerprint.key).toBe("importFingerprint");
    const wrong = await post(bytes, { fingerprint: "0".repeat(64) });
    expect(wrong.body.error.code).toBe("PLAN_CHANGED");
    expect((await db.measure.findUniqueOrThrow({ where: { id: measure.id } })).responsiblePerson).toBe("原责任人");
  });

  it("rolls back every create and update when a later write fails", async () => {
    const [first, second] = [await seedFullMeasure(), await seedFullMeasure()];
    const newCode = `RB.${uniqueSuffix()}`;
    const bytes = await taskList(MIN_HEADERS.concat(H.person!), [
      [first.code, first.titleZh, lead.nameZh, area.code, "甲"],
      [newCode, "回滚的新措施", lead.nameZh, area.code, "丙"],
      [second.code, second.titleZh, lead.nameZh, area.code, "乙"],
    ]);
    await signInAs(admin);
    const plan = await preview(bytes);
    expect([plan.creates.length, plan.updates.length]).toEqual([1, 2]);
    const before = await counts();
    // The last step (the updates' audit events) fails after the creates and updates were written.
    let auditWrites = 0;
    const failing = Object.create(db, {
      $transaction: {
        value: (run: (tx: unknown) => Promise<unknown>, options: unknown) =>
          db.$transaction(async (tx) => {
            const auditEvent = new Proxy(tx.auditEvent, {
              get: (target, name) => (name === "createMany" && ++auditWrites === 2 ? () => Promise.reject(new Error("disk full")) : Reflect.get(target, name)),
            });
            return run(new Proxy(tx, { get: (target, name) => (name === "auditEvent" ? auditEvent : Reflect.get(target, name)) }));
          }, options as never),
      },
    });
    await expect(importMeasures(failing, { id: admin.id } as never, bytes, plan.fingerprint)).rejects.toThrow("disk full");
    expect(auditWrites).toBe(2);
    expect(await counts()).toEqual(before);
    expect(await db.measure.count({ where: { code: newCode } })).toBe(0);
    const after = await db.measure.findMany({ where: { id: { in: [first.id, second.id] } } });
    expect(after.map((measure) => [measure.responsiblePerson, measure.version])).toEqual([
      ["原责任人", first.version],
      ["原责任人", second.version],
    ]);
  });

  it("refuses the whole import when a measure changed between planning and writing", async () => {
    const measure = await seedFullMeasure();
    const bytes = await taskList(MIN_HEADERS.concat(H.person!), [[measure.code, measure.titleZh, lead.nameZh, area.code, "新人"]]);
    await signInAs(admin);
    const plan = await preview(bytes);
    // A writer slips in after the plan was read inside the transaction: the version check catches it.
    const racing = Object.create(db, {
      $transaction: {
        value: (run: (tx: unknown) => Promise<unknown>, options: unknown) =>
          db.$transaction(async (tx) => {
            const queryRaw = (...args: unknown[]) =>
              tx.$executeRaw`UPDATE "Measure" SET version = version + 1 WHERE id = ${measure.id}`.then(() => (tx.$queryRaw as (...a: unknown[]) => unknown)(...args));
            return run(new Proxy(tx, { get: (target, name) => (name === "$queryRaw" ? queryRaw : Reflect.get(target, name)) }));
          }, options as never),
      },
    });
    await expect(importMeasures(racing, { id: admin.id } as never, bytes, plan.fingerprint)).rejects.toMatchObject({ code: "CONFLICT" });
    const after = await db.measure.findUniqueOrThrow({ where: { id: measure.id } });
    expect([after.responsiblePerson, after.version]).toEqual(["原责任人", measure.version]);
  });
});

describe("[IMPORT] errors by row and cell", () => {
  it("reports every bad cell with its row and column, and nothing can be confirmed", async () => {
    const measure = await seedFullMeasure();
    const dup = `D.${uniqueSuffix()}`;
    const bytes = await taskList(
      [H.code!, H.title!, H.leadUnit!, H.coop!, H.due!, ZH_HEADERS[15]!, ZH_HEADERS[16]!, ZH_HEADERS[12]!, ZH_HEADERS[13]!],
      [
        [dup, "第一条", lead.nameZh, null, "2027-01-31", area.code],
        [dup, "重复编号", lead.nameZh, null, null, area.code],
        [measure.code, "", lead.nameZh, null, null, area.code],
        [`E.${uniqueSuffix()}`, "未知单位", "不存在的局", "也不存在的办", "2027-02-30", "NO-AREA", "火星市", "没有目标的指标 (个)：目标 很多", "-5"],
        ["bad code!", "编号错", lead.nameZh, null, "明年", area.code],
      ],
    );
    const before = await counts();
    await signInAs(admin);
    const plan = await preview(bytes);
    expect(plan.errors).toEqual([
      { row: 3, column: "编号", key: "duplicateCode", values: { code: dup, firstRow: 2 } },
      { row: 4, column: "任务/措施", key: "missingTitle" },
      { row: 5, column: "牵头单位", key: "unknownUnit", values: { name: "不存在的局" } },
      { row: 5, column: "配合单位", key: "unknownUnit", values: { name: "也不存在的办" } },
      { row: 5, column: "完成时限", key: "badDate", values: { value: "2027-02-30" } },
      { row: 5, column: "KPI", key: "badKpi", values: { value: "没有目标的指标 (个)：目标 很多" } },
      { row: 5, column: "投资（万元）", key: "badInvestment", values: { value: "-5" } },
      { row: 5, column: "领域", key: "unknownArea", values: { code: "NO-AREA" } },
      { row: 5, column: "城市", key: "unknownCity", values: { name: "火星市" } },
      { row: 6, column: "编号", key: "badCode", values: { value: "bad code!" } },
      { row: 6, column: "完成时限", key: "badDate", values: { value: "明年" } },
    ]);
    expect(plan.creates.map((create) => create.row)).toEqual([2]);
    const { status, body } = await post(bytes, { fingerprint: plan.fingerprint });
    expect(status).toBe(422);
    expect(body.error.fieldErrors.file.key).toBe("importHasErrors");
    expect(await counts()).toEqual(before);
  });

  it("reads English headers in any order and units by their English names", async () => {
    const code = `EN.${uniqueSuffix()}`;
    const bytes = await workbookBytes([
      [EN_HEADERS[15], EN_HEADERS[3], EN_HEADERS[2], EN_HEADERS[1], EN_HEADERS[6]],
      [area.code, lead.nameEn, "Imported in English", code, "2027/9/1"],
      [area.code, "No such unit", "Bad", `X.${uniqueSuffix()}`, null],
    ]);
    await signInAs(admin);
    const plan = await preview(bytes);
    expect(plan.errors).toEqual([{ row: 3, column: "Lead unit", key: "unknownUnit", values: { name: "No such unit" } }]);
    expect(plan.creates[0]).toMatchObject({ row: 2, code, title: "Imported in English" });
    expect(plan.creates[0]!.changes).toContainEqual({ field: "dueDate", before: "", after: "2027-09-01" });
  });
});

describe("[IMPORT] malformed files: a clear error and nothing written", () => {
  const expectRefused = async (bytes: Uint8Array, status: number, key: string, values?: Record<string, unknown>) => {
    const before = await counts();
    await signInAs(admin);
    for (const fingerprint of [undefined, "0".repeat(64)]) {
      const response = await post(bytes, fingerprint ? { fingerprint } : { dryRun: true });
      expect(response.status, JSON.stringify(response.body)).toBe(status);
      expect(response.body.error.fieldErrors.file).toEqual(values ? { key, values } : expect.objectContaining({ key }));
    }
    expect(await counts()).toEqual(before);
  };

  it("not a spreadsheet", async () => {
    await expectRefused(new TextEncoder().encode("编号,任务/措施\n1.1,x\n"), 422, "importNotSpreadsheet");
    await expectRefused(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]), 422, "importNotSpreadsheet");
  });

  it("an empty file, an empty sheet, a header without rows", async () => {
    await expectRefused(new Uint8Array(0), 422, "importEmpty");
    await expectRefused(await workbookBytes([]), 422, "importEmpty");
    await expectRefused(await taskList(MIN_HEADERS, []), 422, "importEmpty");
  });

  it("unknown, duplicate, missing and headerless columns", async () => {
    await expectRefused(await taskList([...MIN_HEADERS, "备注"], [["1", "t", lead.nameZh, area.code, "x"]]), 422, "importUnknownColumns", { columns: 'E1 "备注"' });
    await expectRefused(await taskList([...MIN_HEADERS, "编号"], [["1", "t", lead.nameZh, area.code, "1"]]), 422, "importDuplicateColumns", { columns: 'E1 "编号"' });
    await expectRefused(await taskList([H.code!, H.title!], [["1", "t"]]), 422, "importMissingColumns", { columns: "牵头单位、领域" });
    await expectRefused(await taskList(MIN_HEADERS, [["1", "t", lead.nameZh, area.code, "stray"]]), 422, "importHeaderlessCells", { cells: "E2" });
  });

  it("formulas, naming the cells", async () => {
    const bytes = await taskList(MIN_HEADERS, [[`F.${uniqueSuffix()}`, "公式", lead.nameZh, area.code]], (sheet) => {
      sheet.getCell("B2").value = { formula: 'CONCAT("a","b")', result: "ab" };
      sheet.getCell("D2").value = { formula: "1+1", result: 2 };
    });
    await expectRefused(bytes, 422, "importFormulas", { cells: "B2, D2" });
  });

  it("merged cells, naming the ranges", async () => {
    const bytes = await taskList(MIN_HEADERS, [[`M.${uniqueSuffix()}`, "合并", lead.nameZh, area.code], ["", "", lead.nameZh, area.code]], (sheet) => sheet.mergeCells("A2:A3"));
    await expectRefused(bytes, 422, "importMergedCells", { ranges: "A2:A3" });
  });

  it("a sheet of 10,000 rows is refused quickly with the limit", async () => {
    const rows = Array.from({ length: 10_000 }, (_, index) => [`R.${index}`, `措施${index}`, lead.nameZh, area.code]);
    const bytes = await taskList(MIN_HEADERS, rows);
    const started = performance.now();
    await expectRefused(bytes, 422, "importTooManyRows", { count: 10_000, max: IMPORT_MAX_ROWS });
    expect(performance.now() - started).toBeLessThan(15_000);
  });

  it("a 20 MB file is refused before it is parsed", async () => {
    const bytes = new Uint8Array(randomBytes(20 * 1024 * 1024));
    await expectRefused(bytes, 413, "importTooLarge", { maxMb: 5 });
    // A declared length over the limit is refused without reading the body.
    await signInAs(admin);
    const response = await post(new Uint8Array(10), { dryRun: true, headers: { "content-length": String(20 * 1024 * 1024) } });
    expect(response.status).toBe(413);
  });

  it("a request without a file", async () => {
    await signInAs(admin);
    const request = new NextRequest("http://localhost/api/v1/measures/import?dryRun=1", {
      method: "POST",
      body: "not multipart",
      headers: { host: "localhost", origin: "http://localhost" },
    });
    const response = await POST(request, { params: Promise.resolve({}) });
    expect(response.status).toBe(422);
    expect((await response.json()).error.fieldErrors.file.key).toBe("importNoFile");
  });
});

describe("[IMPORT] permission and template", () => {
  it("only administrators may import: an official gets 403, no session 401, nothing written", async () => {
    const measure = await seedFullMeasure();
    const bytes = await taskList(MIN_HEADERS.concat(H.person!), [[measure.code, measure.titleZh, lead.nameZh, area.code, "越权"]]);
    await signInAs(admin);
    const { fingerprint } = await preview(bytes);
    const before = await counts();
    for (const user of [official, await seedUser(db, "LEADER", null), await seedUser(db, "INSPECTOR", null), await seedUser(db, "VIEWER", null)]) {
      await signInAs(user);
      expect((await post(bytes, { dryRun: true })).status).toBe(403);
      expect((await post(bytes, { fingerprint })).status).toBe(403);
    }
    await signInAs(null);
    expect((await post(bytes, { fingerprint })).status).toBe(401);
    expect(await counts()).toEqual(before);
  });

  it("the template has the headers, a marked example row that is never imported, and a sheet of accepted values", async () => {
    const t = (key: string, values?: Record<string, unknown>) =>
      format(key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], zh.measureImport) as string, values);
    const bytes = await buildImportTemplate(db, "zh", t);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const [sheet, help] = workbook.worksheets;
    expect((sheet!.getRow(1).values as unknown[]).slice(1)).toEqual(["序号", "编号", "任务/措施", "牵头单位", "配合单位", "责任人", "完成时限", "KPI", "投资（万元）", "领域", "城市"]);
    expect(sheet!.getRow(2).getCell(1).value).toBe("示例");
    const helpText = help!.getSheetValues().flat().map(String).join("\n");
    expect(helpText).toContain(area.code);
    expect(helpText).toContain(lead.nameZh);
    expect(helpText).toContain(city.nameZh);

    // Filled in below the example: only the new row is planned.
    const code = `TPL.${uniqueSuffix()}`;
    sheet!.addRow(["", code, "按模板填写", lead.nameZh, "", "", "2027-12-31", "", "", area.code, ""]);
    await signInAs(admin);
    const plan = await preview(new Uint8Array(await workbook.xlsx.writeBuffer()));
    expect(plan.exampleRows).toEqual([2]);
    expect(plan.errors).toEqual([]);
    expect(plan.creates.map((create) => create.code)).toEqual([code]);
  });
});

describe("[IMPORT] a change of lead unit (lead-unit authority, #14)", () => {
  it("makes the new lead unit's reports the measure's latest report at once", async () => {
    const measure = await seedFullMeasure();
    const formerLead = await seedUser(db, "OFFICIAL", lead.id);
    const newLead = await seedUser(db, "OFFICIAL", coop.id);
    await seedReport(db, measure.id, lead.id, formerLead.id, "2026-11", "RETURNED", 40);
    await seedReport(db, measure.id, coop.id, newLead.id, "2026-10", "APPROVED", 60);
    expect(await db.measure.findUniqueOrThrow({ where: { id: measure.id } })).toMatchObject({ latestReportState: "RETURNED" });

    const bytes = await taskList(MIN_HEADERS.concat(H.coop!), [[measure.code, measure.titleZh, coop.nameZh, area.code, lead.nameZh]]);
    await signInAs(admin);
    const plan = await preview(bytes);
    expect(plan.updates[0]!.changes.map((change) => change.field)).toContain("leadUnit");
    const { status, body } = await post(bytes, { fingerprint: plan.fingerprint });
    expect(status, JSON.stringify(body)).toBe(200);
    expect(await db.measure.findUniqueOrThrow({ where: { id: measure.id } })).toMatchObject({
      leadUnitId: coop.id,
      latestReportState: "APPROVED",
      latestReportPeriod: new Date("2026-10-01T00:00:00Z"),
    });
  });
});
