import type { ImportIssue, NewArea } from "./import-types";
import type { Catalogue } from "./load-import-catalogue";
import type { NewAreaChoice, OfficeChoice } from "./schemas";

/** Stands for a new area's id in a planned write until the confirm creates the area. */
export const NEW_AREA_ID = "new-area:";

/**
 * The new areas the admin chose for sections of this file, checked against the
 * catalogue: a code already taken (or chosen twice) and an unknown programme are
 * issues on the section's first row, so the import cannot be confirmed with them.
 */
export function planNewAreas(
  choice: OfficeChoice,
  sections: { name: string; firstRow: number }[],
  catalogue: Pick<Catalogue, "areas" | "programmes">,
  column: string,
): { areas: NewArea[]; issues: ImportIssue[] } {
  const taken = new Set(catalogue.areas.map((area) => area.code));
  const programmes = new Set(catalogue.programmes.map((programme) => programme.code));
  const areas: NewArea[] = [];
  const issues: ImportIssue[] = [];
  for (const section of sections) {
    const chosen: NewAreaChoice | undefined = choice.newAreas?.[section.name];
    if (!chosen) continue;
    if (taken.has(chosen.code)) issues.push({ row: section.firstRow, column, key: "newAreaCodeTaken", values: { code: chosen.code } });
    if (!programmes.has(chosen.programme)) issues.push({ row: section.firstRow, column, key: "newAreaProgramme", values: { code: chosen.programme } });
    taken.add(chosen.code);
    areas.push({ section: section.name, code: chosen.code, titleZh: chosen.titleZh, titleEn: chosen.titleEn || chosen.titleZh, programme: chosen.programme });
  }
  return { areas, issues };
}

/** The code proposed for a section's new area: the prefix and section number its measures' codes start with, made unique. */
export function proposeAreaCode(prefix: string, sectionNumber: number, taken: Set<string>): string {
  const base = `${prefix}${sectionNumber}`;
  let code = base;
  for (let n = 2; taken.has(code); n++) code = `${base}-${n}`;
  return code;
}

/** What is remembered for the header once the areas exist: the sections point at them like any chosen area. */
export function choiceWithCreatedAreas(choice: OfficeChoice): OfficeChoice {
  if (!choice.newAreas) return choice;
  const { newAreas, ...rest } = choice;
  return { ...rest, areas: { ...rest.areas, ...Object.fromEntries(Object.entries(newAreas).map(([section, area]) => [section, area.code])) } };
}
