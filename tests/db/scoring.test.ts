import ExcelJS from "exceljs";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Prisma } from "@/generated/prisma/client";
import { GET as getScoresRoute } from "@/app/api/v1/scores/route";
import { GET as getScoresXlsxRoute } from "@/app/api/v1/scores.xlsx/route";
import { idleState } from "@/lib/errors/action-state";
import { updateScoringRulesAction } from "@/lib/scoring/actions";
import { computeUnitScores, type ScoreCost } from "@/lib/scoring/compute-unit-scores";
import { defaultScoringRules, getScoringRules, SCORING_SETTING_KEY } from "@/lib/scoring/rules";
import { createTranslator } from "next-intl";
import { scoresExportLabelsFrom, scoresXlsx } from "@/lib/scoring/scores-xlsx";
import zh from "@/messages/zh-CN.json";
import { signInAs } from "../setup/request-context";
import { seedArea, seedUnit, seedUser, uniqueSuffix } from "./fixtures";
import { testDb } from "./helpers";

const db = testDb();
const noParams = { params: Promise.resolve({}) };
const settings = { reportingDay: 28, paceMarginPercent: 10, dueSoonDays: 30 };
/** Scores of October 2026, computed in late November (every October deadline has passed). */
const MONTH = "2026-10";
const NOW = new Date("2026-11-20T04:00:00Z");
const at = (iso: string) => new Date(iso);
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

let areaCode: string;
let units: Record<"A" | "B" | "C", { id: string; code: string }>;
let users: Record<"official" | "viewer" | "leader" | "inspector" | "admin", Awaited<ReturnType<typeof seedUser>>>;
const codes: Record<string, string> = {};

/*
 * The hand-computed fixture (October 2026, reporting day 28: a report is on time if
 * first submitted before 2026-10-29 00:00 China time = 2026-10-28T16:00Z; lights as of
 * 2026-10-31). Every measure runs from 2026-01-01; the expected pace on 2026-10-31 for
 * one due 2027-12-31 is 303 / 729 days = 41.56 %, so below 31.56 % is yellow.
 *
 * Unit A
 *   A1 due 2027-12-31: Sept approved 40 %, Oct approved 50 % submitted 10-20 → on time; 50 ≥ 31.56 → GREEN.
 *   A2 due 2026-09-30: Sept approved 80 %, Oct submitted 10-30 → LATE; past due → RED (overdue).
 *   Notice on A1 due 10-15, replied 10-16 11:00 China → LATE.
 *   reports 1/2 on time:  −30 × (1 − 1/2) = −15
 *   on track 1/2:         −30 × (1 − 1/2) = −15
 *   overdue 1:            −5 × 1          = −5
 *   notices 0/1:          −20 × (1 − 0)   = −20
 *   returns 0:                               0
 *   total 100 − 15 − 15 − 5 − 20 = 45
 * Unit B
 *   B1 due 2027-12-31: Sept approved 45 %; Oct first submitted 10-10 (on time), RETURNED 10-12,
 *      submitted again 10-30 (submittedAt now says 10-30; the first submission counts) → on time;
 *      45 ≥ 31.56 → GREEN; one return.
 *   B2 due 2027-12-31: Sept approved 10 %, Oct approved 20 % submitted 10-25 → on time; 20 < 31.56 → YELLOW.
 *   Notice on B2 due 10-20, replied 10-20 23:00 China (15:00Z) → on time.
 *   reports 2/2: 0; on track 1/2: −15; overdue 0; notices 1/1: 0; returns 1: −2 × 1 = −2
 *   total 100 − 15 − 2 = 83
 * Unit C
 *   C1 (sample data) due 2027-12-31: Sept approved 50 %, Oct approved 60 % submitted 10-28 23:59 China → on time; GREEN.
 *   C2 closed out in August (completion report approved): not expected in October, light COMPLETED, not counted.
 *   C3 starts 2026-12-01: not started by October's end, not counted.
 *   Notice on C1 due 11-15: not an October notice.
 *   total 100
 * Ranking: C 100 (1), B 83 (2), A 45 (3); three units, so 红榜/黑榜 hold min(3, ⌊3/2⌋) = 1 each: C on the 红榜, A on the 黑榜.
 */
beforeAll(async () => {
  await db.setting.deleteMany({ where: { key: SCORING_SETTING_KEY } });
  const area = await seedArea(db);
  areaCode = area.code;
  units = { A: await seedUnit(db), B: await seedUnit(db), C: await seedUnit(db) };
  const authors = { A: await seedUser(db, "OFFICIAL", units.A.id), B: await seedUser(db, "OFFICIAL", units.B.id), C: await seedUser(db, "OFFICIAL", units.C.id) };
  users = {
    official: authors.A,
    viewer: await seedUser(db, "VIEWER", null),
    leader: await seedUser(db, "LEADER", null),
    inspector: await seedUser(db, "INSPECTOR", null),
    admin: await seedUser(db, "ADMIN", null),
  };

  const measure = async (name: string, unit: "A" | "B" | "C", dueDate: string, startDate = "2026-01-01", status: "IN_PROGRESS" | "COMPLETED" = "IN_PROGRESS", isSample = false) => {
    const code = `S.${name}.${uniqueSuffix()}`;
    codes[name] = code;
    return db.measure.create({
      data: { code, areaId: area.id, leadUnitId: units[unit].id, titleZh: `考评${name}`, titleEn: `Scoring ${name}`, startDate: day(startDate), dueDate: day(dueDate), status, isSample },
    });
  };
  const report = async (
    measureId: string,
    unit: "A" | "B" | "C",
    period: string,
    state: "SUBMITTED" | "APPROVED" | "RETURNED",
    percent: number,
    submittedAt: string,
    extra: { isCompletion?: boolean } = {},
  ) =>
    db.progressReport.create({
      data: {
        measureId,
        unitId: units[unit].id,
        authorId: authors[unit].id,
        period: day(`${period}-01`),
        percentComplete: percent,
        status: extra.isCompletion ? "COMPLETED" : "IN_PROGRESS",
        state,
        submittedAt: at(submittedAt),
        reviewedAt: state === "APPROVED" ? at(submittedAt) : null,
        isCompletion: extra.isCompletion ?? false,
      },
    });
  let noticeNumber = 900_000 + Math.floor(Math.random() * 90_000);
  const notice = async (measureId: string, unit: "A" | "B" | "C", replyDueDate: string, repliedAt: string | null) => {
    const created = await db.notice.create({
      data: {
        year: 2026,
        number: noticeNumber++,
        measureId,
        level: "SUPERVISE",
        body: "请说明进展",
        replyDueDate: day(replyDueDate),
        issuedById: users.inspector.id,
        recipients: { create: [{ unitId: units[unit].id, isLead: true }] },
      },
    });
    if (repliedAt) {
      await db.noticeReply.create({ data: { noticeId: created.id, unitId: units[unit].id, authorId: authors[unit].id, body: "已推进", createdAt: at(repliedAt) } });
    }
  };

  const a1 = await measure("A1", "A", "2027-12-31");
  await report(a1.id, "A", "2026-09", "APPROVED", 40, "2026-09-20T02:00:00Z");
  await report(a1.id, "A", "2026-10", "APPROVED", 50, "2026-10-20T02:00:00Z");
  await notice(a1.id, "A", "2026-10-15", "2026-10-16T03:00:00Z");
  const a2 = await measure("A2", "A", "2026-09-30");
  await report(a2.id, "A", "2026-09", "APPROVED", 80, "2026-09-20T02:00:00Z");
  await report(a2.id, "A", "2026-10", "SUBMITTED", 85, "2026-10-30T02:00:00Z");

  const b1 = await measure("B1", "B", "2027-12-31");
  await report(b1.id, "B", "2026-09", "APPROVED", 45, "2026-09-20T02:00:00Z");
  const b1Oct = await report(b1.id, "B", "2026-10", "SUBMITTED", 48, "2026-10-30T02:00:00Z");
  await db.auditEvent.createMany({
    data: [
      { actorId: authors.B.id, action: "report.submit", entityType: "ProgressReport", entityId: b1Oct.id, createdAt: at("2026-10-10T02:00:00Z") },
      { actorId: users.inspector.id, action: "report.return", entityType: "ProgressReport", entityId: b1Oct.id, createdAt: at("2026-10-12T02:00:00Z") },
      { actorId: authors.B.id, action: "report.submit", entityType: "ProgressReport", entityId: b1Oct.id, createdAt: at("2026-10-30T02:00:00Z") },
    ],
  });
  const b2 = await measure("B2", "B", "2027-12-31");
  await report(b2.id, "B", "2026-09", "APPROVED", 10, "2026-09-20T02:00:00Z");
  await report(b2.id, "B", "2026-10", "APPROVED", 20, "2026-10-25T02:00:00Z");
  await notice(b2.id, "B", "2026-10-20", "2026-10-20T15:00:00Z");

  const c1 = await measure("C1", "C", "2027-12-31", "2026-01-01", "IN_PROGRESS", true);
  await report(c1.id, "C", "2026-09", "APPROVED", 50, "2026-09-20T02:00:00Z");
  await report(c1.id, "C", "2026-10", "APPROVED", 60, "2026-10-28T15:59:00Z");
  await notice(c1.id, "C", "2026-11-15", null);
  const c2 = await measure("C2", "C", "2026-12-31", "2026-01-01", "COMPLETED");
  await report(c2.id, "C", "2026-08", "APPROVED", 100, "2026-08-20T02:00:00Z", { isCompletion: true });
  await measure("C3", "C", "2027-06-30", "2026-12-01");
});
afterAll(async () => {
  await db.setting.deleteMany({ where: { key: SCORING_SETTING_KEY } });
  await db.$disconnect();
});

const compute = (rules = defaultScoringRules) => computeUnitScores(db, { month: MONTH, scope: { area: areaCode } }, { now: NOW, rules, settings });
const byCode = (scores: Awaited<ReturnType<typeof compute>>) => Object.fromEntries(scores.units.map((unit) => [unit.unit.code, unit]));

describe("unit scores on a hand-computed fixture", () => {
  it("gives each component's figure and points, the total, the rank and the lists", async () => {
    const scores = await compute();
    expect(scores.units.map((unit) => [unit.unit.code, unit.total, unit.rank, unit.list])).toEqual([
      [units.C.code, 100, 1, "red"],
      [units.B.code, 83, 2, null],
      [units.A.code, 45, 3, "black"],
    ]);
    const { [units.A.code]: a, [units.B.code]: b, [units.C.code]: c } = byCode(scores);
    expect(a!.components).toEqual({
      reports: { count: 1, of: 2, rate: 0.5, points: -15 },
      onTrack: { count: 1, of: 2, rate: 0.5, points: -15 },
      overdue: { count: 1, of: null, rate: null, points: -5 },
      notices: { count: 0, of: 1, rate: 0, points: -20 },
      returns: { count: 0, of: null, rate: null, points: 0 },
    });
    expect(b!.components).toEqual({
      reports: { count: 2, of: 2, rate: 1, points: 0 },
      onTrack: { count: 1, of: 2, rate: 0.5, points: -15 },
      overdue: { count: 0, of: null, rate: null, points: 0 },
      notices: { count: 1, of: 1, rate: 1, points: 0 },
      returns: { count: 1, of: null, rate: null, points: -2 },
    });
    expect(c!.components).toEqual({
      reports: { count: 1, of: 1, rate: 1, points: 0 },
      onTrack: { count: 1, of: 1, rate: 1, points: 0 },
      overdue: { count: 0, of: null, rate: null, points: 0 },
      notices: { count: 0, of: 0, rate: null, points: 0 },
      returns: { count: 0, of: null, rate: null, points: 0 },
    });
  });

  it("lists the measures that cost points, and why", async () => {
    const { [units.A.code]: a, [units.B.code]: b, [units.C.code]: c } = byCode(await compute());
    const summary = (costs: ScoreCost[]) => costs.map((cost) => [cost.component, cost.reason, cost.measure.code]);
    expect(summary(a!.costs)).toEqual([
      ["reports", "reportLate", codes.A2],
      ["onTrack", "offTrack", codes.A2],
      ["overdue", "overdue", codes.A2],
      ["notices", "noticeLate", codes.A1],
    ]);
    expect(a!.costs[0]!.at).toEqual(at("2026-10-30T02:00:00Z"));
    expect(a!.costs[1]!.light).toBe("RED");
    expect(summary(b!.costs)).toEqual([
      ["onTrack", "offTrack", codes.B2],
      ["returns", "returned", codes.B1],
    ]);
    expect(b!.costs[0]!.light).toBe("YELLOW");
    expect(c!.costs).toEqual([]);
  });

  it("scores the past month anew when a weight changes (nothing cached)", async () => {
    await signInAs(users.admin);
    const form = new FormData();
    for (const [key, value] of Object.entries({ ...defaultScoringRules, reportWeight: 40 })) form.set(key, String(value));
    expect(await updateScoringRulesAction(idleState, form)).toMatchObject({ status: "success" });
    const rules = await getScoringRules(db);
    expect(rules.reportWeight).toBe(40);
    // A: reports −40 × (1 − 1/2) = −20 → 100 − 20 − 15 − 5 − 20 = 40; B and C lost nothing on reports.
    const scores = await computeUnitScores(db, { month: MONTH, scope: { area: areaCode } }, { now: NOW, settings });
    expect(scores.units.map((unit) => [unit.unit.code, unit.total])).toEqual([
      [units.C.code, 100],
      [units.B.code, 83],
      [units.A.code, 40],
    ]);
    await db.setting.deleteMany({ where: { key: SCORING_SETTING_KEY } });
  });

  it("refuses bad rules field by field and keeps what was typed", async () => {
    await signInAs(users.admin);
    const form = new FormData();
    for (const [key, value] of Object.entries({ ...defaultScoringRules, reportWeight: "abc", listSize: "0", baseScore: "5000" })) form.set(key, String(value));
    const state = await updateScoringRulesAction(idleState, form);
    expect(state).toMatchObject({
      status: "error",
      code: "VALIDATION",
      fieldErrors: { reportWeight: { key: "scoreRange" }, listSize: { key: "scoreListSize" }, baseScore: { key: "scoreBaseRange" } },
      values: { reportWeight: "abc", listSize: "0", baseScore: "5000" },
    });
    expect(await db.setting.findUnique({ where: { key: SCORING_SETTING_KEY } })).toBeNull();
  });

  it("does not count a report or a notice before its deadline in the current month", async () => {
    // Judged on 2026-10-20: A2's October report (submitted 10-30) is not yet due, nor is B2's notice (due 10-20, replied that day, so it counts).
    const early = await computeUnitScores(db, { month: MONTH, scope: { area: areaCode } }, { now: at("2026-10-20T04:00:00Z"), rules: defaultScoringRules, settings });
    const a = byCode(early)[units.A.code]!;
    expect(a.components.reports).toMatchObject({ count: 1, of: 1 });
    expect(a.components.notices).toMatchObject({ count: 0, of: 1 });
  });
});

const request = (path: string) => new NextRequest(`http://localhost:3000${path}`, { headers: { host: "localhost:3000" } });

describe("the ranking API and its export", () => {
  // The routes read the stored tracking settings (another test file may have changed them): the fixture's, for these tests.
  let stored: { key: string; value: Prisma.JsonValue }[] = [];
  beforeAll(async () => {
    stored = await db.setting.findMany({ where: { key: { in: Object.keys(settings) } }, select: { key: true, value: true } });
    for (const [key, value] of Object.entries(settings)) await db.setting.upsert({ where: { key }, update: { value }, create: { key, value } });
  });
  afterAll(async () => {
    await db.setting.deleteMany({ where: { key: { in: Object.keys(settings) } } });
    for (const { key, value } of stored) await db.setting.create({ data: { key, value: value as Prisma.InputJsonValue } });
  });

  it("answers leaders, inspectors and admins; refuses officials and viewers", async () => {
    for (const role of ["leader", "inspector", "admin"] as const) {
      await signInAs(users[role]);
      const response = await getScoresRoute(request(`/api/v1/scores?month=${MONTH}&area=${areaCode}`), noParams);
      expect(response.status).toBe(200);
      const body = await response.json();
      expect(body.units.map((unit: { unit: { code: string }; total: number }) => [unit.unit.code, unit.total])).toEqual([
        [units.C.code, 100],
        [units.B.code, 83],
        [units.A.code, 45],
      ]);
    }
    for (const role of ["official", "viewer"] as const) {
      await signInAs(users[role]);
      expect((await getScoresRoute(request(`/api/v1/scores?month=${MONTH}&area=${areaCode}`), noParams)).status).toBe(403);
      expect((await getScoresXlsxRoute(request(`/api/v1/scores.xlsx?month=${MONTH}&area=${areaCode}`), noParams)).status).toBe(403);
    }
  });

  it("refuses a malformed or future month with a field error", async () => {
    await signInAs(users.leader);
    const bad = await getScoresRoute(request(`/api/v1/scores?month=2026-13`), noParams);
    expect(bad.status).toBe(422);
    expect((await bad.json()).error.fieldErrors.month).toEqual({ key: "monthFormat" });
    const future = await getScoresRoute(request(`/api/v1/scores?month=2999-01`), noParams);
    expect(future.status).toBe(422);
    expect((await future.json()).error.fieldErrors.month).toEqual({ key: "monthInFuture" });
  });

  it("exports the ranking with its breakdown as a workbook that opens, sample data labelled", async () => {
    const scores = await compute();
    const t = createTranslator({ locale: "zh-CN", messages: zh, namespace: "scoring" }) as unknown as (key: string, values?: Record<string, string>) => string;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await scoresXlsx(scores, scoresExportLabelsFrom("zh-CN", t)));
    const ranking = workbook.getWorksheet("红黑榜")!;
    const rows = ranking.getSheetValues().filter(Boolean).map((row) => (row as unknown[]).slice(1));
    expect(rows[0]).toEqual([`单位考评红黑榜（${MONTH}）`]);
    // C's score rests on C1, a sample measure: a note above the table and the row's data column say so.
    expect(rows[1]).toEqual([zh.scoring.export.sampleNote]);
    expect(rows[2]).toEqual(zh.scoring.export.rankingColumns.split("|"));
    expect(rows.slice(3).map((row) => [row[0], row[1], row[3], row[4], row[5], row[6], row[15] ?? ""])).toEqual([
      [1, units.C.code, 100, "红榜", "1/1", 0, "示例数据"],
      [2, units.B.code, 83, "", "2/2", 0, ""],
      [3, units.A.code, 45, "黑榜", "1/2", -15, ""],
    ]);
    const breakdown = workbook.getWorksheet("扣分明细")!;
    const costs = breakdown.getSheetValues().filter(Boolean).slice(1).map((row) => (row as unknown[]).slice(1));
    expect(costs.map((row) => [row[0], row[2], row[3], row[4]])).toEqual([
      [units.B.code, "进度正常", "进度滞后或超期", codes.B2],
      [units.B.code, "报告退回", "报告被退回", codes.B1],
      [units.A.code, "按时报送", "月报逾期报送", codes.A2],
      [units.A.code, "进度正常", "进度滞后或超期", codes.A2],
      [units.A.code, "超期措施", "已超过完成时限", codes.A2],
      [units.A.code, "督办按时回复", "督办单逾期回复", codes.A1],
    ]);
  });
});
