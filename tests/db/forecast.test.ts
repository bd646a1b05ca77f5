import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "@/generated/prisma/client";
import { runBacktest } from "@/lib/forecast/backtest";
import { monthIndex, periodOfIndex } from "@/lib/forecast/forecast";
import { loadBacktestMeasures } from "@/lib/forecast/load-backtest-measures";
import { loadForecasts } from "@/lib/forecast/load-forecasts";
import { beatsBaseline } from "@/scripts/forecast-backtest";
import { seedArea, seedMeasure, seedReport, seedUnit, seedUser } from "./fixtures";
import { testDb } from "./helpers";

const db = testDb();
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const today = d("2026-11-28");
let area: { id: string; code: string };
const ids: Record<string, string> = {};

beforeAll(async () => {
  area = await seedArea(db);
  const [lead, partner] = [await seedUnit(db), await seedUnit(db)];
  const author = await seedUser(db, "OFFICIAL", lead.id);
  const partnerAuthor = await seedUser(db, "OFFICIAL", partner.id);
  const dates = { startDate: d("2026-01-01"), dueDate: d("2026-12-31") };
  const steady = await seedMeasure(db, area.id, lead.id, [partner.id], dates);
  const stalled = await seedMeasure(db, area.id, lead.id, [], dates);
  const young = await seedMeasure(db, area.id, lead.id, [], dates);
  const suspended = await seedMeasure(db, area.id, lead.id, [], { ...dates, status: "SUSPENDED" });
  const ongoing = await seedMeasure(db, area.id, lead.id, []);
  await db.measure.update({ where: { id: ongoing.id }, data: { ongoing: true, dueDate: null } });
  Object.assign(ids, { steady: steady.id, stalled: stalled.id, young: young.id, suspended: suspended.id, ongoing: ongoing.id });
  for (let month = 1; month <= 10; month++) {
    const period = `2026-${String(month).padStart(2, "0")}`;
    await seedReport(db, steady.id, lead.id, author.id, period, "APPROVED", 8 * month);
    // A cooperating unit's figures and a returned report never count.
    await seedReport(db, steady.id, partner.id, partnerAuthor.id, period, "APPROVED", 100);
    await seedReport(db, stalled.id, lead.id, author.id, period, month === 10 ? "RETURNED" : "APPROVED", month <= 3 ? 10 * month : month === 10 ? 90 : 30);
    await seedReport(db, suspended.id, lead.id, author.id, period, "APPROVED", 5 * month);
    await seedReport(db, ongoing.id, lead.id, author.id, period, "APPROVED", 5 * month);
  }
  await seedReport(db, young.id, lead.id, author.id, "2026-09", "APPROVED", 20);
  await seedReport(db, young.id, lead.id, author.id, "2026-10", "APPROVED", 30);
  await seedReport(db, young.id, lead.id, author.id, "2026-11", "SUBMITTED", 40);
});

afterAll(async () => {
  await db.$disconnect();
});

const byId = (forecasts: Awaited<ReturnType<typeof loadForecasts>>) => new Map(forecasts.map((forecast) => [forecast.measureId, forecast]));

describe("[FORECAST] loadForecasts on real rows", () => {
  it("forecasts every measure in scope in one read, from the lead unit's approved reports", async () => {
    const forecasts = byId(await loadForecasts(db, { where: Prisma.sql`a.code = ${area.code}`, today }));
    expect(forecasts.size).toBe(5);
    // 8 a month through October: 80 %, finishes in 2027-01 (after the due month).
    expect(forecasts.get(ids.steady!)).toMatchObject({ class: "WILL_MISS", percent: 80, pace: 8, lastPeriod: "2026-10", finish: "2027-01", due: "2026-12" });
    expect(forecasts.get(ids.steady!)!.points).toHaveLength(6);
    // The returned 90 % does not count: 30 % since March is a stall.
    expect(forecasts.get(ids.stalled!)).toMatchObject({ class: "WILL_MISS", percent: 30, pace: 0 });
    expect(forecasts.get(ids.young!)).toMatchObject({ class: "INSUFFICIENT_HISTORY", percent: 30 });
    expect(forecasts.get(ids.suspended!)!.class).toBe("SUSPENDED");
    expect(forecasts.get(ids.ongoing!)!.class).toBe("ONGOING");
  });

  it("as of a past month, uses only the history approved by then", async () => {
    const forecasts = byId(await loadForecasts(db, { where: Prisma.sql`a.code = ${area.code}`, today, asOf: "2026-03" }));
    expect(forecasts.get(ids.steady!)).toMatchObject({ asOf: "2026-03", percent: 24, lastPeriod: "2026-03", pace: 8 });
    expect(forecasts.get(ids.stalled!)).toMatchObject({ class: "ON_COURSE", percent: 30, pace: 10, finish: "2026-10" });
    expect(forecasts.get(ids.young!)!.class).toBe("INSUFFICIENT_HISTORY");
  });
});

/** A deterministic pseudo-random number in [0, 1) from a key. */
function rnd(key: string): number {
  let hash = 2166136261;
  for (const char of key) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619);
  return ((hash >>> 0) % 100_000) / 100_000;
}

describe("[FORECAST] the backtest on a small generated history", () => {
  it("replays 24 months of 40 measures in seconds and beats the naive baseline", async () => {
    const started = performance.now();
    const backtestArea = await seedArea(db);
    const unit = await seedUnit(db);
    const author = await seedUser(db, "OFFICIAL", unit.id);
    const first = monthIndex("2024-11");
    // Measures started up to a year before their first report, due within the two years; some
    // stall halfway, some speed up, a few have one wild month.
    const reports: Prisma.ProgressReportCreateManyInput[] = [];
    for (let n = 0; n < 40; n++) {
      const key = `bt${n}`;
      const reportedFrom = first + Math.floor(rnd(`${key}from`) * 6);
      const start = reportedFrom - Math.floor(rnd(`${key}idle`) * 12);
      const due = reportedFrom + 8 + Math.floor(rnd(`${key}due`) * 14);
      const measure = await seedMeasure(db, backtestArea.id, unit.id, [], { startDate: d(`${periodOfIndex(start)}-01`), dueDate: d(`${periodOfIndex(due)}-28`) });
      const pace = 3 + rnd(`${key}pace`) * 9;
      const stallAt = rnd(`${key}stall?`) < 0.25 ? reportedFrom + 4 + Math.floor(rnd(`${key}stall`) * 6) : Infinity;
      const speedUp = rnd(`${key}speed`) < 0.2 ? 1.8 : 1;
      let percent = 0;
      for (let month = reportedFrom; month < first + 24; month++) {
        const gain = month >= stallAt ? 0 : pace * (month >= reportedFrom + 6 ? speedUp : 1);
        percent = Math.min(100, percent + gain);
        const wild = rnd(`${key}wild${month}`) < 0.03 && percent < 100;
        reports.push({
          id: `${measure.id}-${month}`,
          measureId: measure.id,
          unitId: unit.id,
          authorId: author.id,
          period: d(`${periodOfIndex(month)}-01`),
          percentComplete: wild ? Math.min(99, Math.round(percent + 30)) : Math.round(percent),
          status: percent >= 100 ? "COMPLETED" : "IN_PROGRESS",
          state: "APPROVED",
          isCompletion: percent >= 100,
        });
        if (percent >= 100) break;
      }
    }
    await db.progressReport.createMany({ data: reports });
    const measures = await loadBacktestMeasures(db, Prisma.sql`a.code = ${backtestArea.code}`);
    expect(measures).toHaveLength(40);
    const result = runBacktest(measures, periodOfIndex(first + 22));
    expect(result.method.byHorizon[3]!.cases).toBeGreaterThan(10);
    expect(result.method.byHorizon[3]!.cases).toBe(result.baseline.byHorizon[3]!.cases);
    expect(result.method.finishCases).toBeGreaterThan(50);
    expect(beatsBaseline(result)).toBe(true);
    expect(performance.now() - started).toBeLessThan(20_000);
  });
});
