import { describe, expect, it } from "vitest";
import { unitMatcher, unitNameKey } from "@/lib/measure-import/match-unit-name";
import { unitAliases } from "@/prisma/seed/data/unit-aliases";
import { units } from "@/prisma/seed/data/units";

describe("the seeded unit aliases", () => {
  const seeded = units.map((unit) => ({ id: unit.code, nameZh: unit.nameZh, nameEn: unit.nameEn, aliases: unitAliases.find((entry) => entry.unit === unit.code)?.aliases ?? [] }));
  const match = unitMatcher(seeded);

  it("name seeded units, each alias adds a name the units' own names do not already match, and no alias is given twice", () => {
    const codes = new Set(units.map((unit) => unit.code));
    const bare = unitMatcher(seeded.map((unit) => ({ ...unit, aliases: [] })));
    const keys = unitAliases.flatMap(({ aliases }) => aliases.map(unitNameKey));
    expect(unitAliases.filter((entry) => !codes.has(entry.unit))).toEqual([]);
    expect(new Set(keys).size).toBe(keys.length);
    for (const { aliases } of unitAliases) for (const alias of aliases) expect([alias, bare(alias).kind]).not.toEqual([alias, "exact"]);
  });

  it("match the short forms offices write", () => {
    expect(match("省发改委")).toEqual({ kind: "alias", unitId: "prov-drc" });
    expect(match("济南市卫健委")).toEqual({ kind: "alias", unitId: "jinan-health" });
    expect(match("齐河县政府")).toEqual({ kind: "alias", unitId: "dezhou-qihe-gov" });
  });
});
