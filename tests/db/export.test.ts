import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/v1/measures/export.csv/route";
import ExcelJS from "exceljs";
import { ledgerCsvStream } from "@/lib/exports/ledger-csv";
import { ledgerXlsxStream, type LedgerXlsxLabels } from "@/lib/exports/ledger-xlsx";
import { ledgerXlsxLabels } from "@/lib/exports/ledger-xlsx-labels";
import { describeLedgerScope } from "@/lib/ledger/describe-ledger-scope";
import { listLedger } from "@/lib/ledger/list-ledger";
import { ledgerQuerySchema, type LedgerQuery } from "@/lib/ledger/schemas";
import { getMeasure } from "@/lib/measures/get-measure-json";
import { listMeasuresQuerySchema, listMeasuresResponseSchema, measureDetailSchema } from "@/lib/measures/api-schemas";
import { listMeasures } from "@/lib/measures/list-measures-json";
import en from "@/messages/en.json";
import zh from "@/messages/zh-CN.json";
import { cities as circleCities } from "@/prisma/seed/data/cities";
import { signInAs } from "../setup/request-context";
import { seedAttachment, seedMeasure, seedReport, seedUnit, seedUser, uniqueSuffix } from "./fixtures";
import { testDb } from "./helpers";

const db = testDb();
const today = new Date("2026-11-28T00:00:00Z");
const settings = { reportingDay: 28, paceMarginPercent: 10, dueSoonDays: 30 };
let area: string;
const labels = {
  locale: "zh-CN",
  columns: zh.export.columns.split("|"),
  light: (light: string) => zh.lights[light as "RED"],
  sample: zh.export.sample,
  ongoing: zh.measureOngoing.due,
  kpi: ({ name, target, actual }: { name: string; target: string; actual: string }) => `${name}：目标 ${target}，实际 ${actual}`,
  investment: ({ planned, completed }: { planned: string; completed: string }) => `计划 ${planned}，完成 ${completed}`,
};

/** The first sheet of the Excel export of a view, as exceljs reads it back. */
async function exportedSheet(query: LedgerQuery, xlsxLabels: LedgerXlsxLabels) {
  const buffer = await new Response(ledgerXlsxStream(db, query, today, settings, xlsxLabels)).arrayBuffer();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer);
  return workbook.worksheets[0]!;
}

/** Minimal CSV reader for the test: quoted fields, doubled quotes, CRLF rows. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ",") row.push(field), (field = "");
    else if (char === "\r" && text[i + 1] === "\n") row.push(field), rows.push(row), (row = []), (field = ""), i++;
    else field += char;
  }
  return rows;
}

beforeAll(async () => {
  const suffix = uniqueSuffix();
  const programme = await db.programme.create({ data: { code: `EP-${suffix}`, titleZh: "导出测试", titleEn: "Export test", sortOrder: 700 } });
  area = (await db.area.create({ data: { code: `EA-${suffix}`, programmeId: programme.id, titleZh: "导出领域", titleEn: "Export area", sortOrder: 700 } })).code;
  const areaId = (await db.area.findUniqueOrThrow({ where: { code: area } })).id;
  const [lead, coop] = [await seedUnit(db), await seedUnit(db)];
  const author = await seedUser(db, "OFFICIAL", lead.id);
  for (let index = 0; index < 250; index++) {
    const measure = await seedMeasure(db, areaId, lead.id, index === 0 ? [coop.id] : []);
    if (index === 0) {
      await db.measure.update({
        where: { id: measure.id },
        data: {
          titleZh: "=1+1 公式注入",
          isSample: true,
          percentComplete: 40,
          startDate: new Date("2026-01-01T00:00:00Z"),
          dueDate: new Date("2027-06-30T00:00:00Z"),
          kpiNameZh: "新增里程",
          kpiNameEn: "New length",
          kpiUnit: "公里",
          kpiTarget: "120.5",
          kpiActual: "30",
          investmentPlanned: "5000.25",
          investmentCompleted: "100",
          cities: { create: [{ cityId: (await db.city.upsert({ where: { code: circleCities[0]!.code }, update: {}, create: circleCities[0]! })).id }] },
        },
      });
      const report = await seedReport(db, measure.id, lead.id, author.id, "2026-10", "APPROVED");
      await db.progressReport.update({ where: { id: report.id }, data: { progress: "完成\n两项工作", problems: '资金"缺口"', nextSteps: "+加快" } });
      // Two live files back the exported report; a removed one and a later draft's file do not count.
      await seedAttachment(db, { measureId: measure.id, reportId: report.id }, author.id, "a.jpg");
      await seedAttachment(db, { measureId: measure.id, reportId: report.id }, author.id, "b.pdf");
      await seedAttachment(db, { measureId: measure.id, reportId: report.id }, author.id, "gone.jpg", { deletedAt: new Date() });
      const draft = await seedReport(db, measure.id, lead.id, author.id, "2026-11", "DRAFT");
      await seedAttachment(db, { measureId: measure.id, reportId: draft.id }, author.id, "draft.jpg");
    }
  }
});
afterAll(() => db.$disconnect());

describe("[EXPORT] ledger CSV", () => {
  it("holds exactly the ledger view, in its order, across batches, Excel-ready", async () => {
    const query = ledgerQuerySchema.parse({ area, sort: "code" });
    const bytes = new Uint8Array(await new Response(ledgerCsvStream(db, query, today, settings, labels)).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
    const [header, ...rows] = parseCsv(text.slice(1));
    // The standard columns, then the delivery forecast's (tests/db/export-forecast.test.ts).
    expect(header).toEqual([...labels.columns, "交付预测", "预计完成月份", "每月需推进（百分点）", "近期月均推进（百分点）"]);
    const { rows: all, total } = await listLedger(db, { ...query, perPage: 200 }, today, settings);
    expect(rows).toHaveLength(total);
    expect(total).toBe(250);
    expect(rows.slice(0, 200).map((row) => row[1])).toEqual(all.map((row) => row.code));

    const first = rows.find((row) => row[2]!.includes("公式注入"))!;
    expect(first[2]).toBe("'=1+1 公式注入");
    expect(first[4]).toMatch(/测试单位/);
    expect(first[7]).toBe("完成\n两项工作");
    expect(first[8]).toBe('资金"缺口"');
    expect(first[9]).toBe("'+加快");
    expect(first[14]).toBe("示例数据");
    expect(rows.filter((row) => row[14] === "示例数据")).toHaveLength(1);
    expect(header![18]).toBe("佐证材料");
    expect(first[18]).toBe("2");
    // No report, no count (rather than a misleading 0).
    expect(rows.find((row) => row !== first)![18]).toBe("");
  });

  it("writes the same view as an Excel workbook: title and scope above a frozen header, filters, light as cell colour", async () => {
    const query = ledgerQuerySchema.parse({ area, sort: "code" });
    const labels = ledgerXlsxLabels("zh-CN", await describeLedgerScope(db, query, "zh-CN"), today);
    const sheet = await exportedSheet(query, labels);
    expect(sheet.name).toBe("台账");
    expect(sheet.getCell("A1").value).toBe("任务台账（截至 2026年11月28日）");
    expect(sheet.getCell("A2").value).toBe(`范围：领域：${area} 导出领域  ${zh.ledgerView.xlsx.sampleNote}`);
    expect(sheet.rowCount).toBe(253);
    const header = (sheet.getRow(3).values as unknown[]).slice(1);
    // The default ledger columns, the area's name beside its code, the data label, then the import keys the view leaves out: none here.
    expect(header).toEqual(["序号", "编号", "任务/措施", "领域", "领域名称", "牵头单位", "完成时限", "状态", "完成比例", "灯色", "最近报告期", "佐证材料", "数据性质"]);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 3 });
    expect(sheet.autoFilter).toBeTruthy();
    const injected = sheet.getRows(4, 250)!.find((row) => String(row.getCell(3).value).includes("公式注入"))!;
    // Excel cells hold text, never formulas: the typed "=" stays text.
    expect(injected.getCell(3).value).toBe("=1+1 公式注入");
    expect(injected.getCell(3).formula).toBeUndefined();
    expect(injected.getCell(12).value).toBe(2);
    expect(injected.getCell(13).value).toBe("示例数据");
    expect(injected.getCell(5).value).toBe("导出领域");
    const light = injected.getCell(10);
    expect(Object.values(zh.lights)).toContain(light.value);
    expect((light.fill as ExcelJS.FillPattern).fgColor?.argb).toMatch(/^FF[0-9A-F]{6}$/);
  });

  it("types its cells: percentages, dates, months, amounts and KPI figures are numbers and dates with formats, not text", async () => {
    const query = ledgerQuerySchema.parse({
      area,
      sort: "code",
      cols: "expectedPercent,percent,dueDate,latestPeriod,latestState,kpi,investmentPlanned,investmentCompleted,responsiblePerson,cooperatingUnits,cities,progress",
    });
    const sheet = await exportedSheet(query, ledgerXlsxLabels("zh-CN", [], today));
    expect(sheet.getCell("A2").value).toBe(`范围：全部措施  ${zh.ledgerView.xlsx.sampleNote}`);
    const headers = (sheet.getRow(3).values as unknown[]).slice(1) as string[];
    expect(headers).toEqual([
      "序号", "编号", "任务/措施", "配合单位", "责任人", "城市", "完成时限", "完成比例", "序时进度", "最近报告期", "最近报告状态",
      "KPI", "KPI目标", "KPI实际", "计划投资（万元）", "完成投资（万元）", "进展情况", "佐证材料", "数据性质",
      // Import keys the view does not show: hidden, in an outline group.
      "牵头单位", "领域",
    ]);
    const col = (header: string) => headers.indexOf(header) + 1;
    for (const key of ["领域", "牵头单位"]) {
      expect(sheet.getColumn(col(key)).hidden, key).toBe(true);
      expect(sheet.getColumn(col(key)).outlineLevel, key).toBe(1);
    }
    expect(sheet.getColumn(col("完成比例")).hidden).toBe(false);
    const row = sheet.getRows(4, 250)!.find((candidate) => String(candidate.getCell(3).value).includes("公式注入"))!;
    const cell = (header: string) => row.getCell(col(header));

    expect(cell("序号").type).toBe(ExcelJS.ValueType.Number);
    expect(cell("完成比例").value).toBe(0.4);
    expect(cell("完成比例").numFmt).toBe("0%");
    expect(typeof cell("序时进度").value).toBe("number");
    expect(cell("序时进度").value as number).toBeGreaterThan(0);
    expect(cell("序时进度").value as number).toBeLessThan(1);
    expect(cell("序时进度").numFmt).toBe("0%");
    expect(cell("完成时限").value).toBeInstanceOf(Date);
    expect((cell("完成时限").value as Date).toISOString()).toBe("2027-06-30T00:00:00.000Z");
    expect(cell("完成时限").numFmt).toBe("yyyy-mm-dd");
    expect(cell("最近报告期").value).toBeInstanceOf(Date);
    expect((cell("最近报告期").value as Date).toISOString()).toBe("2026-10-01T00:00:00.000Z");
    expect(cell("最近报告期").numFmt).toBe("yyyy-mm");
    expect(cell("最近报告状态").value).toBe("已审核");
    expect(cell("KPI").value).toBe("新增里程 (公里)");
    expect(cell("KPI目标").type).toBe(ExcelJS.ValueType.Number);
    expect(cell("KPI目标").value).toBe(120.5);
    expect(cell("KPI实际").value).toBe(30);
    expect(cell("计划投资（万元）").value).toBe(5000.25);
    expect(cell("计划投资（万元）").numFmt).toBe("#,##0.00");
    expect(cell("完成投资（万元）").value).toBe(100);
    expect(cell("完成投资（万元）").numFmt).toBe("#,##0.00");
    expect(cell("责任人").value).toBe("原责任人");
    expect(String(cell("配合单位").value)).toMatch(/测试单位/);
    expect(cell("进展情况").value).toBe("完成\n两项工作");
    expect(cell("数据性质").value).toBe("示例数据");
    expect(cell("佐证材料").value).toBe(2);
    expect(cell("佐证材料").type).toBe(ExcelJS.ValueType.Number);
    expect(cell("领域").value).toBe(area);

    // A measure without KPI, investment or reports leaves those cells empty rather than writing 0 or text.
    const plain = sheet.getRows(4, 250)!.find((candidate) => candidate !== row)!;
    expect(plain.getCell(col("KPI目标")).value).toBeNull();
    expect(plain.getCell(col("计划投资（万元）")).value).toBeNull();
    expect(plain.getCell(col("最近报告期")).value).toBeNull();
  });

  it("names the as-of month in the title and every filter in words in the scope row (English)", async () => {
    const query = ledgerQuerySchema.parse({ area, light: "RED", q: "x", asOf: "2026-10" });
    const labels = ledgerXlsxLabels("en", await describeLedgerScope(db, query, "en"), today, query.asOf);
    expect(labels.title).toBe("Ledger (end of October 2026, rebuilt from the report history)");
    expect(labels.scope).toBe(`Scope: Search (code, Chinese or English title): “x”; Area: ${area} Export area; Light: Red`);
    const sheet = await exportedSheet(query, labels);
    expect(sheet.getCell("A1").value).toBe(labels.title);
    expect(sheet.getCell("A2").value).toBe(labels.scope);
    expect((sheet.getRow(3).values as unknown[]).slice(1, 4)).toEqual(["No.", "Code", "Measure"]);
  });

  it("is behind the guard: no session, no file", async () => {
    await signInAs(null);
    const response = await GET(new NextRequest(`http://localhost/api/v1/measures/export.csv?area=${area}`), { params: Promise.resolve({}) });
    expect(response.status).toBe(401);
  });
});

describe("[ONGOING] an ongoing task (长期坚持) in place of a due date", () => {
  it("reads 长期 / Ongoing in the CSV and Excel exports, and the measures API carries `ongoing`", async () => {
    const suffix = uniqueSuffix();
    const programme = await db.programme.create({ data: { code: `OGP-${suffix}`, titleZh: "长期测试", titleEn: "Ongoing test", sortOrder: 701 } });
    const ongoingArea = await db.area.create({ data: { code: `OGA-${suffix}`, programmeId: programme.id, titleZh: "长期领域", titleEn: "Ongoing area", sortOrder: 701 } });
    const lead = await seedUnit(db);
    const ongoing = await seedMeasure(db, ongoingArea.id, lead.id);
    await db.measure.update({ where: { id: ongoing.id }, data: { ongoing: true, dueDate: null } });
    const dated = await seedMeasure(db, ongoingArea.id, lead.id);
    const query = ledgerQuerySchema.parse({ area: ongoingArea.code, sort: "code", cols: "dueDate" });

    const csv = new TextDecoder("utf-8", { ignoreBOM: true }).decode(
      new Uint8Array(await new Response(ledgerCsvStream(db, query, today, settings, labels)).arrayBuffer()),
    );
    const due = new Map(parseCsv(csv.slice(1)).slice(1).map((row) => [row[1], row[6]]));
    expect(due.get(ongoing.code)).toBe("长期");
    expect(due.get(dated.code)).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    for (const [lang, word] of [["zh-CN", "长期"], ["en", "Ongoing"]] as const) {
      const sheet = await exportedSheet(query, ledgerXlsxLabels(lang, [], today));
      const headers = (sheet.getRow(3).values as unknown[]).slice(1);
      const dueColumn = headers.indexOf(lang === "en" ? en.export.columns.split("|")[6] : zh.export.columns.split("|")[6]) + 1;
      const rowOf = (code: string) => sheet.getRows(4, sheet.rowCount - 3)!.find((row) => row.getCell(2).value === code)!;
      expect(rowOf(ongoing.code).getCell(dueColumn).value).toBe(word);
      expect(rowOf(dated.code).getCell(dueColumn).value).toBeInstanceOf(Date);
    }

    const list = await listMeasures(db, listMeasuresQuerySchema.parse({ area: ongoingArea.code }), today);
    const items = listMeasuresResponseSchema.parse(list).items;
    expect(items.find((item) => item.code === ongoing.code)).toMatchObject({ ongoing: true, dueDate: null });
    expect(items.find((item) => item.code === dated.code)).toMatchObject({ ongoing: false });
    expect(measureDetailSchema.parse(await getMeasure(db, ongoing.code, today))).toMatchObject({ ongoing: true, dueDate: null });
  });
});
