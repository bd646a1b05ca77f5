import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/session-user";
import { explainFlagAction } from "@/lib/credibility/actions";
import { loadCredibilityFlags, openFlagCount } from "@/lib/credibility/load-flags";
import { reportingDeadlineInstant } from "@/lib/credibility/rules";
import { defaultCredibilitySettings } from "@/lib/credibility/settings";
import { idleState } from "@/lib/errors/action-state";
import { getReviewItem } from "@/lib/reviews/get-review-item";
import { listReviewQueue } from "@/lib/reviews/list-review-queue";
import { type ReviewQueueQuery, reviewQueueQuerySchema } from "@/lib/reviews/schemas";
import { signInAs } from "../setup/request-context";
import { seedArea, seedMeasure, seedUnit, seedUser } from "./fixtures";
import { testDb } from "./helpers";

/**
 * Credibility checks (issue #20) against the database: the batched loader
 * (previous approved report, last month's text, milestones, earlier
 * submissions), the review queue's flag counts and "has open flags" filter,
 * and marking a flag explained, through the guard: reviewers only.
 */
const db = testDb();
const today = new Date("2026-11-28T00:00:00Z");
const tracking = { paceMarginPercent: 10, dueSoonDays: 30, reportingDay: 28 };
const options = { settings: defaultCredibilitySettings, reportingDay: 28 };
const copied = "完成东区污水管网改造3.2公里，新建泵站1座已进入设备安装阶段，西区管网施工招标已完成。";

type SeededUser = { id: string; loginName: string; displayName: string; role: SessionUser["role"]; unitId: string | null };
const asSession = (user: SeededUser): SessionUser => ({ ...user, mustChangePassword: false });

let areaCode: string;
let unitId: string;
let official: SessionUser;
let inspector: SessionUser;
let viewer: SessionUser;
/** November reports: flagged (jump, copied, investment out of step), plausible, risen with a milestone, always last-minute. */
let flagged: string;
let plausible: string;
let withMilestone: string;
let lastMinute: string;

async function report(measureId: string, period: string, state: "APPROVED" | "SUBMITTED", percentComplete: number, extra: Record<string, unknown> = {}) {
  const created = await db.progressReport.create({
    data: {
      measureId,
      unitId,
      authorId: official.id,
      period: new Date(`${period}-01T00:00:00Z`),
      percentComplete,
      status: "IN_PROGRESS",
      progress: `${period}测试进展，各项工作按计划推进中。`,
      state,
      submittedAt: new Date(`${period}-10T02:00:00Z`),
      ...extra,
    },
  });
  return created.id;
}

const queue = (user: SessionUser, query: Partial<ReviewQueueQuery> = {}) =>
  listReviewQueue(db, user, reviewQueueQuerySchema.parse({ area: areaCode, ...query }), today, tracking);
const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
};

beforeAll(async () => {
  const area = await seedArea(db);
  areaCode = area.code;
  unitId = (await seedUnit(db)).id;
  official = asSession(await seedUser(db, "OFFICIAL", unitId));
  inspector = asSession(await seedUser(db, "INSPECTOR", null));
  viewer = asSession(await seedUser(db, "VIEWER", null));
  const [a, b, c, d] = await Promise.all([0, 1, 2, 3].map(() => seedMeasure(db, area.id, unitId)));
  await db.measure.update({ where: { id: a!.id }, data: { investmentPlanned: 1000 } });

  await report(a!.id, "2026-10", "APPROVED", 40, { progress: copied });
  flagged = await report(a!.id, "2026-11", "SUBMITTED", 80, { progress: copied, investmentCompleted: 100 });

  await report(b!.id, "2026-10", "APPROVED", 40);
  plausible = await report(b!.id, "2026-11", "SUBMITTED", 50);

  await report(c!.id, "2026-10", "APPROVED", 40);
  withMilestone = await report(c!.id, "2026-11", "SUBMITTED", 80);
  await db.milestone.create({ data: { measureId: c!.id, titleZh: "主体完工", titleEn: "Main works done", dueDate: new Date("2026-11-30T00:00:00Z"), completedOn: new Date("2026-11-12T00:00:00Z") } });

  // Ten minutes before each month's deadline, three months running.
  const tenBefore = (period: string) => new Date(reportingDeadlineInstant(new Date(`${period}-01T00:00:00Z`), 28).getTime() - 10 * 60_000);
  await report(d!.id, "2026-09", "APPROVED", 30, { submittedAt: tenBefore("2026-09") });
  await report(d!.id, "2026-10", "APPROVED", 35, { submittedAt: tenBefore("2026-10") });
  lastMinute = await report(d!.id, "2026-11", "SUBMITTED", 40, { submittedAt: tenBefore("2026-11") });
});
afterAll(() => db.$disconnect());

describe("[CREDIBILITY] the batched loader", () => {
  it("raises each rule from the report's history, for many reports at once", async () => {
    const flags = await loadCredibilityFlags(db, [flagged, plausible, withMilestone, lastMinute], options);
    expect(flags.get(flagged)!.map((flag) => flag.rule)).toEqual(["jump", "investmentOutOfStep", "copiedProgress"]);
    expect(flags.get(flagged)![0]).toMatchObject({ values: { since: "2026-10", from: 40, to: 80, points: 40 }, explained: null });
    expect(flags.get(plausible)).toEqual([]);
    // The milestone completed in November explains the rise.
    expect(flags.get(withMilestone)).toEqual([]);
    expect(flags.get(lastMinute)!.map((flag) => flag.rule)).toEqual(["lastMinute"]);
    expect(await loadCredibilityFlags(db, [], options)).toEqual(new Map());
  });
});

describe("[CREDIBILITY] in the review queue", () => {
  it("each report row carries its flags; the filter keeps reports with open flags", async () => {
    const rows = (await queue(inspector)).rows;
    const open = Object.fromEntries(rows.map((row) => [row.id, openFlagCount(row.flags)]));
    expect(open[flagged]).toBe(3);
    expect(open[plausible]).toBe(0);
    expect((await queue(inspector, { flags: "open" })).rows.map((row) => row.id).sort()).toEqual([flagged, lastMinute].sort());
    expect((await queue(inspector, { flags: "open" })).matching).toBe(2);
  });

  it("the review panel lists the report's flags; a viewer sees neither queue nor panel", async () => {
    const item = await getReviewItem(db, inspector, `report:${flagged}`);
    expect(item?.kind === "report" && item.flags.map((flag) => flag.rule)).toEqual(["jump", "investmentOutOfStep", "copiedProgress"]);
    expect((await queue(viewer)).rows).toEqual([]);
    expect(await getReviewItem(db, viewer, `report:${flagged}`)).toBeNull();
  });
});

describe("[CREDIBILITY] marking a flag explained", () => {
  it("an official, a viewer and no session are refused; nothing is recorded", async () => {
    for (const user of [official, viewer, null]) {
      await signInAs(user);
      const state = await explainFlagAction(idleState, form({ reportId: flagged, rule: "jump", note: "已核实" }));
      expect(state).toMatchObject({ status: "error", code: user ? "FORBIDDEN" : "UNAUTHENTICATED" });
    }
    expect(await db.credibilityExplanation.count({ where: { reportId: flagged } })).toBe(0);
  });

  it("a reviewer explains a raised flag: kept with the note and in history; no longer open", async () => {
    await signInAs(inspector);
    const state = await explainFlagAction(idleState, form({ reportId: flagged, rule: "jump", note: "本月集中完成设备安装，已现场核实" }));
    expect(state).toMatchObject({ status: "success" });
    const flags = (await loadCredibilityFlags(db, [flagged], options)).get(flagged)!;
    expect(flags.find((flag) => flag.rule === "jump")!.explained).toMatchObject({ note: "本月集中完成设备安装，已现场核实" });
    expect(openFlagCount(flags)).toBe(2);
    const events = await db.auditEvent.findMany({ where: { entityType: "ProgressReport", entityId: flagged, action: "report.explainFlag" } });
    expect(events.map((event) => event.after)).toEqual([{ rule: "jump", note: "本月集中完成设备安装，已现场核实" }]);

    // Once every flag is explained the report leaves the "has open flags" filter.
    for (const rule of ["investmentOutOfStep", "copiedProgress"]) {
      expect(await explainFlagAction(idleState, form({ reportId: flagged, rule, note: "已说明" }))).toMatchObject({ status: "success" });
    }
    expect((await queue(inspector, { flags: "open" })).rows.map((row) => row.id)).toEqual([lastMinute]);

    // Submitted again since (returned and corrected): the explanations were for the earlier submission.
    const { submittedAt } = await db.progressReport.findUniqueOrThrow({ where: { id: flagged } });
    await db.progressReport.update({ where: { id: flagged }, data: { submittedAt: new Date(Date.now() + 60_000) } });
    expect(openFlagCount((await loadCredibilityFlags(db, [flagged], options)).get(flagged))).toBe(3);
    await db.progressReport.update({ where: { id: flagged }, data: { submittedAt } });
  });

  it("refuses a flag the report does not raise, an unknown rule, an overlong note, an unknown report and one's own report", async () => {
    await signInAs(inspector);
    expect(await explainFlagAction(idleState, form({ reportId: plausible, rule: "jump", note: "x" }))).toMatchObject({ status: "error", code: "NOT_FOUND" });
    expect(await explainFlagAction(idleState, form({ reportId: flagged, rule: "nonsense", note: "x" }))).toMatchObject({ status: "error", code: "VALIDATION" });
    expect(await explainFlagAction(idleState, form({ reportId: flagged, rule: "jump", note: "长".repeat(501) }))).toMatchObject({ status: "error", code: "VALIDATION" });
    expect(await explainFlagAction(idleState, form({ reportId: "no-such-report", rule: "jump", note: "x" }))).toMatchObject({ status: "error", code: "NOT_FOUND" });
    await db.auditEvent.create({ data: { actorId: inspector.id, action: "report.save", entityType: "ProgressReport", entityId: lastMinute } });
    expect(await explainFlagAction(idleState, form({ reportId: lastMinute, rule: "lastMinute", note: "x" }))).toMatchObject({ status: "error", code: "OWN_REPORT" });
    expect(await db.credibilityExplanation.count({ where: { reportId: { in: [plausible, lastMinute] } } })).toBe(0);
  });
});
