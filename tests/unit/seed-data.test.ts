import { describe, expect, it } from "vitest";
import { cities } from "@/prisma/seed/data/cities";
import { measures } from "@/prisma/seed/data/measures";
import { areas, programmes } from "@/prisma/seed/data/programmes";
import { sourceDocuments } from "@/prisma/seed/data/source-documents";
import { units } from "@/prisma/seed/data/units";

const codes = <T extends { code: string }>(rows: T[]) => new Set(rows.map((row) => row.code));
const unique = (values: string[]) => new Set(values).size === values.length;

describe("[SEED] catalogue data", () => {
  it("has the seven cities of the circle", () => {
    expect(cities.map((city) => city.nameZh)).toEqual(["济南", "淄博", "泰安", "聊城", "德州", "滨州", "东营"]);
  });

  it("has unique codes everywhere", () => {
    for (const rows of [cities, units, sourceDocuments, programmes, areas, measures]) {
      expect(unique(rows.map((row) => row.code))).toBe(true);
    }
  });

  it("refers only to codes that exist", () => {
    const unitCodes = codes(units);
    const cityCodes = codes(cities);
    const areaCodes = codes(areas);
    const documentCodes = codes(sourceDocuments);
    for (const area of areas) expect(codes(programmes).has(area.programme)).toBe(true);
    for (const unit of units) if (unit.city) expect(cityCodes.has(unit.city)).toBe(true);
    for (const measure of measures) {
      expect(areaCodes.has(measure.area), measure.code).toBe(true);
      expect(measure.cities.every((city) => cityCodes.has(city)), measure.code).toBe(true);
      expect(measure.sources.every((source) => documentCodes.has(source)), measure.code).toBe(true);
      expect(unitCodes.has(measure.sample.leadUnit), measure.code).toBe(true);
      expect(measure.sample.cooperatingUnits.every((unit) => unitCodes.has(unit)), measure.code).toBe(true);
    }
  });

  it("never lists the lead unit as a cooperating unit", () => {
    for (const measure of measures) expect(measure.sample.cooperatingUnits).not.toContain(measure.sample.leadUnit);
  });

  it("keeps dates in order: start < milestones ≤ due", () => {
    for (const measure of measures) {
      const { startDate, dueDate, milestones } = measure.sample;
      expect(startDate < dueDate, measure.code).toBe(true);
      const dates = milestones.map((milestone) => milestone.dueDate);
      expect(dates, measure.code).toEqual([...dates].sort());
      for (const date of dates) expect(date >= startDate && date <= dueDate, `${measure.code} ${date}`).toBe(true);
    }
  });

  it("dates the article's documents and meetings as the article does", () => {
    const dates = sourceDocuments.map((doc) => doc.issuedOn);
    for (const date of ["2020-07-02", "2020-11-30", "2021-02-02", "2021-02-19"]) expect(dates).toContain(date);
  });
});
