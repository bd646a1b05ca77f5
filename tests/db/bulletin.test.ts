import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import JSZip from "jszip";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getDocx, POST as postDocx } from "@/app/api/v1/bulletin.docx/route";
import { GET as getPdf, POST as postPdf } from "@/app/api/v1/bulletin.pdf/route";
import { bulletinDocument } from "@/lib/bulletin/bulletin-document";
import { renderBulletinDocx } from "@/lib/bulletin/bulletin-docx";
import { renderBulletinPdf } from "@/lib/bulletin/bulletin-pdf";
import { bulletinNumber, issueBulletin, type BulletinNumber } from "@/lib/bulletin/issue-bulletin";
import { loadBulletinData } from "@/lib/bulletin/load-bulletin-data";
import { bulletinQuerySchema } from "@/lib/bulletin/schemas";
import { getDashboardData } from "@/lib/dashboard/get-dashboard-data";
import { signInAs } from "../setup/request-context";
import { seedAttachment, seedUnit, seedUser, uniqueSuffix } from "./fixtures";
import { testDb } from "./helpers";

const db = testDb();
const today = new Date("2026-11-28T00:00:00Z");
const settings = { reportingDay: 28, paceMarginPercent: 10, dueSoonDays: 30 };
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
let programme: string;
let leadUnit: string;
let viewer: { id: string };
let inspector: { id: string };
const titles: Record<string, { zh: string; en: string }> = {};

type Report = { period: string; state: "DRAFT" | "SUBMITTED" | "APPROVED" | "RETURNED"; percent: number; investment?: number; completion?: boolean; progress?: string; problems?: string; nextSteps?: string };

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
  inspector = await seedUser(db, "INSPECTOR", null);

  // Hand-computed for October 2026 (evaluated on 2026-10-31), margin 10 points, due-soon 30 days.
  const fixture: { key: string; zh: string; area: typeof a1; unit: typeof u1; start: string; due: string; planned?: number; reports: Report[] }[] = [
    // RED: due before the end of October. October report approved.
    { key: "b1", zh: "济南绕城高速扩容", area: a1, unit: u1, start: "2026-01-01", due: "2026-09-30", planned: 100,
      reports: [{ period: "2026-10", state: "APPROVED", percent: 50, investment: 50, progress: "十月完成征地", problems: "拆迁补偿协商滞后", nextSteps: "十一月底前完成拆迁" }] },
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
      const created = await db.progressReport.create({
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
          problems: report.problems ?? "",
          nextSteps: report.nextSteps ?? "",
          state: report.state,
          submittedAt: report.state === "DRAFT" ? null : d(`${report.period}-25`),
          reviewedAt: report.state === "APPROVED" ? d(`${report.period}-27`) : null,
        },
      });
      // b4's October report is backed by two live files (a removed one does not count); b3's draft has one, never counted.
      if (m.key === "b4" && report.period === "2026-10") {
        for (const name of ["a.jpg", "b.pdf"]) await seedAttachment(db, { measureId: measure.id, reportId: created.id }, author.id, name);
        await seedAttachment(db, { measureId: measure.id, reportId: created.id }, author.id, "gone.jpg", { deletedAt: d("2026-10-26") });
      }
      if (m.key === "b3" && report.state === "DRAFT") await seedAttachment(db, { measureId: measure.id, reportId: created.id }, author.id, "draft.jpg");
    }
  }
});
afterAll(() => db.$disconnect());

const october = (extra: Record<string, string> = {}) => bulletinQuerySchema.parse({ month: "2026-10", programme, ...extra });
const preview: BulletinNumber = { year: 2026, number: 7, issued: false, date: d("2026-11-05") };

/** The text runs of a part of the Word file (word/document.xml by default), in order. */
async function docxTexts(buffer: Buffer, part = "word/document.xml"): Promise<string[]> {
  const xml = await (await JSZip.loadAsync(buffer)).file(part)!.async("string");
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((match) => match[1]!.replace(/&amp;/g, "&"));
}
const docxPart = async (buffer: Buffer, part: string) => (await JSZip.loadAsync(buffer)).file(part)!.async("string");

/** The PDF's text, page by page, as poppler's pdftotext reads it. */
function pdfPages(buffer: Buffer): string[] {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "bulletin-")), "bulletin.pdf");
  fs.writeFileSync(file, buffer);
  const pages = execFileSync("/usr/bin/pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" }).split("\f");
  fs.rmSync(path.dirname(file), { recursive: true });
  return pages.filter((page) => page.trim() !== "");
}

async function zhDocument(number = preview, issuer = "") {
  return bulletinDocument(await loadBulletinData(db, october(), today, settings), "zh-CN", number, issuer);
}

describe("[BULLETIN] data", () => {
  it("has the dashboard's own figures for the month and scope", async () => {
    const data = await loadBulletinData(db, october(), today, settings);
    const dashboard = await getDashboardData(db, { programme, asOf: "2026-10" }, today, settings);
    expect(data.summary).toEqual({ total: dashboard.total, lights: dashboard.lightCounts, reporting: dashboard.reporting, investment: dashboard.investment });
    expect(data.summary).toEqual({
      total: 6,
      lights: { RED: 1, YELLOW: 2, BLUE: 1, GREEN: 1, COMPLETED: 1, SUSPENDED: 0 },
      reporting: { due: 5, submitted: 2, approved: 1, missing: 3 },
      investment: { planned: 300, completed: 110 },
    });
    expect(data.programmes).toEqual([{ zh: "通报测试", en: "Bulletin test" }]);
    expect(data.areas.map((area) => area.measures.map((m) => m.titleZh))).toEqual([
      [titles.b1!.zh, titles.b2!.zh, titles.b6!.zh],
      [titles.b3!.zh, titles.b4!.zh, titles.b5!.zh],
    ]);
    expect(data.overdue.map((m) => m.titleZh)).toEqual([titles.b1!.zh]);
    expect(data.behind.map((m) => m.titleZh)).toEqual([titles.b2!.zh, titles.b6!.zh]);
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
  it("is a 督查通报: red header, 期号, title naming the programme, lead paragraph, three parts per area", async () => {
    const buffer = await renderBulletinDocx(await zhDocument());
    const texts = await docxTexts(buffer);
    const xml = await docxPart(buffer, "word/document.xml");
    expect(texts.slice(0, 5)).toEqual(["督查通报", "2026年第 7 期（预览）", "省会经济圈一体化发展督查办公室（示例）", "\t2026年11月5日", "关于通报测试2026年10月推进落实情况的通报（示例数据）"]);
    // The 红头 is red: the document's name and the office.
    for (const text of ["督查通报", "省会经济圈一体化发展督查办公室（示例）"]) {
      expect(xml).toMatch(new RegExp(`<w:color w:val="C00000"/>(?:(?!</w:r>).)*<w:t(?: [^>]*)?>${text}</w:t>`));
    }
    expect(texts.some((text) => text.startsWith("示例数据："))).toBe(true);
    const lead = texts.find((text) => text.startsWith("截至"))!;
    expect(lead).toBe(
      "截至2026年10月31日，共有任务措施 6 项，其中已完成 1 项，按计划推进 1 项，落后序时进度 2 项，已超期 1 项，临近完成时限 1 项。" +
        "2026年10月应报送进展报告 5 份，已报送 2 份，审核通过 1 份，未报送 3 份。计划投资 300 万元，已完成投资 110 万元，完成率 37%。" +
        `督办单办理中 0 件，回复逾期 0 件。现将有关情况通报如下。`,
    );
    const area = `（一）${programme.replace("BP", "BA1")} 交通互联（3 项）`;
    expect(texts).toContain(area);
    const parts = texts.slice(texts.indexOf(area));
    expect(parts.slice(0, 2)).toEqual([area, "1. 进展情况"]);
    expect(parts[2]).toMatch(new RegExp(`^B\\.[^ ]+\\.b1 ${titles.b1!.zh}（.+，完成 50%，红灯）：十月完成征地$`));
    expect(parts.slice(parts.indexOf("2. 存在问题"), parts.indexOf("2. 存在问题") + 2)[1]).toMatch(new RegExp(`^B\\.[^ ]+\\.b1 ${titles.b1!.zh}：拆迁补偿协商滞后$`));
    expect(parts.slice(parts.indexOf("3. 下步打算"), parts.indexOf("3. 下步打算") + 2)[1]).toMatch(/：十一月底前完成拆迁$/);
    // The second area reported no problems: said in words.
    expect(texts).toContain("各牵头单位未报告存在问题。");
    for (const key of ["b1", "b2", "b3", "b4", "b5", "b6"]) expect(texts.some((text) => text.includes(titles[key]!.zh))).toBe(true);
    for (const heading of ["一、各领域推进情况", "二、需要关注的措施", "（一）落后序时进度（2 项）", "（二）已超期（1 项）", "三、当月未报送进展的措施（3 项）"]) {
      expect(texts, heading).toContain(heading);
    }
    expect(texts).toContain("草稿未提交");
    // The files backing a measure's report are counted after its progress; none are mentioned where there are none.
    expect(texts.filter((text) => text.includes("佐证材料"))).toEqual([expect.stringMatching(new RegExp(`^B\\.[^ ]+\\.b4 ${titles.b4!.zh}（.+）：2026-10 进展（佐证材料 2 份）$`))]);
    // Body in 仿宋, headings in 黑体, both declared with their English names.
    expect(xml).toMatch(/w:eastAsia="仿宋"/);
    expect(xml).toMatch(/w:eastAsia="黑体"/);
    const fonts = await docxPart(buffer, "word/fontTable.xml");
    expect(fonts).toContain('<w:font w:name="仿宋"><w:altName w:val="FangSong"/>');
    expect(fonts).toContain('<w:font w:name="黑体"><w:altName w:val="SimHei"/>');
  });

  it("numbers its pages 第 X 页 共 Y 页 with Word's PAGE and NUMPAGES fields", async () => {
    const buffer = await renderBulletinDocx(await zhDocument());
    const zip = await JSZip.loadAsync(buffer);
    const footers = Object.keys(zip.files).filter((name) => /^word\/footer\d*\.xml$/.test(name));
    expect(footers).toHaveLength(1);
    const footer = await docxPart(buffer, footers[0]!);
    expect(footer).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/);
    expect(footer).toMatch(/<w:instrText[^>]*>\s*NUMPAGES\s*<\/w:instrText>/);
    expect((await docxTexts(buffer, footers[0]!)).join("")).toBe("第  页 共  页");
  });

  it("prints the office set on /admin/settings, and an issued number without 预览", async () => {
    const issued: BulletinNumber = { year: 2026, number: 12, issued: true, date: d("2026-11-06") };
    const doc = await zhDocument(issued, "测试市督查室");
    const texts = await docxTexts(await renderBulletinDocx(doc));
    expect(texts.slice(0, 4)).toEqual(["督查通报", "2026年第 12 期", "测试市督查室", "\t2026年11月6日"]);
    expect(doc.fileName).toBe("督查通报-2026-10-2026年第12期");
  });

  it("comes in English", async () => {
    const doc = bulletinDocument(await loadBulletinData(db, october({ lang: "en" }), today, settings), "en", preview, "");
    const texts = await docxTexts(await renderBulletinDocx(doc));
    expect(texts.slice(0, 3)).toEqual(["Inspection Bulletin", "2026 No. 7 (preview)", "Provincial Capital Economic Circle Integration Inspection Office (sample)"]);
    expect(texts).toContain("Progress of Bulletin test in October 2026 (sample data)");
    expect(texts.find((text) => text.startsWith("As of"))).toContain("6 measures are tracked: 1 completed, 1 on track, 2 behind pace, 1 overdue and 1 due soon.");
    for (const label of ["1. Progress", "2. Problems", "3. Next steps"]) expect(texts).toContain(label);
    for (const key of ["b1", "b4"]) expect(texts.some((text) => text.includes(titles[key]!.en))).toBe(true);
    expect(texts.find((text) => text.includes(titles.b4!.en))).toMatch(/: 2026-10 进展 \(2 evidence files\)$/);
  });
});

describe("[BULLETIN] PDF", () => {
  it("has the red header, the sections and 第 X 页 共 Y 页 on every page, as text (embedded fonts)", async () => {
    const buffer = await renderBulletinPdf(await zhDocument());
    expect(buffer.subarray(0, 5).toString()).toBe("%PDF-");
    const pages = pdfPages(buffer);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    // pdftotext drops the spaces between Chinese and digits ("第 1 页" reads "第1页").
    pages.forEach((page, index) => expect(page.replace(/\s+/g, ""), `page ${index + 1}`).toContain(`第${index + 1}页共${pages.length}页`));
    // Lines wrap: compare without the line breaks.
    const text = pages.join("").replace(/\s+/g, "");
    for (const expected of ["督查通报", "2026年第7期（预览）", "省会经济圈一体化发展督查办公室（示例）", "关于通报测试2026年10月推进落实情况的通报（示例数据）",
      "一、各领域推进情况", "1.进展情况", "2026-10进展（佐证材料2份）", "2.存在问题", "3.下步打算", "拆迁补偿协商滞后", "二、需要关注的措施", "（一）落后序时进度（2项）", "（二）已超期（1项）", "三、当月未报送进展的措施（3项）"]) {
      expect(text, expected).toContain(expected);
    }
    for (const key of ["b1", "b2", "b3", "b4", "b5", "b6"]) expect(text).toContain(titles[key]!.zh);
    // Both Chinese fonts are embedded: the serif body and the sans-serif headings.
    const fonts = execFileSync("/usr/bin/pdffonts", ["-"], { input: buffer, encoding: "utf8" });
    expect(fonts).toMatch(/NotoSerifSC/);
    expect(fonts).toMatch(/NotoSansSC/);
  });

  it("comes in English, with Page X of Y", async () => {
    const doc = bulletinDocument(await loadBulletinData(db, october({ lang: "en" }), today, settings), "en", preview, "");
    const pages = pdfPages(await renderBulletinPdf(doc));
    pages.forEach((page, index) => expect(page).toContain(`Page ${index + 1} of ${pages.length}`));
    const text = pages.join(" ").replace(/\s+/g, " ");
    expect(text).toContain("Inspection Bulletin");
    for (const key of ["b1", "b6"]) expect(text).toContain(titles[key]!.en);
  });
});

describe("[BULLETIN] 期号", () => {
  // Years of their own, far ahead, so that no other test's issues count.
  const scope = (suffix: string) => bulletinQuerySchema.parse({ month: "2026-10", programme: `${programme}-${suffix}` });
  const day = (year: number) => d(`${year}-03-01`);

  it("a preview takes no number; issuing takes the next one and keeps it; each year starts again at 1", async () => {
    const year = 2070 + Math.floor(Math.random() * 20);
    const before = await bulletinNumber(db, scope("a"), day(year));
    expect(before).toEqual({ year, number: 1, issued: false, date: day(year) });
    expect(await bulletinNumber(db, scope("a"), day(year))).toEqual(before);
    const first = await issueBulletin(db, inspector, scope("a"), day(year));
    expect(first).toMatchObject({ year, number: 1, issued: true });
    // The same bulletin, in another language or format, downloaded again: the same number.
    expect(await issueBulletin(db, inspector, { ...scope("a"), lang: "en" }, day(year))).toEqual(first);
    expect(await bulletinNumber(db, scope("a"), day(year))).toEqual(first);
    expect(await bulletinNumber(db, scope("b"), day(year))).toMatchObject({ number: 2, issued: false });
    expect(await issueBulletin(db, inspector, scope("b"), day(year))).toMatchObject({ year, number: 2 });
    expect(await issueBulletin(db, inspector, scope("c"), day(year + 100))).toMatchObject({ year: year + 100, number: 1 });
    const rows = await db.bulletinIssue.findMany({ where: { year }, orderBy: { number: "asc" } });
    expect(rows.map((row) => [row.number, row.issuedById, row.scopeKey])).toEqual([
      [1, inspector.id, `${programme}-a|||`],
      [2, inspector.id, `${programme}-b|||`],
    ]);
  });

  it("bulletins issued at the same time get distinct, consecutive numbers; the same one issued twice at once keeps one", async () => {
    const year = 2200 + Math.floor(Math.random() * 500);
    const issued = await Promise.all(
      ["p", "q", "r", "s", "t", "p", "q"].map((suffix) => issueBulletin(db, inspector, scope(suffix), day(year))),
    );
    expect(issued.map((row) => row.number).slice(0, 5).sort()).toEqual([1, 2, 3, 4, 5]);
    expect(issued[5]!.number).toBe(issued[0]!.number);
    expect(issued[6]!.number).toBe(issued[1]!.number);
    expect(await db.bulletinIssue.count({ where: { year } })).toBe(5);
  });
});

describe("[BULLETIN] routes", () => {
  const request = (format: "docx" | "pdf", search: string, method = "GET") =>
    new NextRequest(`http://localhost:3000/api/v1/bulletin.${format}?${search}`, { method, headers: { host: "localhost:3000", origin: "http://localhost:3000" } });
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

  it("serve a preview to anyone signed in; only an inspector or admin issues it, once", async () => {
    const search = `month=2026-09&programme=${programme}`;
    await signInAs(viewer);
    const response = await getDocx(request("docx", search), noParams);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="bulletin-2026-09.docx"; filename*=UTF-8''${encodeURIComponent("督查通报-2026-09（预览）.docx")}`,
    );
    expect((await docxTexts(Buffer.from(await response.arrayBuffer())))[1]).toMatch(/^\d{4}年第 \d+ 期（预览）$/);
    expect((await postDocx(request("docx", search, "POST"), noParams)).status).toBe(403);
    expect(await db.bulletinIssue.count({ where: { scopeKey: `${programme}|||` } })).toBe(0);

    await signInAs(inspector);
    const issued = await postPdf(request("pdf", search, "POST"), noParams);
    expect(issued.status).toBe(200);
    const row = await db.bulletinIssue.findFirstOrThrow({ where: { scopeKey: `${programme}|||` } });
    expect(row.issuedById).toBe(inspector.id);
    const label = `${row.year}年第 ${row.number} 期`;
    expect(pdfPages(Buffer.from(await issued.arrayBuffer()))[0]).toContain(label);
    // Downloaded again, by anyone: the issued number, no longer a preview.
    await signInAs(viewer);
    const again = await getDocx(request("docx", search), noParams);
    expect((await docxTexts(Buffer.from(await again.arrayBuffer())))[1]).toBe(label);
    expect(again.headers.get("content-disposition")).toContain(encodeURIComponent(`督查通报-2026-09-${row.year}年第${row.number}期.docx`));
  });
});
