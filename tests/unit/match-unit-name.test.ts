import { describe, expect, it } from "vitest";
import { splitUnitNames, unitMatcher, unitNameKey, type MatchableUnit } from "@/lib/measure-import/match-unit-name";

const units: MatchableUnit[] = [
  { id: "prov-ndrc", nameZh: "山东省发展和改革委员会", nameEn: "Shandong Development and Reform Commission", aliases: [] },
  { id: "prov-transport", nameZh: "山东省交通运输厅", nameEn: "Shandong Department of Transport", aliases: ["省交通厅"] },
  { id: "prov-health", nameZh: "山东省卫生健康委员会", nameEn: "Shandong Health Commission", aliases: [] },
  { id: "jinan-ndrc", nameZh: "济南市发展和改革委员会", nameEn: "Jinan Development and Reform Commission", aliases: [] },
  { id: "jinan-gov", nameZh: "济南市人民政府", nameEn: "Jinan Municipal Government", aliases: [] },
  { id: "zibo-ndrc", nameZh: "淄博市发展和改革委员会", nameEn: "Zibo Development and Reform Commission", aliases: [] },
];
const match = unitMatcher(units);

describe("unit names in a cell", () => {
  it("splits on 、，, ; / and line breaks, dropping spaces", () => {
    expect(splitUnitNames("省发展改革委、省交通运输厅，济南市政府;淄博市 发展改革委/ 省卫生健康委\n济南市发展和改革委员会")).toEqual([
      "省发展改革委",
      "省交通运输厅",
      "济南市政府",
      "淄博市发展改革委",
      "省卫生健康委",
      "济南市发展和改革委员会",
    ]);
    expect(splitUnitNames("  ")).toEqual([]);
  });

  it("the same unit written two ways has one key", () => {
    expect(unitNameKey("济南市发展和改革委员会")).toBe(unitNameKey("济南市发展改革委"));
    expect(unitNameKey("省发展改革委")).toBe(unitNameKey("山东省发展和改革委员会"));
    expect(unitNameKey("济南市人民政府")).toBe(unitNameKey("济南市政府"));
    expect(unitNameKey("Ｊｉｎａｎ　Municipal Government")).toBe(unitNameKey("jinan municipal government"));
    expect(unitNameKey("省会经济圈办公室")).not.toContain("山东省会");
  });
});

describe("matching a name to a unit", () => {
  it("exact names in either language, after the small variations", () => {
    expect(match("济南市发展改革委")).toEqual({ kind: "exact", unitId: "jinan-ndrc" });
    expect(match("省发展改革委")).toEqual({ kind: "exact", unitId: "prov-ndrc" });
    expect(match("省卫生健康委")).toEqual({ kind: "exact", unitId: "prov-health" });
    expect(match("济南市政府")).toEqual({ kind: "exact", unitId: "jinan-gov" });
    expect(match("Zibo Development and Reform Commission")).toEqual({ kind: "exact", unitId: "zibo-ndrc" });
  });

  it("then a confirmed alias", () => {
    expect(match("省交通厅")).toEqual({ kind: "alias", unitId: "prov-transport" });
  });

  it("各市… stands for the seven cities' units (confirmed by an admin)", () => {
    for (const name of ["各市政府", "经济圈各市", "省会经济圈各市人民政府", "各市"]) expect(match(name)).toEqual({ kind: "allCities" });
  });

  it("otherwise ranked suggestions, best first, and none when nothing is close", () => {
    const suggestions = (name: string) => {
      const result = match(name);
      if (result.kind !== "suggest") throw new Error(`${name} matched ${result.kind}`);
      return result.suggestions;
    };
    expect(suggestions("省发改委")).toEqual([{ unitId: "prov-ndrc", score: 0.5 }]);
    // Same city and kind first; another city's commission is a weaker second.
    expect(suggestions("济南市发展改革局")).toEqual([
      { unitId: "jinan-ndrc", score: 0.86 },
      { unitId: "zibo-ndrc", score: 0.57 },
    ]);
    expect(match("北京市海淀区园林绿化局")).toEqual({ kind: "suggest", suggestions: [] });
  });
});
