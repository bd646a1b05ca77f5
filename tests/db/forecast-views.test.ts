import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { forecastMissHref } from "@/lib/dashboard/dashboard-links";
import { getForecastMissCard } from "@/lib/dashboard/forecast-miss";
import { loadScopeForecasts } from "@/lib/forecast/scope-forecasts";
import { refreshForecastCache } from "@/lib/forecast/forecast-cache";
import { listLedger } from "@/lib/ledger/list-ledger";
import { ledgerViewRows, type LedgerViewFormat } from "@/lib/ledger/ledger-view-rows";
import { ledgerQuerySchema, type LedgerQuery } from "@/lib/ledger/schemas";
import { seedArea, seedMeasure, seedReport, seedUnit, seedUser } from "./fixtures";
import { testDb } from "./helpers";

const db = testDb();
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const today = d("2026-11-28");
const settings = { reportingDay: 28, paceMarginPercent: 10, dueSoonDays: 30 };
let areaCode: string;
let leadCode: string;
const groups: Record<string, string[]> = { missSoon: [], missLater: [], onCourse: [], young: [], suspended: [] };
const query = (overrides: Partial<LedgerQuery> = {}) => ledgerQuerySchema.parse({ area: areaCode, perPage: 200, ...overrides });

beforeAll(async () => {
  const area = await seedArea(db);
  areaCode = area.code;
  const lead = await seedUnit(db);
  leadCode = lead.code;
  const city = await db.city.upsert({ where: { code: "zibo" }, update: {}, create: { code: "zibo", nameZh: "淄博", nameEn: "Zibo" } });
  const author = await seedUser(db, "OFFICIAL", lead.id);
  const reports = async (measureId: string, percents: number[], lastMonth = 10) => {
    for (const [index, percent] of percents.entries()) {
      const month = lastMonth - percents.length + 1 + index;
      await seedReport(db, measureId, lead.id, author.id, `2026-${String(month).padStart(2, "0")}`, "APPROVED", percent);
    }
  };
  // 12 due at the end of December at 5 points a month from 20 %: will miss, within 90 days.
  for (let index = 0; index < 12; index++) {
    const measure = await seedMeasure(db, area.id, lead.id, [], { startDate: d("2026-01-01"), dueDate: d("2026-12-31") });
    groups.missSoon!.push(measure.id);
    if (index % 4 === 0) await db.measureCity.create({ data: { measureId: measure.id, cityId: city.id } });
    await reports(measure.id, [20, 25, 30, 35, 40, 45]);
  }
  // 2 stalled and due mid-2027: will miss, but not within 90 days.
  for (let index = 0; index < 2; index++) {
    const measure = await seedMeasure(db, area.id, lead.id, [], { startDate: d("2026-01-01"), dueDate: d("2027-06-30") });
    groups.missLater!.push(measure.id);
    await reports(measure.id, [30, 30, 30, 30]);
  }
  // 2 at 10 points a month, at 90 % in October: on course.
  for (let index = 0; index < 2; index++) {
    const measure = await seedMeasure(db, area.id, lead.id, [], { startDate: d("2026-01-01"), dueDate: d("2027-06-30") });
    groups.onCourse!.push(measure.id);
    await reports(measure.id, [40, 50, 60, 70, 80, 90]);
  }
  // Two reports only: too little history (due soon, still not counted as a miss).
  const young = await seedMeasure(db, area.id, lead.id, [], { startDate: d("2026-01-01"), dueDate: d("2026-12-31") });
  groups.young!.push(young.id);
  await reports(young.id, [10, 12]);
  // Suspended and stalled: not forecast.
  const suspended = await seedMeasure(db, area.id, lead.id, [], { startDate: d("2026-01-01"), dueDate: d("2026-12-31"), status: "SUSPENDED" });
  groups.suspended!.push(suspended.id);
  await reports(suspended.id, [10, 10, 10]);
});
afterAll(() => db.$disconnect());

const ids = (rows: { id: string }[]) => rows.map((row) => row.id).sort();
const sorted = (...lists: string[][]) => lists.flat().sort();

describe("[FORECAST] the ledger's forecast filter", () => {
  it("keeps the measures of each class, with the total and paging in the database", async () => {
    const willMiss = await listLedger(db, query({ forecast: "WILL_MISS" }), today, settings);
    expect(willMiss.total).toBe(14);
    expect(ids(willMiss.rows)).toEqual(sorted(groups.missSoon!, groups.missLater!));
    expect(ids((await listLedger(db, query({ forecast: "ON_COURSE" }), today, settings)).rows)).toEqual(sorted(groups.onCourse!));
    expect(ids((await listLedger(db, query({ forecast: "INSUFFICIENT_HISTORY" }), today, settings)).rows)).toEqual(sorted(groups.young!));
    expect((await listLedger(db, query({ forecast: "AT_RISK" }), today, settings)).total).toBe(0);
    // Pages of 10: the total stays 14 and the second page holds the other 4.
    const [first, second] = [
      await listLedger(db, query({ forecast: "WILL_MISS", perPage: 10 }), today, settings),
      await listLedger(db, query({ forecast: "WILL_MISS", perPage: 10, page: 2 }), today, settings),
    ];
    expect([first.total, first.rows.length, second.total, second.rows.length]).toEqual([14, 10, 14, 4]);
    expect(sorted(ids(first.rows), ids(second.rows))).toEqual(ids(willMiss.rows));
    // Combined with the ledger's other filters.
    const dueSoon = await listLedger(db, query({ forecast: "WILL_MISS", dueTo: "2027-01-31" }), today, settings);
    expect(ids(dueSoon.rows)).toEqual(sorted(groups.missSoon!));
  });

  it("as of a past month forecasts from the history approved by then", async () => {
    // As of July the 12 had 3 reports (20, 25, 30): 70 points in 5 months at 5 a month is a miss still; the young one had none.
    const july = await listLedger(db, query({ forecast: "WILL_MISS", asOf: "2026-07" }), today, settings);
    expect(ids(july.rows)).toEqual(sorted(groups.missSoon!));
    const young = await listLedger(db, query({ forecast: "INSUFFICIENT_HISTORY", asOf: "2026-07" }), today, settings);
    expect(young.rows.map((row) => row.id)).toContain(groups.young![0]);
  });

  it("rejects an unknown class as no filter", () => {
    expect(ledgerQuerySchema.parse({ forecast: "MISSED" }).forecast).toBeUndefined();
    expect(ledgerQuerySchema.parse({ forecast: "x".repeat(5000) }).forecast).toBeUndefined();
  });
});

describe("[FORECAST] the ledger's forecast column", () => {
  it("gives each row of the page its class and finish month", async () => {
    const q = query({ cols: ["code", "title", "forecast"] });
    const { rows } = await listLedger(db, q, today, settings);
    const month = (date: Date) => date.toISOString().slice(0, 7);
    const format = { locale: "en", month, date: month, number: String, status: String, reportState: String, ongoing: "", kpi: () => "", notices: () => "" } as LedgerViewFormat;
    const view = new Map((await ledgerViewRows(db, rows, q, today, format)).map((row) => [row.id, row.forecast]));
    // 45 % in October at 5 a month: 100 % in 11 more months.
    expect(view.get(groups.missSoon![0]!)).toEqual({ class: "WILL_MISS", finish: "2027-09" });
    expect(view.get(groups.missLater![0]!)).toEqual({ class: "WILL_MISS", finish: null });
    expect(view.get(groups.onCourse![0]!)).toEqual({ class: "ON_COURSE", finish: "2026-11" });
    expect(view.get(groups.young![0]!)).toEqual({ class: "INSUFFICIENT_HISTORY", finish: null });
    expect(view.get(groups.suspended![0]!)).toEqual({ class: "SUSPENDED", finish: null });
  });
});

describe("[FORECAST] the dashboard's forecast-to-miss card", () => {
  it("counts the scope's will-miss measures due within 90 days, and the drill-down lists the same", async () => {
    const card = await getForecastMissCard(db, { area: areaCode }, today);
    expect(card).toMatchObject({ value: 12, dueTo: "2027-02-26", days: 90 });
    expect(card.byArea).toEqual([expect.objectContaining({ code: areaCode, count: 12 })]);
    expect(card.byLeadUnit).toEqual([expect.objectContaining({ code: leadCode, count: 12 })]);
    expect(card.byCity).toEqual([expect.objectContaining({ code: "zibo", count: 3 })]);
    // The same count from the forecasts of the scope.
    const forecasts = await loadScopeForecasts(db, { area: areaCode }, today);
    const due = new Map((await db.measure.findMany({ where: { area: { code: areaCode } }, select: { id: true, dueDate: true } })).map((m) => [m.id, m.dueDate]));
    const expected = forecasts.filter((forecast) => forecast.class === "WILL_MISS" && due.get(forecast.measureId)! <= d(card.dueTo)).length;
    expect(card.value).toBe(expected);
    const drill = await listLedger(db, query({ forecast: "WILL_MISS", dueTo: card.dueTo }), today, settings);
    expect(drill.total).toBe(card.value);
    expect(ids(drill.rows)).toEqual(sorted(groups.missSoon!));
    // Each breakdown's link lists its count.
    for (const [key, rows] of [["area", card.byArea], ["city", card.byCity], ["leadUnit", card.byLeadUnit]] as const) {
      for (const row of rows) {
        const search = new URL(forecastMissHref({ area: areaCode }, card.dueTo, { key, code: row.code }), "http://x").searchParams;
        const listed = await listLedger(db, ledgerQuerySchema.parse({ ...Object.fromEntries(search), perPage: 200 }), today, settings);
        expect(listed.total, `${key} ${row.code}`).toBe(row.count);
      }
    }
  });

  it("counts nothing for an empty scope", async () => {
    expect(await getForecastMissCard(db, { area: "no-such-area" }, today)).toMatchObject({ value: 0, byArea: [], byCity: [], byLeadUnit: [] });
  });
});

describe("[FORECAST] the forecast cache", () => {
  it("holds this month's class of every measure, the same as computing it", async () => {
    await refreshForecastCache(db, today);
    // This month's rows (the as-of filter above cached July's beside them).
    const cached = await db.measureForecastCache.findMany({ where: { month: d("2026-11-01"), measure: { area: { code: areaCode } } } });
    const computed = await loadScopeForecasts(db, { area: areaCode }, today);
    expect(cached).toHaveLength(computed.length);
    for (const forecast of computed) {
      expect(cached.find((row) => row.measureId === forecast.measureId), forecast.code).toMatchObject({ class: forecast.class, finish: forecast.finish });
    }
    expect(await db.measureForecastCache.count({ where: { month: d("2026-07-01"), measure: { area: { code: areaCode } } } })).toBe(computed.length);
    // Fresh: nothing to recompute.
    expect(await refreshForecastCache(db, today)).toBe(0);
  });

  it("is dropped by the trend cache's triggers when reports, dates or the ongoing flag change", async () => {
    await refreshForecastCache(db, today);
    const [later, course] = [groups.missLater![0]!, groups.onCourse![0]!];
    // Due in December instead of mid-2027: now within the card's 90 days.
    await db.measure.update({ where: { id: later }, data: { dueDate: d("2026-12-31") } });
    // A standing task (no due date): no longer projected.
    await db.measure.update({ where: { id: course }, data: { ongoing: true, dueDate: null } });
    // A completion report approved for November: completed.
    const lead = await db.measure.findUniqueOrThrow({ where: { id: groups.missSoon![1]! }, select: { leadUnitId: true } });
    const author = await db.user.findFirstOrThrow({ where: { unitId: lead.leadUnitId } });
    await seedReport(db, groups.missSoon![1]!, lead.leadUnitId, author.id, "2026-11", "APPROVED", 100);
    expect(await db.measureForecastCache.count({ where: { measureId: { in: [later, course, groups.missSoon![1]!] } } })).toBe(0);

    const card = await getForecastMissCard(db, { area: areaCode }, today);
    expect(card.value).toBe(12);
    expect((await listLedger(db, query({ forecast: "WILL_MISS", dueTo: card.dueTo }), today, settings)).total).toBe(12);
    expect(ids((await listLedger(db, query({ forecast: "ON_COURSE" }), today, settings)).rows)).toEqual([groups.onCourse![1]!]);
    expect(await db.measureForecastCache.findFirst({ where: { measureId: groups.missSoon![1]!, month: d("2026-11-01") } })).toMatchObject({ class: "COMPLETED" });
  });
});
