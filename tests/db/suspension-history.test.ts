import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "@/generated/prisma/client";
import type { SessionUser } from "@/lib/auth/session-user";
import { resumeMeasure, suspendMeasure } from "@/lib/catalogue/suspend-measure";
import { getDashboardData } from "@/lib/dashboard/get-dashboard-data";
import { scoringMonth } from "@/lib/scoring/compute-unit-scores";
import { measureLightsSql } from "@/lib/scoring/scoring-sql";
import { measureMonthSql, measureMonthsSql } from "@/lib/dashboard/trend-sql";
import { monthEndInstant, suspendedAsOfSql, wasSuspendedInMonth } from "@/lib/tracking/suspension";
import { seedUnit, seedUser, uniqueSuffix } from "./fixtures";
import { testDb } from "./helpers";

/**
 * Suspension is replayed for past months (lib/tracking/suspension.ts): a month
 * is suspended iff the measure was suspended at that month's end, whatever its
 * status today.
 */

const db = testDb();
const today = new Date("2026-11-28T00:00:00Z");
const settings = { reportingDay: 28, paceMarginPercent: 10, dueSoonDays: 30 };
const months = ["2026-08", "2026-09", "2026-10", "2026-11"];
const at = (iso: string) => new Date(iso);
let programme: string;
let areaId: string;
let unitId: string;
let admin: SessionUser;
const ids: Record<string, string> = {};

async function measure(key: string, status: "IN_PROGRESS" | "SUSPENDED", suspensions: { suspendedAt: Date; resumedAt: Date | null }[]) {
  const row = await db.measure.create({
    data: {
      code: `S.${uniqueSuffix()}.${key}`,
      areaId,
      titleZh: `暂停历史 ${key}`,
      titleEn: `Suspension history ${key}`,
      leadUnitId: unitId,
      startDate: at("2026-01-01T00:00:00Z"),
      dueDate: at("2027-12-31T00:00:00Z"),
      status,
      suspensions: { create: suspensions.map((period) => ({ ...period, reason: "测试" })) },
    },
  });
  ids[key] = row.id;
  return row;
}

beforeAll(async () => {
  const suffix = uniqueSuffix();
  const p = await db.programme.create({ data: { code: `SP-${suffix}`, titleZh: "暂停历史", titleEn: "Suspension history", sortOrder: 900 } });
  programme = p.code;
  areaId = (await db.area.create({ data: { code: `SA-${suffix}`, programmeId: p.id, titleZh: "领域", titleEn: "Area", sortOrder: 901 } })).id;
  unitId = (await seedUnit(db)).id;
  admin = { ...(await seedUser(db, "ADMIN", null)), mustChangePassword: false };
  // Suspended in October, resumed in November (China time), in progress today.
  await measure("octOnly", "IN_PROGRESS", [{ suspendedAt: at("2026-10-10T02:00:00Z"), resumedAt: at("2026-11-05T02:00:00Z") }]);
  // Suspended on 20 November and still is.
  await measure("sinceNov", "SUSPENDED", [{ suspendedAt: at("2026-11-20T02:00:00Z"), resumedAt: null }]);
  // Set SUSPENDED by an import, no period recorded: suspended in every month, as before the history.
  await measure("legacy", "SUSPENDED", []);
  // Edges: suspended exactly at September's end (midnight 1 October, China), resumed exactly at October's end.
  await measure("edges", "IN_PROGRESS", [{ suspendedAt: monthEndInstant("2026-09"), resumedAt: monthEndInstant("2026-10") }]);
  // Two periods: August, and again from October on.
  await measure("twice", "SUSPENDED", [
    { suspendedAt: at("2026-07-20T00:00:00Z"), resumedAt: at("2026-09-02T00:00:00Z") },
    { suspendedAt: at("2026-10-01T00:00:00Z"), resumedAt: null },
  ]);
  // Never suspended.
  await measure("never", "IN_PROGRESS", []);
});
afterAll(() => db.$disconnect());

const suspendedIn = (rows: { measureId: string; light: string }[]) =>
  Object.entries(ids)
    .filter(([, id]) => rows.find((row) => row.measureId === id)?.light === "SUSPENDED")
    .map(([key]) => key)
    .sort();

describe("[SUSPENSION] history replayed in as-of views", () => {
  it("the TypeScript rule and its SQL twin agree on every measure and month, edges included", async () => {
    const measures = await db.measure.findMany({ where: { id: { in: Object.values(ids) } }, include: { suspensions: true } });
    for (const month of months) {
      const rows = await db.$queryRaw<{ id: string; suspended: boolean }[]>`
        SELECT m.id, ${suspendedAsOfSql(Prisma.sql`m`, Prisma.sql`${`${month}-01`}::date`)} AS suspended
        FROM "Measure" m WHERE m.id = ANY(${Object.values(ids)})`;
      for (const measure of measures) {
        expect(rows.find((row) => row.id === measure.id)?.suspended, `${measure.titleEn} ${month}`).toBe(wasSuspendedInMonth(measure, month));
      }
    }
    const byKey = (key: string) => measures.find((measure) => measure.id === ids[key])!;
    expect(months.map((month) => wasSuspendedInMonth(byKey("octOnly"), month))).toEqual([false, false, true, false]);
    expect(months.map((month) => wasSuspendedInMonth(byKey("edges"), month))).toEqual([false, true, false, false]);
    expect(months.map((month) => wasSuspendedInMonth(byKey("twice"), month))).toEqual([true, false, true, true]);
    expect(months.map((month) => wasSuspendedInMonth(byKey("legacy"), month))).toEqual([true, true, true, true]);
  });

  it("suspended in October, resumed in November: October's as-of shows SUSPENDED, September and November do not", async () => {
    const where = Prisma.sql`m.id = ANY(${Object.values(ids)})`;
    const expected: Record<string, string[]> = {
      "2026-08": ["legacy", "twice"],
      "2026-09": ["edges", "legacy"],
      "2026-10": ["legacy", "octOnly", "twice"],
      "2026-11": ["legacy", "sinceNov", "twice"],
    };
    // The as-of view, month by month (measureStateSql), and the trend's one statement over all months.
    for (const month of months) {
      const rows = await db.$queryRaw<{ measureId: string; light: string }[]>`${measureMonthSql(where, month, today, settings)}`;
      expect(suspendedIn(rows), month).toEqual(expected[month]);
    }
    const all = await db.$queryRaw<{ measureId: string; month: Date; light: string }[]>`${measureMonthsSql(where, months, today, settings)}`;
    for (const month of months) {
      expect(suspendedIn(all.filter((row) => row.month.toISOString().startsWith(month))), month).toEqual(expected[month]);
    }
    // The dashboard as of each month, and its trend (through the cache), say the same.
    const { trend } = await getDashboardData(db, { programme }, today, settings);
    for (const month of months.slice(1)) {
      const asOf = await getDashboardData(db, { programme, asOf: month }, today, settings, { withTrend: false });
      expect(asOf.lightCounts.SUSPENDED, month).toBe(expected[month]!.length);
      expect(trend.find((point) => point.month === month)?.lights.SUSPENDED, month).toBe(expected[month]!.length);
    }
  });

  it("suspend and resume record the period in the same transaction, and the trend cache follows", async () => {
    const row = await measure("live", "IN_PROGRESS", []);
    const now = new Date();
    const currentMonth = now.toISOString().slice(0, 7);
    const trendNow = async () => (await getDashboardData(db, { programme }, now, settings)).trend.find((point) => point.month === currentMonth)?.lights.SUSPENDED ?? 0;
    const before = await trendNow();

    await suspendMeasure(db, admin, { code: row.code, version: row.version, reason: "上级政策调整" });
    const [open] = await db.measureSuspension.findMany({ where: { measureId: row.id } });
    expect(open).toMatchObject({ resumedAt: null, reason: "上级政策调整" });
    expect(open!.suspendedAt).toEqual((await db.measure.findUniqueOrThrow({ where: { id: row.id } })).suspendedAt);
    expect(await trendNow()).toBe(before + 1);

    await resumeMeasure(db, admin, { code: row.code, version: row.version + 1 });
    const [closed] = await db.measureSuspension.findMany({ where: { measureId: row.id } });
    expect(closed!.resumedAt).not.toBeNull();
    expect(closed!.resumedAt!.getTime()).toBeGreaterThanOrEqual(closed!.suspendedAt.getTime());
    expect(await trendNow()).toBe(before);

    // A period written on its own (not through the status) drops the measure's cached months too.
    await getDashboardData(db, { programme }, now, settings);
    expect(await db.measureTrendCache.count({ where: { measureId: row.id } })).toBe(1);
    await db.measureSuspension.update({ where: { id: closed!.id }, data: { resumedAt: null } });
    expect(await db.measureTrendCache.count({ where: { measureId: row.id } })).toBe(0);
  });

  it("scoring leaves out a measure suspended at the month's end, and only then", async () => {
    // The measures a month's unit scores count (scoring-sql measureLightsSql), in this test's programme.
    const scored = async (month: string) => {
      const rows = await db.$queryRaw<{ measureId: string }[]>`${measureLightsSql(scoringMonth(month, today), { programme }, settings)}`;
      return Object.entries(ids).filter(([key, id]) => key !== "live" && rows.some((row) => row.measureId === id)).map(([key]) => key).sort();
    };
    expect(await scored("2026-10")).toEqual(["edges", "never", "sinceNov"]);
    expect(await scored("2026-11")).toEqual(["edges", "never", "octOnly"]);
  });
});
