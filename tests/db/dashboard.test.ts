import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDashboardData } from "@/lib/dashboard/get-dashboard-data";
import { listLedger } from "@/lib/ledger/list-ledger";
import { ledgerQuerySchema } from "@/lib/ledger/schemas";
import { lights } from "@/lib/tracking/light";
import { seedReport, seedUnit, seedUser, uniqueSuffix } from "./fixtures";
import { SEED_NOW, testDb } from "./helpers";
import { seedAll } from "@/prisma/seed/seed-all";

const db = testDb();
const today = new Date("2026-11-28T00:00:00Z");
const settings = { reportingDay: 28, paceMarginPercent: 10, dueSoonDays: 30 };
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
let programme: string;
let areas: [string, string];
let units: [string, string];
const codes: Record<string, string> = {};

beforeAll(async () => {
  const suffix = uniqueSuffix();
  const p = await db.programme.create({ data: { code: `DP-${suffix}`, titleZh: "看板测试", titleEn: "Dashboard test", sortOrder: 800 } });
  programme = p.code;
  const a1 = await db.area.create({ data: { code: `DA1-${suffix}`, programmeId: p.id, titleZh: "领域一", titleEn: "Area one", sortOrder: 801 } });
  const a2 = await db.area.create({ data: { code: `DA2-${suffix}`, programmeId: p.id, titleZh: "领域二", titleEn: "Area two", sortOrder: 802 } });
  areas = [a1.code, a2.code];
  const [u1, u2] = [await seedUnit(db), await seedUnit(db)];
  units = [u1.code, u2.code];
  const author = await seedUser(db, "OFFICIAL", u1.id);
  const city = async (code: string, nameZh: string) => db.city.upsert({ where: { code }, update: {}, create: { code, nameZh, nameEn: code } });
  const [jinan, zibo] = [await city("jinan", "济南"), await city("zibo", "淄博")];

  // Hand-computed against 2026-11-28, margin 10 points, due-soon 30 days.
  const fixture = [
    { key: "m1", area: a1, unit: u1, cities: [jinan], start: "2026-01-01", due: "2026-11-01", percent: 50, planned: 100, completed: 50 }, // RED
    { key: "m2", area: a1, unit: u1, cities: [jinan, zibo], start: "2026-01-01", due: "2027-12-31", percent: 10 }, // YELLOW (pace 45 %)
    { key: "m3", area: a1, unit: u2, cities: [zibo], start: "2026-01-01", due: "2026-12-15", percent: 95 }, // BLUE
    { key: "m4", area: a2, unit: u2, cities: [zibo], start: "2026-06-01", due: "2028-06-01", percent: 30, planned: 200, completed: 60 }, // GREEN
    { key: "m5", area: a2, unit: u1, cities: [], start: "2025-01-01", due: "2026-06-30", percent: 100, status: "COMPLETED" as const }, // COMPLETED
    { key: "m6", area: a2, unit: u2, cities: [jinan], start: "2026-01-01", due: "2028-01-01", percent: 40 }, // YELLOW (returned)
  ];
  for (const m of fixture) {
    const measure = await db.measure.create({
      data: {
        code: `D.${suffix}.${m.key}`,
        areaId: m.area.id,
        leadUnitId: m.unit.id,
        titleZh: `看板措施${m.key}`,
        titleEn: `Dashboard measure ${m.key}`,
        startDate: d(m.start),
        dueDate: d(m.due),
        percentComplete: m.percent,
        status: m.status ?? "IN_PROGRESS",
        investmentPlanned: m.planned,
        investmentCompleted: m.completed,
        cities: { create: m.cities.map((c) => ({ cityId: c.id })) },
      },
    });
    codes[m.key] = measure.code;
    const state = { m1: "SUBMITTED", m2: "APPROVED", m3: "DRAFT", m6: "RETURNED" }[m.key] as "SUBMITTED" | "APPROVED" | "DRAFT" | "RETURNED" | undefined;
    if (state) await seedReport(db, measure.id, m.unit.id, author.id, "2026-11", state);
  }
});
afterAll(() => db.$disconnect());

describe("[DASHBOARD] aggregates against a hand-computed fixture", () => {
  it("counts lights, investment and this month's reporting exactly", async () => {
    const data = await getDashboardData(db, { programme }, today, settings);
    expect(data.total).toBe(6);
    expect(data.lightCounts).toEqual({ RED: 1, YELLOW: 2, BLUE: 1, GREEN: 1, COMPLETED: 1, SUSPENDED: 0 });
    expect(data.investment).toEqual({ planned: 300, completed: 110 });
    expect(data.reporting).toMatchObject({ due: 5, submitted: 2, approved: 1, missing: 3 });
    expect(data.lists.overdue.map((m) => m.code)).toEqual([codes.m1]);
    expect(data.lists.dueSoon.map((m) => m.code)).toEqual([codes.m3]);
    expect(data.lists.returned.map((m) => m.code)).toEqual([codes.m6]);
  });

  it("breaks completion down by area, city and lead unit", async () => {
    const data = await getDashboardData(db, { programme }, today, settings);
    const counts = (rows: typeof data.byArea) =>
      Object.fromEntries(rows.map((row) => [row.code, Object.fromEntries(Object.entries(row.lights).filter(([, n]) => n > 0))]));
    expect(counts(data.byArea)).toEqual({ [areas[0]]: { RED: 1, YELLOW: 1, BLUE: 1 }, [areas[1]]: { YELLOW: 1, GREEN: 1, COMPLETED: 1 } });
    expect(counts(data.byCity)).toEqual({ jinan: { RED: 1, YELLOW: 2 }, zibo: { YELLOW: 1, BLUE: 1, GREEN: 1 } });
    expect(counts(data.byLeadUnit)).toEqual({ [units[0]]: { RED: 1, YELLOW: 1, COMPLETED: 1 }, [units[1]]: { BLUE: 1, GREEN: 1, YELLOW: 1 } });
  });

  it("narrows to an area or a city", async () => {
    expect((await getDashboardData(db, { programme, area: areas[1] }, today, settings)).lightCounts).toEqual({ RED: 0, YELLOW: 1, BLUE: 0, GREEN: 1, COMPLETED: 1, SUSPENDED: 0 });
    expect((await getDashboardData(db, { programme, city: "zibo" }, today, settings)).total).toBe(3);
  });

  it("every segment drills down to a ledger view with exactly that many measures", async () => {
    const data = await getDashboardData(db, { programme }, today, settings);
    const ledgerTotal = async (params: Record<string, string>) =>
      (await listLedger(db, ledgerQuerySchema.parse({ programme, ...params }), today, settings)).total;
    for (const light of lights) expect(await ledgerTotal({ light }), light).toBe(data.lightCounts[light]);
    for (const row of data.byArea) for (const light of lights) expect(await ledgerTotal({ area: row.code, light })).toBe(row.lights[light]);
    for (const row of data.byCity) for (const light of lights) expect(await ledgerTotal({ city: row.code, light })).toBe(row.lights[light]);
    for (const row of data.byLeadUnit) for (const light of lights) expect(await ledgerTotal({ leadUnit: row.code, light })).toBe(row.lights[light]);
  });
});

describe("[DASHBOARD] as of a past month, from the report history", () => {
  it("rebuilds progress and lights at the end of that month", async () => {
    // October: no report approved yet, so nothing has progress and nothing is completed.
    const october = await getDashboardData(db, { programme, asOf: "2026-10" }, today, settings);
    expect(october.lightCounts).toEqual({ RED: 1, YELLOW: 5, BLUE: 0, GREEN: 0, COMPLETED: 0, SUSPENDED: 0 });
    expect(october.reporting).toMatchObject({ due: 6, submitted: 0, missing: 6 });
    expect(await ledgerCount({ asOf: "2026-10", light: "YELLOW" })).toBe(5);
    expect(await ledgerCount({ asOf: "2026-10", light: "RED" })).toBe(1);
  });

  it("draws a twelve-month trend of average completion and lights", async () => {
    const { trend } = await getDashboardData(db, { programme }, today, settings);
    expect(trend.map((point) => point.month)).toEqual([
      "2025-12", "2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10", "2026-11",
    ]);
    const november = trend.at(-1)!;
    // Only m2 has an approved report (40 %) by November: 40 / 6 measures.
    expect(november.averagePercent).toBe(6.7);
    expect(november.lights).toEqual({ RED: 2, YELLOW: 3, BLUE: 0, GREEN: 1, COMPLETED: 0, SUSPENDED: 0 });
    for (const point of trend) expect(Object.values(point.lights).reduce((a, b) => a + b, 0)).toBe(6);
  });
});

async function ledgerCount(params: Record<string, string>) {
  return (await listLedger(db, ledgerQuerySchema.parse({ programme, ...params }), today, settings)).total;
}

describe("[DASHBOARD] the one-statement trend agrees with the as-of view, month by month", () => {
  it("on the demo catalogue's two years of reports", async () => {
    await seedAll(db, { now: SEED_NOW });
    const scope = { programme: "P2" };
    const { trend } = await getDashboardData(db, scope, today, settings);
    for (const point of trend) {
      const asOf = await getDashboardData(db, { ...scope, asOf: point.month }, today, settings);
      expect(point.lights, point.month).toEqual(asOf.lightCounts);
    }
    // The history is not flat: lights change over the months.
    expect(new Set(trend.map((point) => JSON.stringify(point.lights))).size).toBeGreaterThan(1);
    // Seeds the demo catalogue and builds the dashboard thirteen times: slow on a loaded machine.
  }, 180_000);
});
