import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getForecastMissCard } from "@/lib/dashboard/forecast-miss";
import { cachedForecastMonth, refreshForecastCache } from "@/lib/forecast/forecast-cache";
import { loadScopeForecasts } from "@/lib/forecast/scope-forecasts";
import { listLedger } from "@/lib/ledger/list-ledger";
import { ledgerQuerySchema, type LedgerQuery } from "@/lib/ledger/schemas";
import { seedArea, seedMeasure, seedReport, seedUnit, seedUser } from "./fixtures";
import { testDb } from "./helpers";

const db = testDb();
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const today = d("2026-11-28");
const settings = { reportingDay: 28, paceMarginPercent: 10, dueSoonDays: 30 };
const july = d("2026-07-01");
let areaCode: string;
let leadId: string;
let authorId: string;
// Due in September at 5 points a month from 20 % (will miss, due within 90 days of July), on course at 10 a month, and one whose June report waits for approval.
const ids = { miss: [] as string[], course: "", late: "", lateReport: "" };
const query = (overrides: Partial<LedgerQuery> = {}) => ledgerQuerySchema.parse({ area: areaCode, perPage: 200, ...overrides });

beforeAll(async () => {
  const area = await seedArea(db);
  areaCode = area.code;
  const lead = await seedUnit(db);
  leadId = lead.id;
  authorId = (await seedUser(db, "OFFICIAL", lead.id)).id;
  const reports = async (measureId: string, first: number, percents: number[]) => {
    for (const [index, percent] of percents.entries()) {
      await seedReport(db, measureId, leadId, authorId, `2026-${String(first + index).padStart(2, "0")}`, "APPROVED", percent);
    }
  };
  for (let index = 0; index < 3; index++) {
    const measure = await seedMeasure(db, area.id, lead.id, [], { startDate: d("2026-01-01"), dueDate: d("2026-09-30") });
    ids.miss.push(measure.id);
    await reports(measure.id, 2, [20, 25, 30, 35, 40, 45]);
  }
  const course = await seedMeasure(db, area.id, lead.id, [], { startDate: d("2026-01-01"), dueDate: d("2027-06-30") });
  ids.course = course.id;
  await reports(course.id, 3, [10, 20, 30, 40, 50]);
  // 10, 20, 30 approved (on course for December); the 100 % of June is only submitted.
  const late = await seedMeasure(db, area.id, lead.id, [], { startDate: d("2026-01-01"), dueDate: d("2026-12-31") });
  ids.late = late.id;
  await reports(late.id, 3, [10, 20, 30]);
  ids.lateReport = (await seedReport(db, late.id, leadId, authorId, "2026-06", "SUBMITTED", 100)).id;
});
afterAll(() => db.$disconnect());

const cachedJuly = () => db.measureForecastCache.findMany({ where: { month: july, measure: { area: { code: areaCode } } } });

describe("[FORECAST] the forecast cache as of a past month", () => {
  it("caches the months of the trend cache's window only", () => {
    expect(cachedForecastMonth(undefined, today)).toBe("2026-11");
    expect(cachedForecastMonth("2026-07", today)).toBe("2026-07");
    expect(cachedForecastMonth("2024-12", today)).toBe("2024-12");
    expect(cachedForecastMonth("2024-11", today)).toBeNull();
  });

  it("holds the same class and finish as computing the forecast as of that month", async () => {
    await refreshForecastCache(db, today, "2026-07");
    const cached = await cachedJuly();
    const computed = await loadScopeForecasts(db, { area: areaCode, asOf: "2026-07" }, today);
    expect(cached).toHaveLength(5);
    for (const forecast of computed) {
      expect(cached.find((row) => row.measureId === forecast.measureId), forecast.code).toMatchObject({ class: forecast.class, finish: forecast.finish });
    }
    expect(cached.find((row) => row.measureId === ids.late)).toMatchObject({ class: "ON_COURSE", finish: "2026-12" });
    expect(cached.filter((row) => row.class === "WILL_MISS").map((row) => row.measureId).sort()).toEqual([...ids.miss].sort());
    // Fresh: nothing to recompute; this month's rows live beside July's.
    expect(await refreshForecastCache(db, today, "2026-07")).toBe(0);
    await refreshForecastCache(db, today);
    expect(await db.measureForecastCache.count({ where: { measureId: ids.late } })).toBe(2);
  });

  it("drops every month of a measure when a report of a past month is approved late", async () => {
    await refreshForecastCache(db, today, "2026-07");
    await refreshForecastCache(db, today);
    await db.progressReport.update({ where: { id: ids.lateReport }, data: { state: "APPROVED" } });
    expect(await db.measureForecastCache.count({ where: { measureId: ids.late } })).toBe(0);
    expect(await db.measureForecastCache.count({ where: { measureId: ids.course } })).toBe(2);
    // The next read recomputes just that measure, now completed as of July.
    expect(await refreshForecastCache(db, today, "2026-07")).toBe(1);
    const [fresh] = await loadScopeForecasts(db, { area: areaCode, asOf: "2026-07" }, today).then((list) => list.filter((item) => item.measureId === ids.late));
    expect(fresh!.class).toBe("COMPLETED");
    expect((await cachedJuly()).find((row) => row.measureId === ids.late)).toMatchObject({ class: "COMPLETED" });
  });

  it("is what the ledger's filter and the dashboard's card read as of that month", async () => {
    await refreshForecastCache(db, today, "2026-07");
    const asOf = await listLedger(db, query({ forecast: "WILL_MISS", asOf: "2026-07" }), today, settings);
    expect(asOf.rows.map((row) => row.id).sort()).toEqual([...ids.miss].sort());
    const card = await getForecastMissCard(db, { area: areaCode, asOf: "2026-07" }, today);
    expect(card.value).toBe(3);
    // Marked in the cache only (no trigger fires): both now count it, so they read the cache, not a fresh forecast.
    await db.measureForecastCache.update({ where: { measureId_month: { measureId: ids.course, month: july } }, data: { class: "WILL_MISS" } });
    expect((await listLedger(db, query({ forecast: "WILL_MISS", asOf: "2026-07" }), today, settings)).total).toBe(4);
    // Due mid-2027, past the card's 90 days: the card still counts 3, by its due date.
    expect((await getForecastMissCard(db, { area: areaCode, asOf: "2026-07" }, today)).value).toBe(3);
    await db.measureForecastCache.update({ where: { measureId_month: { measureId: ids.miss[0]!, month: july } }, data: { class: "ON_COURSE" } });
    expect((await getForecastMissCard(db, { area: areaCode, asOf: "2026-07" }, today)).value).toBe(2);
    // A report change puts the truth back.
    await seedReport(db, ids.course, leadId, authorId, "2026-08", "APPROVED", 60);
    await seedReport(db, ids.miss[0]!, leadId, authorId, "2026-08", "APPROVED", 50);
    expect((await listLedger(db, query({ forecast: "WILL_MISS", asOf: "2026-07" }), today, settings)).total).toBe(3);
    expect((await getForecastMissCard(db, { area: areaCode, asOf: "2026-07" }, today)).value).toBe(3);
  });

  it("computes months before the window without caching them, and prunes months that left it", async () => {
    const old = d("2024-11-01");
    await db.measureForecastCache.create({ data: { measureId: ids.course, month: old, class: "ON_COURSE" } });
    expect((await listLedger(db, query({ forecast: "WILL_MISS", asOf: "2024-11" }), today, settings)).total).toBe(0);
    expect(await db.measureForecastCache.count({ where: { month: old } })).toBe(1);
    // A write makes the next fill run; the fill drops what the window no longer holds.
    await seedReport(db, ids.course, leadId, authorId, "2026-09", "APPROVED", 70);
    await refreshForecastCache(db, today);
    expect(await db.measureForecastCache.count({ where: { month: { lt: d("2024-12-01") } } })).toBe(0);
  });
});
