import JSZip from "jszip";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { GET as getDocx } from "@/app/api/v1/bulletin.docx/route";
import { GET as getPdf } from "@/app/api/v1/bulletin.pdf/route";
import { saveBulletinNarrativeAction } from "@/lib/bulletin/actions";
import { loadNarrativeFacts } from "@/lib/bulletin/load-narrative-facts";
import { narrativeText } from "@/lib/bulletin/narrative-text";
import { saveBulletinNarrative } from "@/lib/bulletin/save-bulletin-narrative";
import { bulletinQuerySchema } from "@/lib/bulletin/schemas";
import { getForecastMissCard } from "@/lib/dashboard/forecast-miss";
import { getDashboardData, type Breakdown } from "@/lib/dashboard/get-dashboard-data";
import { idleState } from "@/lib/errors/action-state";
import { listLedger } from "@/lib/ledger/list-ledger";
import { ledgerQuerySchema } from "@/lib/ledger/schemas";
import { signInAs } from "../setup/request-context";
import { seedArea, seedMeasure, seedReport, seedUnit, seedUser, uniqueSuffix } from "./fixtures";
import { testDb } from "./helpers";

const db = testDb();
const today = new Date("2026-11-28T00:00:00Z");
const settings = { reportingDay: 28, paceMarginPercent: 10, dueSoonDays: 30 };
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
let programme: string;
let suffix: string;
let areaA: string;
let areaB: string;
let unit2: string;
let inspector: { id: string };
let viewer: { id: string };
let official: { id: string; unitId: string | null };

type Report = { period: string; percent: number; completion?: boolean; problems?: string };

beforeAll(async () => {
  suffix = uniqueSuffix();
  const p = await db.programme.create({ data: { code: `NP-${suffix}`, titleZh: "综述测试", titleEn: "Narrative test", sortOrder: 950 } });
  programme = p.code;
  const a = await db.area.create({ data: { code: `NA-${suffix}`, programmeId: p.id, titleZh: "交通互联", titleEn: "Transport", sortOrder: 951 } });
  const b = await db.area.create({ data: { code: `NB-${suffix}`, programmeId: p.id, titleZh: "产业协作", titleEn: "Industry", sortOrder: 952 } });
  [areaA, areaB] = [a.code, b.code];
  const [u1, u2] = [await seedUnit(db), await seedUnit(db)];
  unit2 = u2.code;
  const author = await seedUser(db, "OFFICIAL", u1.id);
  inspector = await seedUser(db, "INSPECTOR", null);
  viewer = await seedUser(db, "VIEWER", null);
  official = await seedUser(db, "OFFICIAL", u1.id);

  // Start 2026-01-01, due 2027-12-31: 序时进度 37.3 % at the end of September, 41.7 % at the end of October (margin 10).
  const problem = "资金到位不足，征地拆迁进度慢";
  const fixture: { key: string; area: typeof a; unit: typeof u1; due: string; completed?: boolean; reports: Report[] }[] = [
    // Green in September, completed in October.
    { key: "n1", area: a, unit: u1, due: "2026-12-31", completed: true, reports: [{ period: "2026-08", percent: 60 }, { period: "2026-09", percent: 75 }, { period: "2026-10", percent: 100, completion: true }] },
    // 30 % three months running: stalled; green in September, behind pace in October.
    { key: "n2", area: a, unit: u2, due: "2027-12-31", reports: ["2026-08", "2026-09", "2026-10"].map((period) => ({ period, percent: 30, problems: problem })) },
    // Green in both months.
    { key: "n3", area: b, unit: u1, due: "2027-12-31", reports: [{ period: "2026-08", percent: 20 }, { period: "2026-09", percent: 30 }, { period: "2026-10", percent: 45, problems: "资金到位不足" }] },
    // Behind pace in September (10 %), on pace in October (40 %).
    { key: "n4", area: b, unit: u2, due: "2027-12-31", reports: [{ period: "2026-08", percent: 10 }, { period: "2026-09", percent: 10, problems: "手续办理周期长" }, { period: "2026-10", percent: 40, problems: "手续办理周期长。" }] },
  ];
  for (const [index, m] of fixture.entries()) {
    const measure = await db.measure.create({
      data: {
        code: `N.${suffix}.${m.key}`,
        sortOrder: index,
        areaId: m.area.id,
        leadUnitId: m.unit.id,
        titleZh: `综述措施${m.key}`,
        titleEn: `Narrative measure ${m.key}`,
        startDate: d("2026-01-01"),
        dueDate: d(m.due),
        status: m.completed ? "COMPLETED" : "IN_PROGRESS",
      },
    });
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
          progress: `${report.period} 进展`,
          problems: report.problems ?? "",
          nextSteps: "",
          state: "APPROVED",
          submittedAt: d(`${report.period}-25`),
          reviewedAt: d(`${report.period}-27`),
        },
      });
    }
  }
});
afterAll(() => db.$disconnect());

const october = (extra: Record<string, string> = {}) => bulletinQuerySchema.parse({ month: "2026-10", programme, ...extra });
const onCourse = (entry: Breakdown) => Math.round(((entry.total - entry.lights.RED - entry.lights.YELLOW) / entry.total) * 1000) / 10;

describe("[BULLETIN] drafted summary", () => {
  it("states the dashboard's figures for the same month and scope", async () => {
    const facts = await loadNarrativeFacts(db, october(), today, settings);
    const [now, before] = await Promise.all([
      getDashboardData(db, { programme, asOf: "2026-10" }, today, settings),
      getDashboardData(db, { programme, asOf: "2026-09" }, today, settings),
    ]);
    expect(facts.total).toBe(now.total);
    expect(facts.completedCount).toBe(now.lightCounts.COMPLETED);
    expect(facts.behind).toBe(now.lightCounts.YELLOW);
    expect(facts.overdue).toBe(now.lightCounts.RED);
    expect(facts.previousTotal).toBe(before.total);
    expect(facts.previousCompletedCount).toBe(before.lightCounts.COMPLETED);
    expect(facts.completedShare).toBe(Math.round((now.lightCounts.COMPLETED / now.total) * 1000) / 10);
    // The area that changed most, with the dashboard's per-area counts of both months.
    const areaNow = now.byArea.find((area) => area.code === areaB)!;
    const areaBefore = before.byArea.find((area) => area.code === areaB)!;
    expect(facts.improvedArea).toMatchObject({ code: areaB, share: onCourse(areaNow), previousShare: onCourse(areaBefore) });
    const slipped = { now: now.byArea.find((area) => area.code === areaA)!, before: before.byArea.find((area) => area.code === areaA)! };
    expect(facts.slippedArea).toMatchObject({ code: areaA, share: onCourse(slipped.now), previousShare: onCourse(slipped.before) });

    // And by hand: 4 measures, 1 completed (25 %, up from 0); area B from 50 % to 100 % on course, area A from 100 % to 50 %.
    expect(facts).toMatchObject({ total: 4, completedCount: 1, completedShare: 25, previousCompletedShare: 0, completedShareChange: 25, behind: 1, overdue: 0 });
    expect(facts.improvedArea).toMatchObject({ share: 100, previousShare: 50, change: 50 });
    expect(facts.slippedArea).toMatchObject({ share: 50, previousShare: 100, change: -50 });
    expect(facts.completedThisMonth.map((m) => m.code)).toEqual([`N.${suffix}.n1`]);
    expect(facts.stalled.map((m) => m.code)).toEqual([`N.${suffix}.n2`]);
    expect(facts.themes).toEqual([
      { phrase: "资金到位不足", count: 4 },
      { phrase: "征地拆迁进度慢", count: 3 },
      { phrase: "手续办理周期长", count: 2 },
    ]);
    // The forecast as of October: n2 has made no progress in three reports, with 70 points left by 2027-12 (will miss);
    // n3 and n4 average 12.5 and 15 points a month against about 4 needed; n1 is completed.
    expect(facts.forecastToMiss.map((m) => m.code)).toEqual([`N.${suffix}.n2`]);
  });

  it("narrows to a lead unit as the dashboard does", async () => {
    const facts = await loadNarrativeFacts(db, october({ leadUnit: unit2 }), today, settings);
    const now = await getDashboardData(db, { programme, leadUnit: unit2, asOf: "2026-10" }, today, settings);
    expect(facts.total).toBe(now.total);
    expect(facts.total).toBe(2);
    expect(facts.completedThisMonth).toEqual([]);
  });

  it("writes the figures into the Chinese and English text", async () => {
    const facts = await loadNarrativeFacts(db, october(), today, settings);
    const zh = narrativeText(facts, "zh-CN");
    expect(zh.split("\n")[0]).toBe("截至2026年10月底，纳入统计的4项措施中已完成1项，完成率25%，较2026年9月（0%）提高25个百分点；落后序时进度1项，已超期0项。");
    expect(zh).toContain(`本月新完成1项措施：N.${suffix}.n1 综述措施n1（100%）。`);
    expect(zh).toContain(`连续两个月以上完成比例没有变化的措施1项：N.${suffix}.n2 综述措施n2（30%）。`);
    expect(zh).toContain("“资金到位不足”（4份）；“征地拆迁进度慢”（3份）；“手续办理周期长”（2份）");
    expect(zh).toContain(`按期推进比例提升最多的领域是${areaB} 产业协作（由50%升至100%，提高50个百分点）；下降最多的领域是${areaA} 交通互联（由100%降至50%，下降50个百分点）。`);
    expect(zh).toContain(`预计不能按期完成的措施1项：N.${suffix}.n2 综述措施n2（30%）。`);
    const en = narrativeText(facts, "en");
    expect(en.split("\n")[0]).toBe("At the end of October 2026, 1 of the 4 measures counted were completed, a completion rate of 25%, up 25 points from September 2026 (0%); 1 behind pace and 0 overdue.");
    expect(en).toContain(`1 measure was completed this month: N.${suffix}.n1 Narrative measure n1 (100%).`);
    expect(en).toContain(`1 measure is forecast to miss the due date: N.${suffix}.n2 Narrative measure n2 (30%).`);
    expect(en).toContain(`The area whose share of measures on course rose most is ${areaB} Industry (from 50% to 100%, up 50 points); the area that fell most is ${areaA} Transport`);
  });
});

describe("[BULLETIN] saved summary", () => {
  const form = (values: Record<string, string>) => {
    const data = new FormData();
    for (const [key, value] of Object.entries(values)) data.set(key, value);
    return data;
  };

  it("saves with a version, refuses a stale one, and records the edit in the audit trail", async () => {
    const query = october({ area: areaA, lang: "en" });
    const first = await saveBulletinNarrative(db, inspector, { ...query, text: "First text.", version: 0 });
    expect(first.version).toBe(1);
    // A second editor who also started from nothing saved loses.
    await expect(saveBulletinNarrative(db, inspector, { ...query, text: "Other text.", version: 0 })).rejects.toMatchObject({ code: "CONFLICT" });
    const second = await saveBulletinNarrative(db, inspector, { ...query, text: "Second text.", version: 1 });
    expect(second).toMatchObject({ id: first.id, version: 2, text: "Second text." });
    await expect(saveBulletinNarrative(db, inspector, { ...query, text: "Late text.", version: 1 })).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await db.bulletinNarrative.findUniqueOrThrow({ where: { id: first.id } })).text).toBe("Second text.");
    const events = await db.auditEvent.findMany({ where: { entityType: "BulletinNarrative", entityId: first.id }, orderBy: { createdAt: "asc" } });
    expect(events.map((event) => event.action)).toEqual(["bulletin.narrativeSave", "bulletin.narrativeSave"]);
    expect(events[1]!.before).toEqual({ text: "First text.", version: 1 });
    // The Chinese text of the same bulletin is its own record.
    expect((await saveBulletinNarrative(db, inspector, { ...october({ area: areaA }), text: "中文综述", version: 0 })).version).toBe(1);
  });

  it("lets only inspectors and admins save, and validates the input", async () => {
    const values = { month: "2026-10", programme, area: areaB, lang: "zh-CN", text: "越权修改", version: "0" };
    for (const user of [viewer, official]) {
      await signInAs(user);
      expect(await saveBulletinNarrativeAction(idleState, form(values))).toMatchObject({ status: "error", code: "FORBIDDEN" });
    }
    await signInAs(null);
    expect(await saveBulletinNarrativeAction(idleState, form(values))).toMatchObject({ status: "error", code: "UNAUTHENTICATED" });
    expect(await db.bulletinNarrative.count({ where: { scopeKey: `${programme}|${areaB}||` } })).toBe(0);

    await signInAs(inspector);
    const refused = [
      [{ text: "   " }, { text: { key: "required" } }],
      [{ text: "长".repeat(5001) }, { text: { key: "tooLong", values: { max: 5000 } } }],
      [{ version: "-1" }, { version: {} }],
      [{ version: "x" }, { version: {} }],
      [{ month: "2999-01" }, { month: { key: "monthInFuture" } }],
      [{ lang: "fr" }, { lang: { key: "invalid" } }],
    ] as const;
    for (const [bad, fieldErrors] of refused) {
      expect(await saveBulletinNarrativeAction(idleState, form({ ...values, ...bad })), JSON.stringify(bad).slice(0, 40)).toMatchObject({ status: "error", code: "VALIDATION", fieldErrors });
    }
    expect(await db.bulletinNarrative.count({ where: { scopeKey: `${programme}|${areaB}||` } })).toBe(0);
    expect(await saveBulletinNarrativeAction(idleState, form(values))).toMatchObject({ status: "success", data: { version: "1" } });
    expect(await saveBulletinNarrativeAction(idleState, form(values))).toMatchObject({ status: "error", code: "CONFLICT" });
  });

  it("two first saves at once: one is stored, the other is a conflict", async () => {
    await signInAs(inspector);
    const values = { month: "2026-09", programme, lang: "zh-CN", version: "0" };
    const results = await Promise.all(["甲稿", "乙稿"].map((text) => saveBulletinNarrativeAction(idleState, form({ ...values, text }))));
    expect(results.map((result) => result.status).sort()).toEqual(["error", "success"]);
    expect(results.find((result) => result.status === "error")).toMatchObject({ code: "CONFLICT" });
    expect(await db.bulletinNarrative.count({ where: { scopeKey: `${programme}|||`, month: d("2026-09-01") } })).toBe(1);
  });

  it("opens the Word file: the saved text if any, else the draft", async () => {
    const request = (search: string) => new NextRequest(`http://localhost:3000/api/v1/bulletin.docx?${search}`, { headers: { host: "localhost:3000" } });
    const texts = async (response: Response) => {
      const xml = await (await JSZip.loadAsync(Buffer.from(await response.arrayBuffer()))).file("word/document.xml")!.async("string");
      return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((match) => match[1]!);
    };
    const noParams = { params: Promise.resolve({}) };
    await signInAs(viewer);
    const search = `month=2026-10&programme=${programme}`;
    const drafted = await texts(await getDocx(request(search), noParams));
    const draftStart = drafted.findIndex((text) => text.startsWith("截至2026年10月底，纳入统计的4项措施中已完成1项"));
    expect(draftStart).toBeGreaterThan(0);

    await saveBulletinNarrative(db, inspector, { ...october(), text: "督查组修改后的综述第一段。\n\n第二段：请各单位抓紧推进。", version: 0 });
    const edited = await texts(await getDocx(request(search), noParams));
    const first = edited.indexOf("督查组修改后的综述第一段。");
    expect(first).toBeGreaterThan(0);
    // Blank lines are dropped: one paragraph a line, before the opening figures paragraph.
    expect(edited[first + 1]).toBe("第二段：请各单位抓紧推进。");
    expect(edited.slice(first + 2).some((text) => text.includes("共有任务措施"))).toBe(true);
    expect(edited.some((text) => text.startsWith("截至2026年10月底"))).toBe(false);
    // The PDF opens with the same text (as poppler's pdftotext reads it, lines joined).
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "narrative-")), "bulletin.pdf");
    const pdf = await getPdf(new NextRequest(`http://localhost:3000/api/v1/bulletin.pdf?${search}`, { headers: { host: "localhost:3000" } }), noParams);
    fs.writeFileSync(file, Buffer.from(await pdf.arrayBuffer()));
    const pdfText = execFileSync("/usr/bin/pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" }).replace(/\s+/g, "");
    fs.rmSync(path.dirname(file), { recursive: true });
    expect(pdfText).toContain("督查组修改后的综述第一段。第二段：请各单位抓紧推进。");
    // The English bulletin has no saved text: it opens with the English draft.
    const english = await texts(await getDocx(request(`${search}&lang=en`), noParams));
    expect(english.some((text) => text.startsWith("At the end of October 2026, 1 of the 4 measures"))).toBe(true);
  });
});

describe("[BULLETIN] forecast to miss", () => {
  // A programme of its own: due in December at 30 % with no progress (will miss, within the card's 90 days of October),
  // due in December 2027 with no progress (will miss, beyond the 90 days), and due in December at 25 points a month (not).
  const ids = { soon: "", later: "", course: "" };
  let scope: string;
  const codes: Record<string, string> = {};

  beforeAll(async () => {
    const area = await seedArea(db);
    scope = (await db.programme.findUniqueOrThrow({ where: { id: area.programmeId } })).code;
    const lead = await seedUnit(db);
    const author = await seedUser(db, "OFFICIAL", lead.id);
    const fixture = [
      ["soon", "2026-12-31", [30, 30, 30]],
      ["later", "2027-12-31", [30, 30, 30]],
      ["course", "2026-12-31", [20, 45, 70]],
    ] as const;
    for (const [key, due, percents] of fixture) {
      const measure = await seedMeasure(db, area.id, lead.id, [], { startDate: d("2026-01-01"), dueDate: d(due) });
      ids[key] = measure.id;
      codes[key] = measure.code;
      for (const [index, percent] of percents.entries()) await seedReport(db, measure.id, lead.id, author.id, ["2026-08", "2026-09", "2026-10"][index]!, "APPROVED", percent);
    }
  });

  it("lists the ledger's will-miss measures of the month; those due within 90 days are the dashboard card's", async () => {
    const facts = await loadNarrativeFacts(db, october({ programme: scope }), today, settings);
    expect(facts.forecastToMiss.map((m) => m.code).sort()).toEqual([codes.soon, codes.later].sort());
    const ledger = await listLedger(db, ledgerQuerySchema.parse({ programme: scope, asOf: "2026-10", forecast: "WILL_MISS", perPage: 200 }), today, settings);
    expect(facts.forecastToMiss.map((m) => m.code).sort()).toEqual(ledger.rows.map((row) => row.code).sort());
    const card = await getForecastMissCard(db, { programme: scope, asOf: "2026-10" }, today);
    expect(card.dueTo).toBe("2027-01-29");
    expect(card.value).toBe(1);
    expect(ledger.rows.filter((row) => facts.forecastToMiss.some((m) => m.code === row.code) && row.dueDate && row.dueDate.toISOString().slice(0, 10) <= card.dueTo)).toHaveLength(card.value);
  });

  it("reads the forecast cache: a cached class is what the summary and the card state", async () => {
    await loadNarrativeFacts(db, october({ programme: scope }), today, settings);
    // The fill stored October's forecasts of the programme's measures.
    const cached = await db.$queryRaw<{ measureId: string; class: string }[]>`SELECT "measureId", class FROM "MeasureForecastCache"
      WHERE month = '2026-10-01' AND "measureId" = ANY(${Object.values(ids)})`;
    const classOf = new Map(cached.map((row) => [row.measureId, row.class]));
    expect([classOf.get(ids.soon), classOf.get(ids.later)]).toEqual(["WILL_MISS", "WILL_MISS"]);
    expect(classOf.get(ids.course)).toMatch(/^(ON_COURSE|AT_RISK)$/);
    // Changed in the cache alone (no trigger fires): both read it.
    await db.$executeRaw`UPDATE "MeasureForecastCache" SET class = 'WILL_MISS' WHERE month = '2026-10-01' AND "measureId" = ${ids.course}`;
    try {
      const facts = await loadNarrativeFacts(db, october({ programme: scope }), today, settings);
      expect(facts.forecastToMiss.map((m) => m.code).sort()).toEqual([codes.soon, codes.later, codes.course].sort());
      expect((await getForecastMissCard(db, { programme: scope, asOf: "2026-10" }, today)).value).toBe(2);
    } finally {
      // The next fill recomputes the row.
      await db.$executeRaw`DELETE FROM "MeasureForecastCache" WHERE month = '2026-10-01' AND "measureId" = ${ids.course}`;
    }
  });
});
