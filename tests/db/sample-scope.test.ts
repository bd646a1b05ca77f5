import { beforeAll, describe, expect, it } from "vitest";
import { getDashboardData } from "@/lib/dashboard/get-dashboard-data";
import { parseDashboardQuery } from "@/lib/dashboard/schemas";
import { listLedger } from "@/lib/ledger/list-ledger";
import { ledgerQuerySchema } from "@/lib/ledger/schemas";
import { listTimeline } from "@/lib/timeline/list-timeline";
import { seedArea, seedMeasure, seedUnit } from "./fixtures";
import { testDb } from "./helpers";

const db = testDb();
const today = new Date("2026-11-28T00:00:00Z");
const settings = { reportingDay: 28, paceMarginPercent: 10, dueSoonDays: 30 };
let mixedArea: string;
let realArea: string;

// The sample-data banner shows when what the view shows, in its scope, holds sample data.
beforeAll(async () => {
  const unit = await seedUnit(db);
  const mixed = await seedArea(db);
  const real = await seedArea(db);
  [mixedArea, realArea] = [mixed.code, real.code];
  // Ten real measures sort before the sample one, so the first page of ten holds no sample row.
  for (let i = 0; i < 10; i++) await seedMeasure(db, mixed.id, unit.id);
  const sample = await seedMeasure(db, mixed.id, unit.id, [], { isSample: true });
  await db.measure.update({ where: { id: sample.id }, data: { sortOrder: 99 } });
  await seedMeasure(db, real.id, unit.id);
});

describe("hasSample follows the view's scope", () => {
  it("ledger: over the whole filtered set, not only the page shown", async () => {
    const firstPage = await listLedger(db, ledgerQuerySchema.parse({ area: mixedArea, perPage: 10 }), today, settings);
    expect(firstPage.rows.some((row) => row.isSample)).toBe(false);
    expect(firstPage.hasSample).toBe(true);
    const pastTheEnd = await listLedger(db, ledgerQuerySchema.parse({ area: mixedArea, perPage: 10, page: 5 }), today, settings);
    expect(pastTheEnd.hasSample).toBe(true);
    expect((await listLedger(db, ledgerQuerySchema.parse({ area: realArea }), today, settings)).hasSample).toBe(false);
  });

  it("dashboard and timeline: for the scope chosen", async () => {
    for (const [area, expected] of [[mixedArea, true], [realArea, false]] as const) {
      const query = parseDashboardQuery({ area });
      expect((await getDashboardData(db, query, today, settings, { withTrend: false })).hasSample).toBe(expected);
      expect((await listTimeline(db, query, today, settings)).hasSample).toBe(expected);
    }
  });
});
