import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { clearViewCache, readDataVersion } from "@/lib/cache/view-cache";
import { loadDashboardViews } from "@/lib/dashboard/cached-views";
import { getForecastMissCard } from "@/lib/dashboard/forecast-miss";
import { getDashboardData } from "@/lib/dashboard/get-dashboard-data";
import { noticeCountsByUnit } from "@/lib/dashboard/notice-counts";
import { listLedgerFilterOptions } from "@/lib/ledger/filter-options";
import type { DashboardQuery } from "@/lib/dashboard/schemas";
import { createPrismaClient } from "@/lib/db/create-client";
import { inject } from "vitest";
import { seedMeasure, seedReport, seedUnit, seedUser, uniqueSuffix } from "./fixtures";
import { testDb } from "./helpers";

const db = testDb();
const today = new Date("2026-11-28T00:00:00Z");
const settings = { reportingDay: 28, paceMarginPercent: 10, dueSoonDays: 30 };
const leader = { role: "LEADER" as const, unitId: null };
let query: DashboardQuery;
let ids: { programme: string; area: string; unit: string; city: string; measure: string; author: string; report: string };

/** What the views are without any cache: what every cached answer must equal. */
async function fresh(q: DashboardQuery, reader: { role: "LEADER" | "OFFICIAL"; unitId: string | null } = leader) {
  const [data, forecastMiss, noticeCounts, options] = await Promise.all([
    getDashboardData(db, q, today, settings),
    getForecastMissCard(db, q, today),
    noticeCountsByUnit(db, q, today, { reader }),
    listLedgerFilterOptions(db, q.leadUnit),
  ]);
  return { data, forecastMiss, noticeCounts, options };
}

const version = async () => (await db.$queryRaw<{ v: string }[]>`SELECT sum(version)::text AS v FROM "ViewDataVersion"`)[0]!.v;

beforeAll(async () => {
  const suffix = uniqueSuffix();
  const programme = await db.programme.create({ data: { code: `VC-${suffix}`, titleZh: "视图缓存测试", titleEn: "View cache test", sortOrder: 950 } });
  const area = await db.area.create({ data: { code: `VCA-${suffix}`, programmeId: programme.id, titleZh: "领域", titleEn: "Area", sortOrder: 951 } });
  const city = await db.city.create({ data: { code: `vc-${suffix}`, nameZh: "测试市", nameEn: "Test city" } });
  const unit = await seedUnit(db);
  const author = await seedUser(db, "OFFICIAL", unit.id);
  const measure = await seedMeasure(db, area.id, unit.id, [], { startDate: new Date("2026-01-01T00:00:00Z"), dueDate: new Date("2026-12-20T00:00:00Z") });
  await db.measureCity.create({ data: { measureId: measure.id, cityId: city.id } });
  const report = await seedReport(db, measure.id, unit.id, author.id, "2026-10", "APPROVED", 30);
  ids = { programme: programme.id, area: area.id, unit: unit.id, city: city.id, measure: measure.id, author: author.id, report: report.id };
  query = { programme: programme.code };
  clearViewCache();
});

afterAll(async () => {
  clearViewCache();
  // The database is shared by the db files: leave no extra city behind (the seed test counts them).
  await db.measureCity.deleteMany({ where: { cityId: ids.city } });
  await db.city.delete({ where: { id: ids.city } });
  await db.$disconnect();
});

describe("[DB] view cache keyed by the data version", () => {
  it("serves what a fresh computation gives, from memory while nothing is written", async () => {
    const first = await loadDashboardViews(db, query, today, settings, leader);
    const second = await loadDashboardViews(db, query, today, settings, leader);
    expect(second.data).toBe(first.data);
    expect(second.forecastMiss).toBe(first.forecastMiss);
    expect(second).toEqual(await fresh(query));
    expect(first.data.total).toBe(1);
    // As of a past month too.
    const past = { ...query, asOf: "2026-09" };
    expect(await loadDashboardViews(db, past, today, settings, leader)).toEqual(await fresh(past));
  });

  it("does not change the version by reading (cache fills write only cache tables)", async () => {
    clearViewCache();
    const before = await version();
    await loadDashboardViews(db, { ...query, asOf: "2026-08" }, today, settings, leader);
    await loadDashboardViews(db, query, new Date("2026-11-29T00:00:00Z"), settings, leader);
    expect(await version()).toBe(before);
  });

  it("is frozen, so no caller can change what the next request gets", async () => {
    const { data } = await loadDashboardViews(db, query, today, settings, leader);
    expect(() => (data.lightCounts.RED = 99)).toThrow(TypeError);
  });

  it("changes the version with every kind of write the views read, and the answer follows", async () => {
    const suffix = uniqueSuffix();
    const writes: [string, () => Promise<unknown>][] = [
      ["report", () => db.progressReport.update({ where: { id: ids.report }, data: { percentComplete: 35 } })],
      ["new report", () => seedReport(db, ids.measure, ids.unit, ids.author, "2026-11", "SUBMITTED", 50)],
      ["measure", () => db.measure.update({ where: { id: ids.measure }, data: { percentComplete: 35 } })],
      ["measure city", () => db.measureCity.deleteMany({ where: { measureId: ids.measure } })],
      ["suspension", () => db.measureSuspension.create({ data: { measureId: ids.measure, suspendedAt: new Date("2026-06-01T00:00:00Z"), resumedAt: new Date("2026-07-01T00:00:00Z"), reason: "test" } })],
      ["area", () => db.area.update({ where: { id: ids.area }, data: { titleEn: "Area renamed" } })],
      ["programme", () => db.programme.update({ where: { id: ids.programme }, data: { titleEn: "Programme renamed" } })],
      ["city", () => db.city.update({ where: { id: ids.city }, data: { nameEn: "City renamed" } })],
      ["unit", () => db.unit.update({ where: { id: ids.unit }, data: { nameEn: `Unit renamed ${suffix}` } })],
      ["setting", () => db.setting.upsert({ where: { key: `viewCacheTest-${suffix}` }, update: { value: 1 }, create: { key: `viewCacheTest-${suffix}`, value: 1 } })],
      ["notice", () => db.notice.create({ data: { year: 2099, number: Math.floor(Math.random() * 1e9), measureId: ids.measure, level: "REMINDER", body: "test", replyDueDate: new Date("2026-11-01T00:00:00Z"), recipients: { create: [{ unitId: ids.unit, isLead: true }] } } })],
    ];
    for (const [kind, write] of writes) {
      await loadDashboardViews(db, query, today, settings, leader);
      const before = await version();
      await write();
      expect(await version(), kind).not.toBe(before);
      expect(await loadDashboardViews(db, query, today, settings, leader), kind).toEqual(await fresh(query));
    }
    const after = await loadDashboardViews(db, query, today, settings, leader);
    expect(after.data.byLeadUnit[0]!.nameEn).toBe(`Unit renamed ${suffix}`);
    expect(after.noticeCounts.overdue).toBe(1);
  });

  it("keys the notice counts by what the reader may read", async () => {
    const official = { role: "OFFICIAL" as const, unitId: ids.unit };
    const stranger = { role: "OFFICIAL" as const, unitId: (await seedUnit(db)).id };
    const [own, other] = [await loadDashboardViews(db, query, today, settings, official), await loadDashboardViews(db, query, today, settings, stranger)];
    expect(own.noticeCounts).toEqual((await fresh(query, official)).noticeCounts);
    expect(other.noticeCounts).toEqual((await fresh(query, stranger)).noticeCounts);
    expect(own.noticeCounts.open).toBe(1);
    expect(other.noticeCounts.open).toBe(0);
  });

  it("ignores writes to cache, session and audit tables, and rolled-back writes", async () => {
    await loadDashboardViews(db, query, today, settings, leader);
    const before = await version();
    await db.measureTrendCache.deleteMany({ where: { measureId: ids.measure } });
    await db.measureForecastCache.deleteMany({ where: { measureId: ids.measure } });
    await db.auditEvent.create({ data: { action: "measure.update", entityType: "Measure", entityId: ids.measure, actorId: ids.author } });
    await db.authSession.create({ data: { userId: ids.author } });
    await db.user.update({ where: { id: ids.author }, data: { displayName: "renamed" } });
    await db
      .$transaction(async (tx) => {
        await tx.measure.update({ where: { id: ids.measure }, data: { percentComplete: 90 } });
        throw new Error("roll back");
      })
      .catch(() => undefined);
    expect(await version()).toBe(before);
  });

  it("bumps once per transaction however many statements write", async () => {
    const before = BigInt(await version());
    await db.$transaction(async (tx) => {
      await tx.measure.update({ where: { id: ids.measure }, data: { percentComplete: 36 } });
      await tx.progressReport.update({ where: { id: ids.report }, data: { percentComplete: 36 } });
      await tx.area.update({ where: { id: ids.area }, data: { titleEn: "Area again" } });
    });
    expect(BigInt(await version()) - before).toBe(1n);
  });

  it("keeps two instances with their own caches correct: a write through one is seen by the other", async () => {
    const other = createPrismaClient(inject("databaseUrl"));
    vi.resetModules();
    // A second copy of the modules: its own cache, as in another app instance.
    const instanceB = await import("@/lib/dashboard/cached-views");
    try {
      const a1 = await loadDashboardViews(db, query, today, settings, leader);
      const b1 = await instanceB.loadDashboardViews(other, query, today, settings, leader);
      expect(b1).toEqual(a1);
      expect(b1.data).not.toBe(a1.data);
      await other.progressReport.update({ where: { id: ids.report }, data: { percentComplete: 80 } });
      const a2 = await loadDashboardViews(db, query, today, settings, leader);
      expect(a2).toEqual(await fresh(query));
      expect(a2).not.toEqual(a1);
      expect(await instanceB.loadDashboardViews(other, query, today, settings, leader)).toEqual(a2);
    } finally {
      await other.$disconnect();
    }
  });

  it("computes afresh every time with LUOSHI_VIEW_CACHE=off", async () => {
    vi.stubEnv("LUOSHI_VIEW_CACHE", "off");
    try {
      expect(await readDataVersion(db)).toBeNull();
      const [a, b] = [await loadDashboardViews(db, query, today, settings, leader), await loadDashboardViews(db, query, today, settings, leader)];
      expect(b.data).not.toBe(a.data);
      expect(b).toEqual(a);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
