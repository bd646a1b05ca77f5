import JSZip from "jszip";
import { NextRequest } from "next/server";
import { extractText } from "unpdf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getDocx } from "@/app/api/v1/bulletin.docx/route";
import { GET as getPdf } from "@/app/api/v1/bulletin.pdf/route";
import { bulletinDocument } from "@/lib/bulletin/bulletin-document";
import { renderBulletinDocx } from "@/lib/bulletin/bulletin-docx";
import { renderBulletinPdf } from "@/lib/bulletin/bulletin-pdf";
import { loadBulletinData } from "@/lib/bulletin/load-bulletin-data";
import { bulletinQuerySchema } from "@/lib/bulletin/schemas";
import { getDashboardData } from "@/lib/dashboard/get-dashboard-data";
import { signInAs } from "../setup/request-context";
import { seedUnit, seedUser, uniqueSuffix } from "./fixtures";
import { testDb } from "./helpers";

const db = testDb();
const today = new Date("2026-11-28T00:00:00Z");
const settings = { reportingDay: 28, paceMarginPercent: 10, dueSoonDays: 30 };
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
let programme: string;
let leadUnit: string;
let viewer: { id: string };
const titles: Record<string, { zh: string; en: string }> = {};

type Report = { period: string; state: "DRAFT" | "SUBMITTED" | "APPROVED" | "RETURNED"; percent: number; investment?: number; completion?: boolean; progress?: string };

beforeAll(async () => {
  const suffix = uniqueSuffix();
  const p = await db.programme.create({ data: { code: `BP-${suffix}`, titleZh: "通报测试", titleEn: "Bulletin test", sortOrder: 900 } });
  programme = p.code;
  const a1 = await db.area.create({ data: { code: `BA1-${suffix}`, programmeId: p.id, titleZh: "交通互联", titleEn: "Transport links", sortOrder: 901 } });
  const a2 = await db.area.create({ data: { code: `BA2-${suffix}`, programmeId: p.id, titleZh: "产业协作", titleEn: "Industry", sortOrder: 902 } });
  const [u1, u2] = [await seedUnit(db), await seedUnit(db)];
  leadUnit = u1.code;
  const author = await seedUser(db, "OFFICIAL", u1.id);
  viewer = await seedUser(db, "VIEWER", null);

  // Hand-computed for October 2026 (evaluated on 2026-10-31), margin 10 points, due-soon 30 days.
  const fixture: { key: string; zh: string; area: typeof a1; unit: typeof u1; start: string; due: string; planned?: number; reports: Report[] }[] = [
    // RED: due before the end of October. October report approved.
    { key: "b1", zh: "济南绕城高速扩容", area: a1, unit: u1, start: "2026-01-01", due: "2026-09-30", planned: 100,
      reports: [{ period: "2026-10", state: "APPROVED", percent: 50, investment: 50, progress: "十月完成征地" }] },
    // YELLOW: 10 % against a pace of 42 %. No October report: missing.
    { key: "b2", zh: "济泰城际铁路前期", area: a1, unit: u2, start: "2026-01-01", due: "2027-12-31", reports: [{ period: "2026-09", state: "APPROVED", percent: 10 }] },
    // BLUE: due 20 days after the end of October. October report only a draft: missing.
    { key: "b3", zh: "淄博飞地园区共建", area: a2, unit: u1, start: "2026-01-01", due: "2026-11-20",
      reports: [{ period: "2026-09", state: "APPROVED", percent: 85 }, { period: "2026-10", state: "DRAFT", percent: 95 }] },
    // GREEN: on pace. October report submitted, not yet approved.
    { key: "b4", zh: "省会圈医保互认", area: a2, unit: u2, start: "2026-06-01", due: "2028-06-01", planned: 200,
      reports: [{ period: "2026-09", state: "APPROVED", percent: 15, investment: 60 }, { period: "2026-10", state: "SUBMITTED", percent: 20 }] },
    // COMPLETED by an approved completion report in June.
    { key: "b5", zh: "德州数据中心建成", area: a2, unit: u1, start: "2025-01-01", due: "2026-06-30",
      reports: [{ period: "2026-06", state: "APPROVED", percent: 100, completion: true }] },
    // YELLOW: the October report was returned: missing.
    { key: "b6", zh: "聊城黄河大桥建设", area: a1, unit: u2, start: "2026-01-01", due: "2028-01-01",
      reports: [{ period: "2026-09", state: "APPROVED", percent: 40 }, { period: "2026-10", state: "RETURNED", percent: 45 }] },
  ];
  for (const [index, m] of fixture.entries()) {
    const en = `Bulletin measure ${m.key}`;
    const measure = await db.measure.create({
      data: {
        code: `B.${suffix}.${m.key}`,
        sortOrder: index,
        areaId: m.area.id,
        leadUnitId: m.unit.id,
        titleZh: `${m.zh}${suffix}`,
        titleEn: `${en} ${suffix}`,
        startDate: d(m.start),
        dueDate: d(m.due),
        status: m.key === "b5" ? "COMPLETED" : "IN_PROGRESS",
        investmentPlanned: m.planned,
        isSample: m.key === "b4",
      },
    });
    titles[m.key] = { zh: measure.titleZh, en: measure.titleEn };
    for (const report of m.reports) {
      await db.progressReport.create({
        data: {
          measureId: measure.id,
          unitId: m.unit.id,
          authorId: author.id,
          period: d(`${report.period}-01`),
          percentComplete: report.percent,
          status: report.completion ? "COMPLETED" : "IN_PROGRESS",
          isCompletion: report.completion ?? false,
          investmentCompleted: report.investment,
          progress: report.progress ?? `${report.period} 进展`,
          state: report.state,
          submittedAt: report.state === "DRAFT" ? null : d(`${report.period}-25`),
          reviewedAt: report.state === "APPROVED" ? d(`${report.period}-27`) : null,
        },
      });
    }
  }
});
afterAll(() => db.$disconnect());

const october = (extra: Record<string, string> = {}) => bulletinQuerySchema.parse({ month: "2026-10", programme, ...extra });

/** The text runs of word/document.xml, in order. */
async function docxTexts(buffer: Buffer): Promise<string[]> {
  const xml = await (await JSZip.loadAsync(buffer)).file("word/document.xml")!.async("string");
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((match) => match[1]!.replace(/&amp;/g, "&"));
}

/** The value in the cell after a label of the summary table. */
const figure = (texts: string[], label: string) => texts[texts.indexOf(label) + 1];

describe("[BULLETIN] data", () => {
  it("has the dashboard's own figures for the month and scope", async () => {
    const data = await loadBulletinData(db, october(), today, settings);
    const dashboard = await getDashboardData(db, { programme, asOf: "2026-10" }, today, settings);
    expect(data.summary).toEqual({ total: dashboard.total, lights: dashboard.lightCounts, reporting: dashboard.reporting, investment: dashboard.investment });
    expect(data.summary).toEqual({
      total: 6,
      lights: { RED: 1, YELLOW: 2, BLUE: 1, GREEN: 1, COMPLETED: 1 },
      reporting: { due: 5, submitted: 2, approved: 1, missing: 3 },
      investment: { planned: 300, completed: 110 },
    });
    expect(data.areas.map((area) => area.measures.map((m) => m.titleZh))).toEqual([
      [titles.b1!.zh, titles.b2!.zh, titles.b6!.zh],
      [titles.b3!.zh, titles.b4!.zh, titles.b5!.zh],
    ]);
    expect(data.overdue.map((m) => m.titleZh)).toEqual([titles.b1!.zh]);
    // The list holds exactly the measures the "missing" figure counts.
    expect(data.missing.map((m) => [m.titleZh, m.state]).sort()).toEqual(
      [[titles.b2!.zh, null], [titles.b3!.zh, "DRAFT"], [titles.b6!.zh, "RETURNED"]].sort(),
    );
    expect(data.hasSample).toBe(true);
  });

  it("narrows to a lead unit exactly as the dashboard does", async () => {
    const data = await loadBulletinData(db, october({ leadUnit }), today, settings);
    const dashboard = await getDashboardData(db, { programme, leadUnit, asOf: "2026-10" }, today, settings);
    expect(data.summary.total).toBe(3);
    expect(data.summary.lights).toEqual(dashboard.lightCounts);
    expect(data.summary.reporting).toEqual({ due: 2, submitted: 1, approved: 1, missing: 1 });
    expect(data.missing.map((m) => m.titleZh)).toEqual([titles.b3!.zh]);
    expect(data.hasSample).toBe(false);
  });
});

describe("[BULLETIN] Word", () => {
  it("holds the title, the sample notice, the exact summary figures and every area's measures", async () => {
    const doc = bulletinDocument(await loadBulletinData(db, october(), today, settings), "zh-CN");
    const buffer = await renderBulletinDocx(doc);
    const texts = await docxTexts(buffer);
    expect(texts[0]).toBe("省会经济圈建设月度进展通报 2026年10月（示例数据）");
    expect(texts.some((text) => text.startsWith("示例数据："))).toBe(true);
    expect(texts).toContain("数据截至 2026年10月31日");
    const expected = {
      措施总数: "6", 已完成: "1", 按计划推进: "1", 落后序时进度: "2", 已超期: "1", 临近完成时限: "1",
      当月应报: "5", 当月已报: "2", 当月已审核: "1", 当月未报: "3",
      "计划投资（万元）": "300", "完成投资（万元）": "110", 投资完成率: "37%",
    };
    for (const [label, value] of Object.entries(expected)) expect(figure(texts, label), label).toBe(value);
    expect(texts).toContain(`${programme.replace("BP", "BA1")} 交通互联（3 项）`);
    for (const key of ["b1", "b2", "b3", "b4", "b5", "b6"]) expect(texts).toContain(titles[key]!.zh);
    // Lights in words, and the latest progress text up to October.
    expect(texts).toContain("红灯");
    expect(texts).toContain("十月完成征地");
    expect(texts).toContain("三、超期措施（1 项）");
    expect(texts).toContain("四、当月未报送进展的措施（3 项）");
    expect(texts).toContain("草稿未提交");
    // East-Asian font on the runs.
    const xml = await (await JSZip.loadAsync(buffer)).file("word/document.xml")!.async("string");
    expect(xml).toMatch(/w:eastAsia="Microsoft YaHei"/);
  });

  it("comes in English", async () => {
    const doc = bulletinDocument(await loadBulletinData(db, october({ lang: "en" }), today, settings), "en");
    const texts = await docxTexts(await renderBulletinDocx(doc));
    expect(texts[0]).toBe("Provincial Capital Economic Circle: Monthly Progress Bulletin, October 2026 (sample data)");
    expect(figure(texts, "Measures in total")).toBe("6");
    expect(figure(texts, "Reports missing")).toBe("3");
    for (const key of ["b1", "b4"]) expect(texts).toContain(titles[key]!.en);
    expect(texts).toContain("Red");
  });
});

describe("[BULLETIN] PDF", () => {
  it("holds the Chinese measure titles as text (embedded font)", async () => {
    const doc = bulletinDocument(await loadBulletinData(db, october(), today, settings), "zh-CN");
    const buffer = await renderBulletinPdf(doc);
    expect(buffer.subarray(0, 5).toString()).toBe("%PDF-");
    // Lines wrap inside table cells: compare without the line breaks.
    const text = (await extractText(new Uint8Array(buffer), { mergePages: true })).text.replace(/\s+/g, "");
    expect(text).toContain("省会经济圈建设月度进展通报");
    for (const key of ["b1", "b2", "b3", "b4", "b5", "b6"]) expect(text).toContain(titles[key]!.zh);
    expect(text).toContain("示例数据");
  });

  it("holds the English titles in English", async () => {
    const doc = bulletinDocument(await loadBulletinData(db, october({ lang: "en" }), today, settings), "en");
    const text = (await extractText(new Uint8Array(await renderBulletinPdf(doc)), { mergePages: true })).text.replace(/\s+/g, " ");
    expect(text).toContain("Monthly Progress Bulletin");
    for (const key of ["b1", "b6"]) expect(text).toContain(titles[key]!.en);
  });
});

describe("[BULLETIN] routes", () => {
  const request = (format: "docx" | "pdf", search: string) => new NextRequest(`http://localhost/api/v1/bulletin.${format}?${search}`);
  const noParams = { params: Promise.resolve({}) };

  it("answer 401 without a session", async () => {
    await signInAs(null);
    expect((await getDocx(request("docx", `month=2026-10&programme=${programme}`), noParams)).status).toBe(401);
    expect((await getPdf(request("pdf", `month=2026-10&programme=${programme}`), noParams)).status).toBe(401);
  });

  it("answer 400 with the JSON error shape on a bad month", async () => {
    await signInAs(viewer);
    for (const month of ["2026-13", "october", "", "2999-01"]) {
      const response = await getDocx(request("docx", `month=${month}`), noParams);
      expect(response.status, month).toBe(400);
      expect(await response.json()).toMatchObject({ error: { code: "BAD_REQUEST", fieldErrors: { month: {} } } });
    }
    const response = await getPdf(request("pdf", "month=2026-10&lang=fr"), noParams);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: "BAD_REQUEST", fieldErrors: { lang: { key: "invalid" } } } });
  });

  it("serve the Word file with a UTF-8 file name to anyone signed in", async () => {
    await signInAs(viewer);
    const response = await getDocx(request("docx", `month=2026-10&programme=${programme}`), noParams);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="bulletin-2026-10.docx"; filename*=UTF-8''${encodeURIComponent("月度进展通报-2026-10.docx")}`,
    );
    const texts = await docxTexts(Buffer.from(await response.arrayBuffer()));
    expect(texts).toContain(titles.b1!.zh);
  });
});
