import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/session-user";
import { listReviewQueue, type ReviewQueueRow } from "@/lib/reviews/list-review-queue";
import { type ReviewQueueQuery, reviewQueueQuerySchema } from "@/lib/reviews/schemas";
import { seedArea, seedMeasure, seedUnit, seedUser } from "./fixtures";
import { testDb } from "./helpers";

/**
 * The review queue filters, sorts and pages in the database (#15), with no cap:
 * 560 submitted reports and 30 extension requests in one area, more than the
 * 500 a kind the queue once loaded, read back page by page in every order.
 */
const db = testDb();
const DAY = 86_400_000;
const today = new Date(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`);
const settings = { paceMarginPercent: 10, dueSoonDays: 30 };
const MONTHS = 70;
const EXTENSIONS = 30;

type SeededUser = { id: string; loginName: string; displayName: string; role: SessionUser["role"]; unitId: string | null };
const asSession = (user: SeededUser): SessionUser => ({ ...user, mustChangePassword: false });

let areaCode: string;
let leadUnitId: string;
let coopUnitId: string;
let inspector: SessionUser;
let leader: SessionUser;
let writingLeader: SessionUser;
let official: SessionUser;
/** Light of each seeded measure, by code. */
const lightOf = new Map<string, string>();
let ownReportIds: string[];

const query = (changes: Record<string, string> = {}): ReviewQueueQuery => reviewQueueQuerySchema.parse({ area: areaCode, perPage: "200", ...changes });
const queue = (user: SessionUser, changes: Record<string, string> = {}) => listReviewQueue(db, user, query(changes), today, settings);

/** Every row the query selects, read page by page. */
async function allPages(user: SessionUser, changes: Record<string, string> = {}): Promise<ReviewQueueRow[]> {
  const first = await queue(user, changes);
  const rows = [...first.rows];
  for (let page = 2; page <= first.pageCount; page++) rows.push(...(await queue(user, { ...changes, page: String(page) })).rows);
  expect(rows).toHaveLength(first.matching);
  return rows;
}

const lightRank = (light: string) => ["RED", "YELLOW", "BLUE", "GREEN", "COMPLETED"].indexOf(light);
const byWaiting = (a: ReviewQueueRow, b: ReviewQueueRow) => a.since.getTime() - b.since.getTime() || (a.key < b.key ? -1 : 1);

beforeAll(async () => {
  const area = await seedArea(db);
  areaCode = area.code;
  leadUnitId = (await seedUnit(db)).id;
  coopUnitId = (await seedUnit(db)).id;
  inspector = asSession(await seedUser(db, "INSPECTOR", null));
  leader = asSession(await seedUser(db, "LEADER", null));
  writingLeader = asSession(await seedUser(db, "LEADER", null));
  official = asSession(await seedUser(db, "OFFICIAL", leadUnitId));
  const coopOfficial = asSession(await seedUser(db, "OFFICIAL", coopUnitId));
  const unitless = asSession(await seedUser(db, "OFFICIAL", null));
  const yearAgo = new Date(today.getTime() - 365 * DAY);
  // One measure of each light on `today`.
  const shapes = [
    { light: "RED", overrides: { startDate: yearAgo, dueDate: new Date(today.getTime() - 10 * DAY), percentComplete: 50 } },
    { light: "YELLOW", overrides: { percentComplete: 0 } },
    { light: "BLUE", overrides: { startDate: yearAgo, dueDate: new Date(today.getTime() + 10 * DAY), percentComplete: 99 } },
    { light: "GREEN", overrides: { percentComplete: 60 } },
  ] as const;
  const measures: { id: string; code: string }[] = [];
  for (const shape of shapes) {
    const measure = await seedMeasure(db, area.id, leadUnitId, [coopUnitId], { ...shape.overrides, status: "IN_PROGRESS" });
    lightOf.set(measure.code, shape.light);
    measures.push(measure);
  }
  // Submitted at scattered moments, so waiting order is neither month nor measure order.
  let n = 0;
  const reports = measures.flatMap((measure) =>
    [leadUnitId, coopUnitId].flatMap((unitId) =>
      Array.from({ length: MONTHS }, (_, month) => ({
        measureId: measure.id,
        unitId,
        period: new Date(Date.UTC(2018, month, 1)),
        percentComplete: 10,
        status: "IN_PROGRESS" as const,
        state: "SUBMITTED" as const,
        authorId: unitId === leadUnitId ? official.id : coopOfficial.id,
        submittedAt: new Date(today.getTime() - ((n++ * 7919) % 100_003) * 60_000),
      })),
    ),
  );
  await db.progressReport.createMany({ data: reports });
  await db.extensionRequest.createMany({
    data: Array.from({ length: EXTENSIONS }, (_, i) => ({
      measureId: measures[i % measures.length]!.id,
      requestedById: [official, coopOfficial, unitless][i % 3]!.id,
      currentDueDate: new Date("2027-01-31T00:00:00Z"),
      requestedDueDate: new Date("2027-03-31T00:00:00Z"),
      reason: "征地手续延后",
      createdAt: new Date(today.getTime() - ((i * 104_729) % 100_003) * 60_000),
    })),
  });
  // The writing leader wrote 15 of them: 10 as the author, 5 as an earlier writer in the audit trail.
  const ids = (await db.progressReport.findMany({ where: { measure: { areaId: area.id } }, select: { id: true }, orderBy: { id: "asc" }, take: 15 })).map(
    (report) => report.id,
  );
  ownReportIds = ids;
  await db.progressReport.updateMany({ where: { id: { in: ids.slice(0, 10) } }, data: { authorId: writingLeader.id } });
  await db.auditEvent.createMany({
    data: ids.slice(10).map((entityId) => ({ actorId: writingLeader.id, action: "report.submit", entityType: "ProgressReport", entityId })),
  });
}, 120_000);
afterAll(() => db.$disconnect());

describe("[REVIEWS] more than 500 waiting, paged in the database", () => {
  it("an inspector gets every report and extension request, oldest first, across pages without gaps or repeats", async () => {
    const first = await queue(inspector);
    expect(first.matching).toBe(4 * 2 * MONTHS + EXTENSIONS);
    expect(first.total).toBeGreaterThanOrEqual(first.matching);
    expect(first.rows).toHaveLength(200);
    expect(first.pageCount).toBe(3);
    const rows = await allPages(inspector);
    expect(new Set(rows.map((row) => row.key)).size).toBe(rows.length);
    expect(rows.filter((row) => row.kind === "report")).toHaveLength(4 * 2 * MONTHS);
    expect(rows.map((row) => row.key)).toEqual([...rows].sort(byWaiting).map((row) => row.key));
    // Newest first when turned round (ties still by key).
    const newestFirst = (a: ReviewQueueRow, b: ReviewQueueRow) => b.since.getTime() - a.since.getTime() || (a.key < b.key ? -1 : 1);
    expect((await allPages(inspector, { dir: "desc" })).map((row) => row.key)).toEqual([...rows].sort(newestFirst).map((row) => row.key));
  });

  it("sorts by measure, unit, month and light in the database, then longest waiting first", async () => {
    const byCode = await allPages(inspector, { sort: "code" });
    expect(byCode.map((row) => row.key)).toEqual(
      [...byCode].sort((a, b) => (a.measure.code < b.measure.code ? -1 : a.measure.code > b.measure.code ? 1 : byWaiting(a, b))).map((row) => row.key),
    );
    const byLight = await allPages(inspector, { sort: "light", dir: "desc" });
    expect(byLight.map((row) => row.light)).toEqual(byLight.map((row) => row.light).sort((a, b) => lightRank(b) - lightRank(a)));
    expect(byLight.map((row) => row.light)).toEqual(byLight.map((row) => lightOf.get(row.measure.code)));
    const byPeriod = await allPages(inspector, { sort: "period" });
    const periods = byPeriod.map((row) => row.period);
    // Months ascending; extension requests (no month) last.
    expect(periods.slice(0, 4 * 2 * MONTHS)).toEqual(periods.slice(0, 4 * 2 * MONTHS).sort());
    expect(periods.slice(4 * 2 * MONTHS)).toEqual(Array(EXTENSIONS).fill(null));
    const byUnit = await allPages(inspector, { sort: "unit" });
    // Each unit's rows together, each group longest waiting first.
    const groups = [...new Set(byUnit.map((row) => row.unit.id))];
    expect(groups).toHaveLength(2);
    for (const unitId of groups) {
      const group = byUnit.filter((row) => row.unit.id === unitId);
      expect(byUnit.slice(byUnit.indexOf(group[0]!), byUnit.indexOf(group[0]!) + group.length)).toEqual(group);
      expect(group.map((row) => row.key)).toEqual([...group].sort(byWaiting).map((row) => row.key));
    }
  });

  it("filters by kind, unit, light, month and text before paging", async () => {
    expect((await queue(inspector, { kind: "extension" })).matching).toBe(EXTENSIONS);
    // Two in three requests come from the lead unit: its own, and the unitless requester's (counted as the lead unit's).
    expect((await queue(inspector, { kind: "extension", unit: leadUnitId })).matching).toBe(20);
    const coop = await allPages(inspector, { unit: coopUnitId, kind: "report" });
    expect(coop).toHaveLength(4 * MONTHS);
    expect(coop.every((row) => row.role === "cooperating")).toBe(true);
    const red = await allPages(inspector, { light: "RED" });
    expect(red.every((row) => lightOf.get(row.measure.code) === "RED")).toBe(true);
    // Its reports, and every fourth extension request (8 of 30).
    expect(red).toHaveLength(2 * MONTHS + 8);
    const month = await queue(inspector, { period: "2020-01" });
    expect(month.rows.map((row) => row.period)).toEqual(Array(8).fill("2020-01"));
    const [code] = [...lightOf.keys()];
    expect((await queue(inspector, { q: code!.toLowerCase() })).matching).toBe(2 * MONTHS + 8);
    // Page two of a filter; a page past the end shows the last page.
    const page2 = await queue(inspector, { unit: coopUnitId, kind: "report", page: "2" });
    expect(page2.rows.map((row) => row.key)).toEqual(coop.slice(200, 280).map((row) => row.key));
    const past = await queue(inspector, { unit: coopUnitId, kind: "report", page: "9" });
    expect([past.page, past.rows[0]?.key]).toEqual([2, coop[200]!.key]);
  });

  it("is scoped by role: leaders get no extension requests, nobody their own reports, officials nothing", async () => {
    expect((await queue(leader)).matching).toBe(4 * 2 * MONTHS);
    expect((await queue(leader, { kind: "extension" })).matching).toBe(0);
    const own = await allPages(writingLeader);
    expect(own).toHaveLength(4 * 2 * MONTHS - 15);
    expect(own.some((row) => ownReportIds.includes(row.id))).toBe(false);
    expect(await queue(official)).toMatchObject({ total: 0, matching: 0, rows: [] });
  });
});
