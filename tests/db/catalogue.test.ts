import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getMeasureByCode } from "@/lib/measures/get-measure-by-code";
import { listProgrammes } from "@/lib/measures/list-programmes";
import { seedAll } from "@/prisma/seed/seed-all";
import { SEED_NOW, testDb } from "./helpers";

const db = testDb();
beforeAll(() => seedAll(db, { now: SEED_NOW }));
afterAll(() => db.$disconnect());

describe("[DB] catalogue queries", () => {
  it("lists programmes, areas and measures in catalogue order", async () => {
    // Other test files add programmes of their own (codes TP-…); look at the seeded ones.
    const catalogue = (await listProgrammes(db)).programmes.filter((programme) => /^P\d$/.test(programme.code));
    expect(catalogue.map((programme) => programme.code)).toEqual(["P1", "P2"]);
    const areaCodes = catalogue.flatMap((programme) => programme.areas.map((area) => area.code));
    expect(areaCodes).toEqual(["1", "2.0", "2.1", "2.2", "2.3", "2.4", "2.5"]);
    const infrastructure = catalogue[1]!.areas.find((area) => area.code === "2.1")!;
    expect(infrastructure.measures.map((measure) => measure.code)).toEqual([
      "2.1.1", "2.1.2", "2.1.3", "2.1.4", "2.1.5", "2.1.6",
    ]);
    const bottleneck = infrastructure.measures[1]!;
    expect(bottleneck.titleZh).toContain("瓶颈路");
    expect(bottleneck.leadUnit.nameZh).toMatch(/\p{Script=Han}/u);
    expect(bottleneck.percentComplete).toBeGreaterThanOrEqual(0);
    expect(bottleneck.percentComplete).toBeLessThanOrEqual(100);
  });

  it("gets one measure with its units, cities, sources, milestones and reports", async () => {
    const measure = await getMeasureByCode(db, "2.5.2");
    expect(measure).not.toBeNull();
    expect(measure!.cities.map(({ city }) => city.code).sort()).toEqual(["jinan", "zibo"]);
    expect(measure!.cooperatingUnits.length).toBeGreaterThan(0);
    expect(measure!.cooperatingUnits.map(({ unit }) => unit.code)).not.toContain(measure!.leadUnit.code);
    expect(measure!.sourceDocuments.length).toBeGreaterThan(0);
    expect(measure!.milestones.length).toBeGreaterThanOrEqual(2);
    const periods = measure!.progressReports.map((report) => report.period.getTime());
    expect(periods).toEqual([...periods].sort((a, b) => b - a));
  });

  it("sets each measure's figures from its latest approved sample report", async () => {
    const measure = await db.measure.findUniqueOrThrow({
      where: { code: "2.1.2" },
      include: { progressReports: { where: { state: "APPROVED" }, orderBy: { period: "desc" }, take: 1 } },
    });
    expect(measure.progressReports).toHaveLength(1);
    expect(measure.percentComplete).toBe(measure.progressReports[0]!.percentComplete);
  });

  it("returns null for an unknown code", async () => {
    expect(await getMeasureByCode(db, "9.9.9")).toBeNull();
  });
});
