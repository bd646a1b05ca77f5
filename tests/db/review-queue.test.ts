import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/session-user";
import { idleState } from "@/lib/errors/action-state";
import { saveReport } from "@/lib/reports/save-report";
import { saveReportInputSchema } from "@/lib/reports/schemas";
import { approveReportsAction } from "@/lib/reviews/actions";
import { getReviewItem } from "@/lib/reviews/get-review-item";
import { listReviewQueue } from "@/lib/reviews/list-review-queue";
import { type ReviewQueueQuery, reviewQueueQuerySchema } from "@/lib/reviews/schemas";
import { signInAs } from "../setup/request-context";
import { seedArea, seedMeasure, seedUnit, seedUser } from "./fixtures";
import { testDb } from "./helpers";

/**
 * The review queue (/reviews, #15): submitted reports and pending extension
 * requests in one list, oldest first, filtered as the URL says, never one's own
 * reports; the panel's item with last month's report; bulk approval through the
 * one guard and the one review use case, each report on its own.
 */
const db = testDb();
const today = new Date("2026-11-28T00:00:00Z");
const settings = { paceMarginPercent: 10, dueSoonDays: 30 };
const HOUR = 3_600_000;

type SeededUser = { id: string; loginName: string; displayName: string; role: SessionUser["role"]; unitId: string | null };
const asSession = (user: SeededUser): SessionUser => ({ ...user, mustChangePassword: false });
const form = (measureCode: string, overrides: Record<string, string> = {}) =>
  saveReportInputSchema.parse({
    measureCode,
    period: "2026-11",
    percentComplete: "60",
    progress: "本月进展",
    problems: "",
    nextSteps: "",
    intent: "submit",
    ...overrides,
  });
const submittedAgo = (reportId: string, hours: number) =>
  db.progressReport.update({ where: { id: reportId }, data: { submittedAt: new Date(Date.now() - hours * HOUR) } });

let areaCode: string;
let leadUnitId: string;
let coopUnitId: string;
let leadOfficial: SessionUser;
let coopOfficial: SessionUser;
let inspector: SessionUser & { loginName: string };
let leader: SessionUser;
let measures: { id: string; code: string }[];
let oldReport: string;
let newReport: string;
let coopReport: string;
let extensionId: string;

const queue = (user: SessionUser, query: Partial<ReviewQueueQuery> = {}) =>
  listReviewQueue(db, user, reviewQueueQuerySchema.parse({ area: areaCode, ...query }), today, settings);
const keys = async (user: SessionUser, query: Partial<ReviewQueueQuery> = {}) => (await queue(user, query)).rows.map((row) => row.key);

beforeAll(async () => {
  const area = await seedArea(db);
  areaCode = area.code;
  leadUnitId = (await seedUnit(db)).id;
  coopUnitId = (await seedUnit(db)).id;
  leadOfficial = asSession(await seedUser(db, "OFFICIAL", leadUnitId));
  coopOfficial = asSession(await seedUser(db, "OFFICIAL", coopUnitId));
  inspector = asSession(await seedUser(db, "INSPECTOR", null));
  leader = asSession(await seedUser(db, "LEADER", null));
  measures = await Promise.all([0, 1, 2].map(() => seedMeasure(db, area.id, leadUnitId, [coopUnitId])));
  const [first, second] = measures as [{ id: string; code: string }, { id: string; code: string }];

  // Last month's report of the first measure, approved, then this month's with changed figures.
  const { reportId: october } = await saveReport(db, leadOfficial, form(first.code, { period: "2026-10", percentComplete: "40", progress: "上月进展" }), today);
  await db.progressReport.update({ where: { id: october }, data: { state: "APPROVED" } });
  oldReport = (await saveReport(db, leadOfficial, form(first.code, { percentComplete: "60", progress: "本月进展" }), today)).reportId;
  await submittedAgo(oldReport, 72);
  coopReport = (await saveReport(db, coopOfficial, form(first.code, { percentComplete: "30" }), today)).reportId;
  await submittedAgo(coopReport, 50);
  const request = await db.extensionRequest.create({
    data: {
      measureId: second.id,
      requestedById: leadOfficial.id,
      currentDueDate: new Date("2027-01-31T00:00:00Z"),
      requestedDueDate: new Date("2027-03-31T00:00:00Z"),
      reason: "征地手续延后",
      createdAt: new Date(Date.now() - 48 * HOUR),
    },
  });
  extensionId = request.id;
  newReport = (await saveReport(db, leadOfficial, form(second.code), today)).reportId;
  await submittedAgo(newReport, 1);
});
afterAll(() => db.$disconnect());

describe("[REVIEWS] the queue holds both kinds, oldest first", () => {
  it("an inspector sees reports and extension requests, waiting longest first; sorting turns it round", async () => {
    expect(await keys(inspector)).toEqual([`report:${oldReport}`, `report:${coopReport}`, `extension:${extensionId}`, `report:${newReport}`]);
    expect(await keys(inspector, { dir: "desc" })).toEqual([`report:${newReport}`, `extension:${extensionId}`, `report:${coopReport}`, `report:${oldReport}`]);
    const rows = (await queue(inspector)).rows;
    expect(rows.map((row) => [row.kind, row.period, row.role])).toEqual([
      ["report", "2026-11", "lead"],
      ["report", "2026-11", "cooperating"],
      ["extension", null, "lead"],
      ["report", "2026-11", "lead"],
    ]);
    // Half the time gone at 0 %: behind pace, so yellow (the measures' own figures, not the reports').
    expect(rows.map((row) => row.light)).toEqual(["YELLOW", "YELLOW", "YELLOW", "YELLOW"]);
  });

  it("a leader reviews reports but does not decide extensions: no extension row", async () => {
    expect(await keys(leader)).toEqual([`report:${oldReport}`, `report:${coopReport}`, `report:${newReport}`]);
  });

  it("an official has no queue", async () => {
    expect((await queue(leadOfficial)).total).toBe(0);
  });
});

describe("[REVIEWS] filters from the URL", () => {
  it("by kind, unit, measure text and programme; the options list what the queue holds", async () => {
    expect(await keys(inspector, { kind: "extension" })).toEqual([`extension:${extensionId}`]);
    expect(await keys(inspector, { kind: "report", unit: coopUnitId })).toEqual([`report:${coopReport}`]);
    expect(await keys(inspector, { q: measures[1]!.code.toLowerCase() })).toEqual([`extension:${extensionId}`, `report:${newReport}`]);
    expect(await keys(inspector, { q: "没有这样的措施" })).toEqual([]);
    const all = await queue(inspector);
    expect(await keys(inspector, { programme: all.rows[0]!.programme.code })).toHaveLength(4);
    expect(await keys(inspector, { programme: "NO-SUCH" })).toEqual([]);
    // The options come from the whole queue (other tests' rows too), ours among them.
    expect(all.options.units.map((unit) => unit.id)).toEqual(expect.arrayContaining([leadUnitId, coopUnitId]));
    expect(all.options.areas.map((area) => area.code)).toContain(areaCode);
  });

  it("bad URL values fall back to the defaults rather than failing", () => {
    expect(reviewQueueQuerySchema.parse({ kind: "x", sort: "nope", dir: "up", open: "<script>", light: "PINK", period: "2026-13", page: "0", perPage: "9999" })).toEqual({
      sort: "waiting",
      dir: "asc",
      page: 1,
      perPage: 50,
    });
  });
});

describe("[REVIEWS] the panel's item", () => {
  it("a report comes with the same unit's report of last month and the changed figures", async () => {
    const item = await getReviewItem(db, inspector, `report:${oldReport}`);
    expect(item).toMatchObject({ kind: "report", period: "2026-11", role: "lead", current: { percentComplete: 60, progress: "本月进展" } });
    if (item?.kind !== "report") throw new Error("not a report");
    expect(item.previous).toMatchObject({ period: "2026-10", percentComplete: 40, progress: "上月进展", state: "APPROVED" });
    expect(item.changed).toEqual(["percentComplete", "progress"]);
    // The cooperating unit has no report last month: nothing to compare.
    const coop = await getReviewItem(db, inspector, `report:${coopReport}`);
    expect(coop).toMatchObject({ role: "cooperating", previous: null, changed: [] });
  });

  it("an extension request shows current and requested due dates and the reason, to inspectors only", async () => {
    expect(await getReviewItem(db, inspector, `extension:${extensionId}`)).toMatchObject({
      currentDueDate: "2027-01-31",
      requestedDueDate: "2027-03-31",
      reason: "征地手续延后",
    });
    expect(await getReviewItem(db, leader, `extension:${extensionId}`)).toBeNull();
  });
});

describe("[REVIEWS] nobody finds their own report in the queue", () => {
  it("a writer later made inspector sees neither the report in the queue nor in the panel", async () => {
    const writer = asSession(await seedUser(db, "OFFICIAL", leadUnitId));
    const { reportId } = await saveReport(db, writer, form(measures[2]!.code), today);
    await db.user.update({ where: { id: writer.id }, data: { role: "INSPECTOR", unitId: null } });
    const promoted: SessionUser = { ...writer, role: "INSPECTOR", unitId: null };
    expect(await keys(promoted)).not.toContain(`report:${reportId}`);
    expect(await getReviewItem(db, promoted, `report:${reportId}`)).toBeNull();
    expect(await keys(inspector)).toContain(`report:${reportId}`);
    await db.progressReport.delete({ where: { id: reportId } });
  });
});

describe("[REVIEWS] bulk approval", () => {
  const formData = (items: string) => {
    const data = new FormData();
    data.set("items", items);
    return data;
  };

  it("an official is refused by the guard and nothing changes", async () => {
    await signInAs(leadOfficial);
    const state = await approveReportsAction(idleState, formData(`${oldReport}:1`));
    expect(state).toMatchObject({ status: "error", code: "FORBIDDEN" });
    expect((await db.progressReport.findUniqueOrThrow({ where: { id: oldReport } })).state).toBe("SUBMITTED");
  });

  it("an inspector approves each report on its own; a stale version and an own report are named, not hidden", async () => {
    // The inspector once wrote a report (the audit trail says so): it is skipped with its reason.
    const { reportId: own } = await saveReport(db, leadOfficial, form(measures[2]!.code), today);
    await db.auditEvent.create({ data: { actorId: inspector.id, action: "report.save", entityType: "ProgressReport", entityId: own } });
    const stale = newReport;
    await signInAs(inspector);
    const state = await approveReportsAction(idleState, formData(`${oldReport}:1,${stale}:99,${own}:1,${coopReport}:1`));
    expect(state).toMatchObject({ status: "success", messageKey: "bulkApproved", data: { approved: "2" } });
    if (state.status !== "success") throw new Error("refused");
    const failed = JSON.parse(state.data!.failed!) as { reportId: string; code: string }[];
    expect(failed.map(({ reportId, code }) => [reportId, code])).toEqual([
      [stale, "CONFLICT"],
      [own, "OWN_REPORT"],
    ]);
    const stateOf = async (id: string) => (await db.progressReport.findUniqueOrThrow({ where: { id } })).state;
    expect([await stateOf(oldReport), await stateOf(coopReport), await stateOf(stale), await stateOf(own)]).toEqual([
      "APPROVED",
      "APPROVED",
      "SUBMITTED",
      "SUBMITTED",
    ]);
    // The lead unit's approved report carried its figures onto the measure; the rows left the queue.
    expect((await db.measure.findUniqueOrThrow({ where: { id: measures[0]!.id } })).percentComplete).toBe(60);
    expect(await keys(inspector)).toEqual([`extension:${extensionId}`, `report:${stale}`]);
  });

  it("a malformed list is refused before anything is approved", async () => {
    await signInAs(inspector);
    expect(await approveReportsAction(idleState, formData("not a list"))).toMatchObject({ status: "error", code: "VALIDATION" });
  });
});
