/** A unit as the matcher sees it: its names and the aliases admins confirmed. */
export interface MatchableUnit {
  id: string;
  nameZh: string;
  nameEn: string;
  aliases: string[];
}

export type UnitMatch =
  | { kind: "exact"; unitId: string }
  | { kind: "alias"; unitId: string }
  /** 各市… : the seven cities' units, once an admin confirms it. */
  | { kind: "allCities" }
  /** Best first; empty when nothing is close. An admin picks one, which becomes an alias. */
  | { kind: "suggest"; suggestions: { unitId: string; score: number }[] }
  /** The admin chose the unit(s) for this name in the preview. */
  | { kind: "confirmed"; unitIds: string[] };

/** The admin's choice, for a unit name, of the seven cities' governments (各市…). */
export const ALL_CITIES_CHOICE = "*cities";

const ALL_CITIES = /^(省会经济圈|经济圈)?各(市|设区市|有关市)(政府|人民政府|党委政府)?$/;
const SUGGESTION_FLOOR = 0.5;
const MAX_SUGGESTIONS = 3;

/** Several units in one cell: 、，, ; / and line breaks separate them. */
export function splitUnitNames(text: string): string[] {
  return text
    .split(/[、，,;；/／\n\r]+/)
    .map((name) => name.replace(/[\s\u3000]+/g, ""))
    .filter((name) => name !== "");
}

/**
 * The comparison key of a unit name: the differences people make without meaning
 * another unit vanish (济南市发展和改革委员会 = 济南市发展改革委; 省交通运输厅 =
 * 山东省交通运输厅; 人民政府 = 政府; full-width letters and spaces).
 */
export function unitNameKey(name: string): string {
  return name
    .normalize("NFKC")
    .replace(/[\s\u3000]+/g, "")
    .replace(/^省(?!会)/, "山东省")
    .replace(/委员会$/, "委")
    .replace(/人民政府/g, "政府")
    .replace(/和/g, "")
    .replace(/[（(][^）)]*[)）]/g, "")
    .toLowerCase();
}

/** Builds the matcher for one import: exact names, then aliases, then ranked suggestions. */
export function unitMatcher(units: MatchableUnit[]): (name: string) => UnitMatch {
  const byName = new Map<string, string>();
  const byAlias = new Map<string, string>();
  for (const unit of units) {
    for (const name of [unit.nameZh, unit.nameEn]) byName.set(unitNameKey(name), unit.id);
    for (const alias of unit.aliases) byAlias.set(unitNameKey(alias), unit.id);
  }
  const keyed = units.map((unit) => ({ id: unit.id, grams: bigrams(unitNameKey(unit.nameZh)) }));
  return (name) => {
    const key = unitNameKey(name);
    if (ALL_CITIES.test(key)) return { kind: "allCities" };
    const exact = byName.get(key);
    if (exact) return { kind: "exact", unitId: exact };
    const alias = byAlias.get(key);
    if (alias) return { kind: "alias", unitId: alias };
    const grams = bigrams(key);
    const suggestions = keyed
      .map((unit) => ({ unitId: unit.id, score: dice(grams, unit.grams) }))
      .filter((candidate) => candidate.score >= SUGGESTION_FLOOR)
      .sort((a, b) => b.score - a.score || a.unitId.localeCompare(b.unitId))
      .slice(0, MAX_SUGGESTIONS)
      .map((candidate) => ({ ...candidate, score: Math.round(candidate.score * 100) / 100 }));
    return { kind: "suggest", suggestions };
  };
}

function bigrams(text: string): Map<string, number> {
  const grams = new Map<string, number>();
  for (let i = 0; i < text.length - 1; i++) {
    const gram = text.slice(i, i + 2);
    grams.set(gram, (grams.get(gram) ?? 0) + 1);
  }
  return grams;
}

/** Sørensen–Dice similarity of two bigram multisets (0–1). */
function dice(a: Map<string, number>, b: Map<string, number>): number {
  let shared = 0;
  let total = 0;
  for (const count of a.values()) total += count;
  for (const count of b.values()) total += count;
  for (const [gram, count] of a) shared += Math.min(count, b.get(gram) ?? 0);
  return total === 0 ? 0 : (2 * shared) / total;
}
