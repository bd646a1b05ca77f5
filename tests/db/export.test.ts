import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/v1/measures/export.csv/route";
import ExcelJS from "exceljs";
import { ledgerCsvStream } from "@/lib/exports/ledger-csv";
import { ledgerXlsxStream } from "@/lib/exports/ledger-xlsx";
import { listLedger } from "@/lib/ledger/list-ledger";
import { ledgerQuerySchema } from "@/lib/ledger/schemas";
import zh from "@/messages/zh-CN.json";
import { signInAs } from "../setup/request-context";
import { seedMeasure, seedReport, seedUnit, seedUser, uniqueSuffix } from "./fixtures";
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
  kpi: ({ name, target, actual }: { name: string; target: string; actual: string }) => `${name}：目标 ${target}，实际 ${actual}`,
  investment: ({ planned, completed }: { planned: string; completed: string }) => `计划 ${planned}，完成 ${completed}`,
};

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
      await db.measure.update({ where: { id: measure.id }, data: { titleZh: "=1+1 公式注入", isSample: true } });
      const report = await seedReport(db, measure.id, lead.id, author.id, "2026-10", "APPROVED");
      await db.progressReport.update({ where: { id: report.id }, data: { progress: "完成\n两项工作", problems: '资金"缺口"', nextSteps: "+加快" } });
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
    expect(header).toEqual(labels.columns);
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
  });

  it("writes the same view as an Excel workbook: frozen header, filters, light as cell colour", async () => {
    const query = ledgerQuerySchema.parse({ area, sort: "code" });
    const buffer = await new Response(ledgerXlsxStream(db, query, today, settings, { ...labels, sheetName: "台账" })).arrayBuffer();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer);
    const sheet = workbook.getWorksheet("台账")!;
    expect(sheet.rowCount).toBe(251);
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(labels.columns);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    const injected = sheet.getRows(2, 250)!.find((row) => String(row.getCell(3).value).includes("公式注入"))!;
    // Excel cells hold text, never formulas: the typed "=" stays text.
    expect(injected.getCell(3).value).toBe("=1+1 公式注入");
    expect(injected.getCell(3).formula).toBeUndefined();
    expect(injected.getCell(15).value).toBe("示例数据");
    const light = injected.getCell(12);
    expect(labels.columns[11]).toBe("灯色");
    expect(Object.values(zh.lights)).toContain(light.value);
    expect((light.fill as ExcelJS.FillPattern).fgColor?.argb).toMatch(/^FF[0-9A-F]{6}$/);
  });

  it("is behind the guard: no session, no file", async () => {
    await signInAs(null);
    const response = await GET(new NextRequest(`http://localhost/api/v1/measures/export.csv?area=${area}`), { params: Promise.resolve({}) });
    expect(response.status).toBe(401);
  });
});
