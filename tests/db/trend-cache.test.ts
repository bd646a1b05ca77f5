import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "@/generated/prisma/client";
import { scopedMeasuresFrom, scopeWhereSql } from "@/lib/measures/measure-sql";
import { dashboardStatements } from "@/lib/dashboard/get-dashboard-data";
import { getTrend, getTrendStart, trendMonths } from "@/lib/dashboard/trend";
import { refreshTrendCache } from "@/lib/dashboard/trend-cache";
import { trendSql } from "@/lib/dashboard/trend-sql";
import { seedMeasure, seedReport, seedUnit, seedUser, uniqueSuffix } from "./fixtures";
import { testDb } from "./helpers";

const db = testDb();
const today = new Date("2026-11-28T00:00:00Z");
const settings = { reportingDay: 28, paceMarginPercent: 10, dueSoonDays: 30 };
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
let programme: string;
const measures: { id: string; unitId: string }[] = [];
let authorId: string;

/** The trend straight from the report history, without the cache: what the cache must reproduce. */
async function referenceTrend(at = today, rules = settings, scope: Record<string, string> = {}) {
  const query = { programme, ...scope };
  const rows = await db.$queryRaw<{ month: string; light: string; count: bigint; percent: bigint }[]>(
    trendSql(scopeWhereSql(query), trendMonths(query, at), at, rules),
  );
  return trendMonths(query, at).map((month) => {
    const own = rows.filter((row) => row.month === month);
    const total = own.reduce((sum, row) => sum + Number(row.count), 0);
    return {
      month,
      lights: Object.fromEntries(own.map((row) => [row.light, Number(row.count)])),
      averagePercent: total ? Math.round((own.reduce((sum, row) => sum + Number(row.percent), 0) / total) * 10) / 10 : 0,
    };
  });
}

async function cachedTrend(at = today, rules = settings, scope: Record<string, string> = {}) {
  const trend = await getTrend(db, { programme, ...scope }, at, rules);
  return trend.map((point) => ({
    month: point.month,
    lights: Object.fromEntries(Object.entries(point.lights).filter(([, count]) => count > 0)),
    averagePercent: point.averagePercent,
  }));
}

/** The trend's first month straight from the report history (getTrendStart before MeasureTrendStart). */
async function referenceTrendStart(asOf: string) {
  const [row] = await db.$queryRaw<{ first: Date | null }[]>(Prisma.sql`SELECT to_char(min(r.period), 'YYYY-MM') AS first
    FROM ${scopedMeasuresFrom} JOIN "ProgressReport" r ON r."measureId" = m.id AND r."unitId" = m."leadUnitId"
    WHERE ${scopeWhereSql({ programme })} AND r.state = 'APPROVED' AND r.period <= ${`${asOf}-01`}::date`);
  return row?.first ?? null;
}

/** The overview's reporting figures of a month: the month before `today` from the cache, and as of that month rebuilt from the history. */
async function previousReporting() {
  await refreshTrendCache(db, today, settings);
  const [cached] = await db.$queryRaw<unknown[]>(dashboardStatements({ programme }, today, settings).previousReporting);
  const [rebuilt] = await db.$queryRaw<unknown[]>(dashboardStatements({ programme, asOf: "2026-10" }, today, settings).reporting);
  return { cached, rebuilt };
}

/** The trend's first month as of several months, from the cache and from the history. */
async function trendStarts() {
  await refreshTrendCache(db, today, settings);
  const months = ["2024-12", "2025-06", "2025-12", "2026-02", "2026-11"];
  const cached = await Promise.all(months.map((asOf) => getTrendStart(db, { programme, asOf }, today)));
  return { cached, rebuilt: await Promise.all(months.map(referenceTrendStart)) };
}

const cacheRows = async () => db.measureTrendCache.count({ where: { measureId: { in: measures.map((m) => m.id) } } });

beforeAll(async () => {
  const suffix = uniqueSuffix();
  const p = await db.programme.create({ data: { code: `TC-${suffix}`, titleZh: "趋势缓存测试", titleEn: "Trend cache test", sortOrder: 900 } });
  programme = p.code;
  const area = await db.area.create({ data: { code: `TCA-${suffix}`, programmeId: p.id, titleZh: "领域", titleEn: "Area", sortOrder: 901 } });
  const unit = await seedUnit(db);
  authorId = (await seedUser(db, "OFFICIAL", unit.id)).id;
  const dates = [
    ["2025-06-01", "2026-08-31"],
    ["2026-01-01", "2027-06-30"],
    ["2026-03-01", "2026-12-20"],
    ["2024-01-01", "2028-01-01"],
  ];
  for (const [start, due] of dates) {
    const measure = await seedMeasure(db, area.id, unit.id, [], { startDate: d(start!), dueDate: d(due!) });
    measures.push({ id: measure.id, unitId: unit.id });
  }
  // A history that changes the lights over the months: approvals, a returned and a submitted report.
  const history: [number, string, "APPROVED" | "SUBMITTED" | "RETURNED", number][] = [
    [0, "2026-02", "APPROVED", 20], [0, "2026-05", "APPROVED", 60], [0, "2026-09", "SUBMITTED", 90],
    [1, "2026-03", "APPROVED", 10], [1, "2026-07", "RETURNED", 30],
    [2, "2026-04", "APPROVED", 50], [2, "2026-10", "APPROVED", 95],
    [3, "2025-12", "APPROVED", 5],
  ];
  for (const [index, period, state, percent] of history) {
    await seedReport(db, measures[index]!.id, measures[index]!.unitId, authorId, period, state, percent);
  }
});
afterAll(() => db.$disconnect());

describe("[DASHBOARD] the trend cache", () => {
  it("gives the same trend as the report history", async () => {
    const cached = await cachedTrend();
    expect(cached).toEqual(await referenceTrend());
    expect(new Set(cached.map((point) => JSON.stringify(point.lights))).size).toBeGreaterThan(2);
    expect(await cacheRows()).toBe(measures.length);
  });

  it("recomputes only the measure whose report changed", async () => {
    await refreshTrendCache(db, today, settings);
    const report = await db.progressReport.findFirstOrThrow({ where: { measureId: measures[1]!.id, state: "RETURNED" } });
    await db.progressReport.update({ where: { id: report.id }, data: { state: "APPROVED", reviewedAt: new Date() } });
    expect(await cacheRows()).toBe(measures.length - 1);
    expect(await refreshTrendCache(db, today, settings)).toBe(1);
    expect(await cachedTrend()).toEqual(await referenceTrend());
  });

  it("follows new, deleted and back-dated reports", async () => {
    await seedReport(db, measures[3]!.id, measures[3]!.unitId, authorId, "2026-06", "APPROVED", 35);
    expect(await cachedTrend()).toEqual(await referenceTrend());
    await db.progressReport.deleteMany({ where: { measureId: measures[0]!.id, period: d("2026-05-01") } });
    expect(await cachedTrend()).toEqual(await referenceTrend());
  });

  it("follows changed dates and suspension of a measure (an extension moves the due date)", async () => {
    await db.measure.update({ where: { id: measures[2]!.id }, data: { dueDate: d("2026-06-30") } });
    expect(await cacheRows()).toBe(measures.length - 1);
    expect(await cachedTrend()).toEqual(await referenceTrend());
    await db.measure.update({ where: { id: measures[1]!.id }, data: { status: "SUSPENDED" } });
    expect(await cachedTrend()).toEqual(await referenceTrend());
  });

  it("is kept by writes that do not change a past month (a title edit)", async () => {
    await refreshTrendCache(db, today, settings);
    await db.measure.update({ where: { id: measures[0]!.id }, data: { titleEn: "Renamed" } });
    expect(await cacheRows()).toBe(measures.length);
  });

  it("is dropped by writes in plain SQL too: the triggers sit in the database", async () => {
    await db.$executeRaw`UPDATE "ProgressReport" SET "percentComplete" = 77 WHERE "measureId" = ${measures[3]!.id}`;
    expect(await cacheRows()).toBe(measures.length - 1);
    expect(await cachedTrend()).toEqual(await referenceTrend());
  });

  it("includes a measure added after the cache was filled", async () => {
    const area = await db.area.findFirstOrThrow({ where: { programme: { code: programme } } });
    const added = await seedMeasure(db, area.id, measures[0]!.unitId, [], { startDate: d("2026-02-01"), dueDate: d("2026-09-30") });
    measures.push({ id: added.id, unitId: measures[0]!.unitId });
    const cached = await cachedTrend();
    expect(cached).toEqual(await referenceTrend());
    expect(Object.values(cached.at(-2)!.lights).reduce((sum, count) => sum + count, 0)).toBe(measures.length);
  });

  it("follows a measure moved to another area, in area, city and lead-unit scopes", async () => {
    const area = await db.area.findFirstOrThrow({ where: { programme: { code: programme } } });
    const other = await db.area.create({ data: { code: `${area.code}-2`, programmeId: area.programmeId, titleZh: "领域二", titleEn: "Area two", sortOrder: 902 } });
    const city = await db.city.upsert({ where: { code: "jinan" }, update: {}, create: { code: "jinan", nameZh: "济南", nameEn: "Jinan" } });
    await db.measureCity.create({ data: { measureId: measures[2]!.id, cityId: city.id } });
    await db.measure.update({ where: { id: measures[2]!.id }, data: { areaId: other.id } });
    const leadUnit = (await db.unit.findUniqueOrThrow({ where: { id: measures[0]!.unitId } })).code;
    const scopes: Record<string, string>[] = [{ area: area.code }, { area: other.code }, { city: "jinan" }, { leadUnit }];
    for (const scope of scopes) {
      expect(await cachedTrend(today, settings, scope), JSON.stringify(scope)).toEqual(await referenceTrend(today, settings, scope));
    }
    expect((await cachedTrend(today, settings, { area: other.code })).at(-2)!.lights).not.toEqual({});
  });

  it("holds the current month for its day, and recomputes it the next day", async () => {
    const area = await db.area.findFirstOrThrow({ where: { programme: { code: programme } } });
    const dueToday = await seedMeasure(db, area.id, measures[0]!.unitId, [], { startDate: d("2026-01-01"), dueDate: today });
    measures.push({ id: dueToday.id, unitId: measures[0]!.unitId });
    const todays = await cachedTrend();
    expect(await refreshTrendCache(db, today, settings)).toBe(0);
    const tomorrow = d("2026-11-29");
    expect(await refreshTrendCache(db, tomorrow, settings)).toBeGreaterThanOrEqual(measures.length);
    const tomorrows = await cachedTrend(tomorrow);
    expect(tomorrows).toEqual(await referenceTrend(tomorrow));
    // Due today: not yet overdue today, overdue tomorrow; the closed months stay as they were.
    expect(tomorrows.at(-1)!.lights.RED ?? 0).toBe((todays.at(-1)!.lights.RED ?? 0) + 1);
    expect(tomorrows.slice(0, -1)).toEqual(todays.slice(0, -1));
  });

  it("is recomputed under other light settings and when the month turns", async () => {
    const stricter = { ...settings, paceMarginPercent: 0, dueSoonDays: 90 };
    expect(await cachedTrend(today, stricter)).toEqual(await referenceTrend(today, stricter));
    const nextYear = d("2027-01-15");
    expect(await cachedTrend(nextYear)).toEqual(await referenceTrend(nextYear));
  });
});

describe("[DASHBOARD] the trend's first month and last month's reporting figures, from the trend cache", () => {
  it("equal the report history's after new, back-dated, changed and deleted reports", async () => {
    const expectBoth = async () => {
      const starts = await trendStarts();
      expect(starts.cached).toEqual(starts.rebuilt);
      const reporting = await previousReporting();
      expect(reporting.cached).toEqual(reporting.rebuilt);
      return { starts: starts.cached, reporting: reporting.cached as { due: bigint; submitted: bigint; approved: bigint } };
    };
    const before = await expectBoth();
    // An approval back-dated before every other: the trend starts earlier.
    const early = await seedReport(db, measures[3]!.id, measures[3]!.unitId, authorId, "2025-03", "APPROVED", 1);
    const earlier = await expectBoth();
    expect(earlier.starts).not.toEqual(before.starts);
    expect(earlier.starts[1]).toBe("2025-03");
    // Last month's report submitted, then approved.
    const october = await seedReport(db, measures[0]!.id, measures[0]!.unitId, authorId, "2026-10", "SUBMITTED", 40);
    expect((await expectBoth()).reporting.submitted).toBe(before.reporting.submitted + 1n);
    await db.$executeRaw`UPDATE "ProgressReport" SET state = 'APPROVED' WHERE id = ${october.id}`;
    await expectBoth();
    // A completion report of last month: no report was expected of it then.
    await db.progressReport.update({ where: { id: october.id }, data: { isCompletion: true, percentComplete: 100 } });
    expect((await expectBoth()).reporting.due).toBe(before.reporting.due - 1n);
    await db.progressReport.delete({ where: { id: october.id } });
    await db.progressReport.delete({ where: { id: early.id } });
    expect((await expectBoth()).starts).toEqual(before.starts);
  });

  it("follow a change of lead unit (only the lead unit's reports count) and a new measure", async () => {
    const other = await seedUnit(db);
    await db.measure.update({ where: { id: measures[3]!.id }, data: { leadUnitId: other.id } });
    await seedReport(db, measures[3]!.id, other.id, authorId, "2024-12", "APPROVED", 3);
    expect((await trendStarts()).cached[0]).toBe("2024-12");
    const starts = await trendStarts();
    expect(starts.cached).toEqual(starts.rebuilt);
    await db.measure.update({ where: { id: measures[3]!.id }, data: { leadUnitId: measures[3]!.unitId } });
    const back = await trendStarts();
    expect(back.cached).toEqual(back.rebuilt);
    expect(back.cached[0]).toBeNull();
    const area = await db.area.findFirstOrThrow({ where: { programme: { code: programme } } });
    const added = await seedMeasure(db, area.id, other.id, [], { startDate: d("2024-01-01"), dueDate: d("2027-01-01") });
    await seedReport(db, added.id, other.id, authorId, "2024-11", "APPROVED", 2);
    const withNew = await trendStarts();
    expect(withNew.cached).toEqual(withNew.rebuilt);
    expect(withNew.cached[0]).toBe("2024-11");
    const reporting = await previousReporting();
    expect(reporting.cached).toEqual(reporting.rebuilt);
    await db.measure.delete({ where: { id: added.id } });
  });
});
