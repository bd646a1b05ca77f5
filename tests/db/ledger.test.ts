import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sortableLedgerColumns } from "@/lib/ledger/ledger-columns";
import { listLedger } from "@/lib/ledger/list-ledger";
import { ledgerExportBatches } from "@/lib/exports/ledger-export-rows";
import { ledgerQuerySchema, ledgerSearchParams, withViewer, type LedgerQuery } from "@/lib/ledger/schemas";
import { addDays } from "@/lib/tracking/dates";
import { computeLight } from "@/lib/tracking/light";
import { seedArea, seedMeasure, seedReport, seedUnit, seedUser, uniqueSuffix } from "./fixtures";
import { testDb } from "./helpers";

const db = testDb();
const today = new Date("2026-11-28T00:00:00Z");
const settings = { reportingDay: 28, paceMarginPercent: 10, dueSoonDays: 30 };
let areaCode: string;
let leadCode: string;
const query = (overrides: Partial<LedgerQuery> = {}) => ledgerQuerySchema.parse({ area: areaCode, perPage: 200, ...overrides });

beforeAll(async () => {
  // An area of its own, so counts here are exact whatever else the database holds.
  const suffix = uniqueSuffix();
  const programme = await db.programme.create({ data: { code: `LP-${suffix}`, titleZh: "台账测试", titleEn: "Ledger test", sortOrder: 900 } });
  const area = await db.area.create({ data: { code: `LA-${suffix}`, programmeId: programme.id, titleZh: "台账领域", titleEn: "Ledger area", sortOrder: 900 } });
  areaCode = area.code;
  const lead = await seedUnit(db);
  leadCode = lead.code;
  const author = await seedUser(db, "OFFICIAL", lead.id);
  const city = await db.city.upsert({ where: { code: "zibo" }, update: {}, create: { code: "zibo", nameZh: "淄博", nameEn: "Zibo" } });

  // A grid of dates and progress around today's edges, each with a known light.
  const starts = [null, addDays(today, -365), addDays(today, -1), today];
  const dues = [null, addDays(today, -1), today, addDays(today, 30), addDays(today, 31), addDays(today, 365)];
  const percents = [0, 45, 100];
  let index = 0;
  for (const startDate of starts) {
    for (const dueDate of dues) {
      if (startDate && dueDate && dueDate < startDate) continue;
      for (const percentComplete of percents) {
        // Some overdue or behind measures are suspended: their light must be SUSPENDED in both rules.
        const status = percentComplete === 100 && index % 2 === 0 ? "COMPLETED" : percentComplete === 0 && index % 4 === 1 ? "SUSPENDED" : "IN_PROGRESS";
        const measure = await db.measure.create({
          data: {
            code: `L.${suffix}.${String(index).padStart(3, "0")}`,
            areaId: area.id,
            leadUnitId: lead.id,
            titleZh: index === 7 ? "瓶颈路测试措施" : `台账措施${index}`,
            titleEn: index === 7 ? "Bottleneck test measure" : `Ledger measure ${index}`,
            startDate,
            dueDate,
            percentComplete,
            status,
            ...(index % 5 === 0 ? { cities: { create: [{ cityId: city.id }] } } : {}),
          },
        });
        if (index % 7 === 3) await seedReport(db, measure.id, lead.id, author.id, "2026-10", "RETURNED");
        index++;
      }
    }
  }
});
afterAll(() => db.$disconnect());

describe("[LEDGER] the ledger query", () => {
  it("computes the same light in SQL as the rule in TypeScript, on every edge case", async () => {
    const { rows } = await listLedger(db, query(), today, settings);
    expect(rows.length).toBeGreaterThan(50);
    const measures = await db.measure.findMany({
      where: { area: { code: areaCode } },
      include: { progressReports: { where: { state: { not: "DRAFT" } }, orderBy: { period: "desc" }, take: 1 } },
    });
    for (const measure of measures) {
      const expected = computeLight({ ...measure, latestReportState: measure.progressReports[0]?.state ?? null }, today, settings);
      expect(rows.find((row) => row.code === measure.code)?.light, measure.code).toBe(expected);
    }
    expect(new Set(rows.map((row) => row.light))).toEqual(new Set(["RED", "YELLOW", "BLUE", "GREEN", "COMPLETED", "SUSPENDED"]));
  });

  it("filters by light, status, lead unit, city, due dates and text in zh and en", async () => {
    const all = (await listLedger(db, query(), today, settings)).rows;
    for (const light of ["RED", "YELLOW", "BLUE", "GREEN", "COMPLETED"] as const) {
      const { rows, total } = await listLedger(db, query({ light }), today, settings);
      expect(total).toBe(all.filter((row) => row.light === light).length);
      expect(rows.every((row) => row.light === light)).toBe(true);
    }
    expect((await listLedger(db, query({ status: "COMPLETED" }), today, settings)).total).toBe(all.filter((r) => r.status === "COMPLETED").length);
    expect((await listLedger(db, query({ leadUnit: leadCode }), today, settings)).total).toBe(all.length);
    expect((await listLedger(db, query({ leadUnit: "no-such-unit" }), today, settings)).total).toBe(0);
    const inZibo = await listLedger(db, query({ city: "zibo" }), today, settings);
    expect(inZibo.total).toBe(Math.ceil(all.length / 5));
    const dueSoon = await listLedger(db, query({ dueFrom: "2026-11-28", dueTo: "2026-12-28" }), today, settings);
    expect(dueSoon.rows.every((row) => row.dueDate && row.dueDate >= today && row.dueDate <= addDays(today, 30))).toBe(true);
    expect(dueSoon.total).toBe(all.filter((row) => row.dueDate && row.dueDate >= today && row.dueDate <= addDays(today, 30)).length);
    expect((await listLedger(db, query({ q: "瓶颈路" }), today, settings)).total).toBe(1);
    expect((await listLedger(db, query({ q: "bottleneck" }), today, settings)).total).toBe(1);
    expect((await listLedger(db, query({ q: "100%_" }), today, settings)).total).toBe(0);
  });

  it("sorts on every column and pages with a stable total", async () => {
    const byPercent = (await listLedger(db, query({ sort: "percent", dir: "desc" }), today, settings)).rows.map((r) => r.percentComplete);
    expect(byPercent).toEqual([...byPercent].sort((a, b) => b - a));
    const byLight = (await listLedger(db, query({ sort: "light" }), today, settings)).rows.map((r) => r.light);
    const rank = ["RED", "YELLOW", "BLUE", "GREEN", "COMPLETED", "SUSPENDED"];
    expect(byLight.map((l) => rank.indexOf(l))).toEqual([...byLight.map((l) => rank.indexOf(l))].sort((a, b) => a - b));
    for (const sort of sortableLedgerColumns) {
      expect((await listLedger(db, query({ sort }), today, settings)).rows.length, sort).toBeGreaterThan(0);
    }

    const first = await listLedger(db, query({ perPage: 10, page: 1 }), today, settings);
    const second = await listLedger(db, query({ perPage: 10, page: 2 }), today, settings);
    expect(first.rows).toHaveLength(10);
    expect(second.total).toBe(first.total);
    expect(second.rows.map((r) => r.code)).not.toContain(first.rows[0]!.code);
    const beyond = await listLedger(db, query({ perPage: 10, page: 999 }), today, settings);
    expect(beyond).toEqual({ rows: [], total: first.total, hasSample: first.hasSample });
  });

  it("takes only what the URL schema allows; anything else falls back to defaults", () => {
    const parsed = ledgerQuerySchema.parse({ sort: "'; DROP TABLE x", dir: "sideways", page: "-3", perPage: "100000", light: "PURPLE", cols: "percent,nonsense,kpi" });
    expect(parsed).toMatchObject({ sort: "code", dir: "asc", page: 1, perPage: 50, light: undefined, cols: ["code", "title", "percent", "kpi"] });
  });
});

describe("[LEDGER] my unit and responsible person filters", () => {
  let mine: { area: string; unitA: string; unitB: string; led: string[]; led1: string; led2: string; cooperated: string[]; other: string };

  beforeAll(async () => {
    const area = await seedArea(db);
    const [unitA, unitB] = [await seedUnit(db), await seedUnit(db)];
    const led1 = await seedMeasure(db, area.id, unitA.id);
    const led2 = await seedMeasure(db, area.id, unitA.id, [unitB.id]);
    const cooperated = await seedMeasure(db, area.id, unitB.id, [unitA.id]);
    const other = await seedMeasure(db, area.id, unitB.id);
    await db.measure.update({ where: { id: led1.id }, data: { responsiblePerson: "张伟（发改委）" } });
    await db.measure.update({ where: { id: cooperated.id }, data: { responsiblePerson: "Zhang Wei 100%_" } });
    await db.measure.update({ where: { id: other.id }, data: { responsiblePerson: null } });
    mine = { area: area.code, unitA: unitA.id, unitB: unitB.id, led: [led1.code, led2.code].sort(), led1: led1.code, led2: led2.code, cooperated: [cooperated.code], other: other.code };
  });

  const codes = async (params: Record<string, string>, unitId: string | null) =>
    (await listLedger(db, withViewer(ledgerQuerySchema.parse({ area: mine.area, ...params }), { unitId }), today, settings)).rows.map((row) => row.code).sort();

  it("'my unit leads' and 'my unit cooperates' follow the signed-in user's unit", async () => {
    expect(await codes({ myUnit: "lead" }, mine.unitA)).toEqual(mine.led);
    expect(await codes({ myUnit: "cooperate" }, mine.unitA)).toEqual(mine.cooperated);
    // Unit B leads two and cooperates on one (led2).
    expect(await codes({ myUnit: "cooperate" }, mine.unitB)).toEqual([mine.led2]);
    expect((await codes({ myUnit: "lead" }, mine.unitB)).length).toBe(2);
    // Without a unit (inspectors, leaders), "my unit" matches nothing; without the filter, all four.
    expect(await codes({ myUnit: "lead" }, null)).toEqual([]);
    expect(await codes({}, null)).toHaveLength(4);
    // Malformed values are ignored like every other filter.
    expect(await codes({ myUnit: "everyone" }, mine.unitA)).toHaveLength(4);
  });

  it("matches text in the responsible person, wildcards taken literally, combined with the other filters", async () => {
    expect(await codes({ person: "张伟" }, null)).toEqual([mine.led1]);
    expect(await codes({ person: "zhang wei" }, null)).toEqual(mine.cooperated);
    expect(await codes({ person: "100%_" }, null)).toEqual(mine.cooperated);
    expect(await codes({ person: "%" }, null)).toEqual(mine.cooperated);
    expect(await codes({ person: "发改委", myUnit: "lead" }, mine.unitA)).toHaveLength(1);
    expect(await codes({ person: "发改委", myUnit: "cooperate" }, mine.unitA)).toEqual([]);
  });

  it("stays in the URL (never the viewer's unit) and holds for the export", async () => {
    const query = withViewer(ledgerQuerySchema.parse({ area: mine.area, myUnit: "lead", person: "张伟" }), { unitId: mine.unitA });
    const search = ledgerSearchParams(query);
    expect(search.get("myUnit")).toBe("lead");
    expect(search.get("person")).toBe("张伟");
    expect(search.has("viewerUnitId")).toBe(false);
    const exported: string[] = [];
    for await (const batch of ledgerExportBatches(db, query, today, settings, query.cols)) exported.push(...batch.rows.map((row) => row.code));
    expect(exported).toEqual((await listLedger(db, query, today, settings)).rows.map((row) => row.code));
    expect(exported).toHaveLength(1);
  });
});
