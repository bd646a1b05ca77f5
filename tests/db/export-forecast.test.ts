import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ledgerCsvStream } from "@/lib/exports/ledger-csv";
import { ledgerXlsxStream } from "@/lib/exports/ledger-xlsx";
import { ledgerXlsxLabels } from "@/lib/exports/ledger-xlsx-labels";
import { listLedger } from "@/lib/ledger/list-ledger";
import { ledgerViewRows, type LedgerViewFormat } from "@/lib/ledger/ledger-view-rows";
import { ledgerQuerySchema, type LedgerQuery } from "@/lib/ledger/schemas";
import en from "@/messages/en.json";
import zh from "@/messages/zh-CN.json";
import { seedArea, seedMeasure, seedReport, seedUnit, seedUser } from "./fixtures";
import { testDb } from "./helpers";

const db = testDb();
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const today = d("2026-11-28");
const settings = { reportingDay: 28, paceMarginPercent: 10, dueSoonDays: 30 };
let areaCode: string;
const codes = { miss: "", course: "", stalled: "", young: "" };
const query = (overrides: Partial<LedgerQuery> = {}) => ledgerQuerySchema.parse({ area: areaCode, sort: "code", ...overrides });

const csvLabels = (locale: "zh-CN" | "en") => {
  const messages = locale === "en" ? en : zh;
  return { locale, columns: messages.export.columns.split("|"), light: () => "", sample: "", ongoing: "", kpi: () => "", investment: () => "" };
};

/** Rows of the CSV export by measure code (the file has no quoted commas here). */
async function csvRows(q: LedgerQuery, locale: "zh-CN" | "en") {
  const text = (await new Response(ledgerCsvStream(db, q, today, settings, csvLabels(locale))).text()).replace(/^\uFEFF/, "");
  const [header, ...rows] = text.split("\r\n").filter(Boolean).map((line) => line.split(","));
  return { header: header!, byCode: new Map(rows.map((row) => [row[1]!, row])) };
}

async function xlsxSheet(q: LedgerQuery, locale: "zh-CN" | "en") {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await new Response(ledgerXlsxStream(db, q, today, settings, ledgerXlsxLabels(locale, [], today, q.asOf))).arrayBuffer());
  return workbook.worksheets[0]!;
}

/** The ledger column's forecast of every row of the view (lib/ledger/ledger-view-rows.ts), by code. */
async function ledgerColumn(q: LedgerQuery) {
  const { rows } = await listLedger(db, { ...q, perPage: 200 }, today, settings);
  const month = (date: Date) => date.toISOString().slice(0, 7);
  const format = { locale: "zh-CN", month, date: month, number: String, status: String, reportState: String, ongoing: "", kpi: () => "", notices: () => "" } as LedgerViewFormat;
  const view = await ledgerViewRows(db, rows, q, today, format);
  return new Map(view.map((row) => [row.code, row.forecast!]));
}

beforeAll(async () => {
  const area = await seedArea(db);
  areaCode = area.code;
  const lead = await seedUnit(db);
  const author = await seedUser(db, "OFFICIAL", lead.id);
  const measure = async (due: string, percents: number[]) => {
    const created = await seedMeasure(db, area.id, lead.id, [], { startDate: d("2026-01-01"), dueDate: d(due) });
    for (const [index, percent] of percents.entries()) {
      await seedReport(db, created.id, lead.id, author.id, `2026-${String(11 - percents.length + index).padStart(2, "0")}`, "APPROVED", percent);
    }
    return created.code;
  };
  // 45 % in October at 5 a month, due in December: will miss, finishes 2027-09; needs 55 in 2 months.
  codes.miss = await measure("2026-12-31", [20, 25, 30, 35, 40, 45]);
  // 90 % in October at 10 a month, due mid-2027: on course, finishes 2026-11; needs 10 in 8 months.
  codes.course = await measure("2027-06-30", [40, 50, 60, 70, 80, 90]);
  // Stalled at 30: will miss and never finishes.
  codes.stalled = await measure("2027-06-30", [30, 30, 30, 30]);
  // Two reports: too little history, no figures.
  codes.young = await measure("2026-12-31", [10, 12]);
});
afterAll(() => db.$disconnect());

describe("[FORECAST] the delivery forecast in the ledger exports", () => {
  it("CSV: the class, the finish month, points a month needed and averaged, in the export's language", async () => {
    const zhFile = await csvRows(query(), "zh-CN");
    expect(zhFile.header.slice(-4)).toEqual(["交付预测", "预计完成月份", "每月需推进（百分点）", "近期月均推进（百分点）"]);
    const forecast = (code: string) => zhFile.byCode.get(code)!.slice(-4);
    expect(forecast(codes.miss)).toEqual(["预计逾期", "2027-09", "27.5", "5.0"]);
    expect(forecast(codes.course)).toEqual(["按期可完成", "2026-11", "1.3", "10.0"]);
    expect(forecast(codes.stalled)).toEqual(["预计逾期", zh.forecastViews.noFinish, "8.8", "0.0"]);
    expect(forecast(codes.young)).toEqual(["历史数据不足", "", "", ""]);

    const enFile = await csvRows(query(), "en");
    expect(enFile.header.slice(-4)).toEqual(["Delivery forecast", "Projected finish", "Points a month needed", "Points a month averaged"]);
    expect(enFile.byCode.get(codes.miss)).toContain("Will miss the due date");
  });

  it("agrees with the ledger's column for the same filters, this month and as of a past month", async () => {
    for (const q of [query(), query({ asOf: "2026-08" }), query({ forecast: "WILL_MISS" })]) {
      const column = await ledgerColumn(q);
      const file = await csvRows(q, "zh-CN");
      expect([...file.byCode.keys()].sort()).toEqual([...column.keys()].sort());
      for (const [code, forecast] of column) {
        const [label, finish] = file.byCode.get(code)!.slice(-4);
        expect(label, code).toBe(zh.forecast.class[forecast.class]);
        if (forecast.finish) expect(finish, code).toBe(forecast.finish);
      }
    }
    // The filter keeps the two will-miss measures, as in the ledger.
    expect([...(await csvRows(query({ forecast: "WILL_MISS" }), "zh-CN")).byCode.keys()].sort()).toEqual([codes.miss, codes.stalled].sort());
  });

  it("Excel: the forecast's four columns when the view shows the forecast, typed, as of the view's month", async () => {
    const sheet = await xlsxSheet(ledgerQuerySchema.parse({ area: areaCode, sort: "code", cols: "forecast", asOf: "2026-08" }), "en");
    const headers = (sheet.getRow(3).values as unknown[]).slice(1);
    expect(headers.slice(3, 7)).toEqual(Object.values(en.forecastExport.columns));
    const rowOf = (code: string) => sheet.getRows(4, sheet.rowCount - 3)!.find((row) => row.getCell(2).value === code)!;
    // As of August the first had 20, 25, 30, 35: 35 % at 5 a month, 65 to go, finishing 2027-09; 65 needed in 4 months.
    const miss = rowOf(codes.miss);
    expect([4, 5, 6, 7].map((column) => miss.getCell(column).value)).toEqual(["Will miss the due date", d("2027-09-01"), 16.3, 5]);
    expect([5, 6, 7].map((column) => miss.getCell(column).numFmt)).toEqual(["yyyy-mm", "0.0", "0.0"]);
    // The young measure had no report by August; the stalled one had two (September and October came later).
    expect([4, 5, 6, 7].map((column) => rowOf(codes.young).getCell(column).value)).toEqual(["Too little history", null, null, null]);
    expect(rowOf(codes.stalled).getCell(4).value).toBe("Too little history");

    // Without the forecast column, none of its columns.
    const plain = await xlsxSheet(query(), "zh-CN");
    expect((plain.getRow(3).values as unknown[]).filter((header) => Object.values(zh.forecastExport.columns).includes(header as string))).toEqual([]);
  });
});
