import { parseCode, parseText } from "./parse-import-cells";
import { parseDeadline, type DeadlineRule } from "./parse-deadline";
import { splitUnitNames, type UnitMatch } from "./match-unit-name";
import type { Desired, ImportIssue } from "./import-types";
import type { LayoutField } from "./sheet-layout";
import type { SheetTaskRecord } from "./sheet-records";

/** Names and sections of the catalogue as an office table's row needs them. */
export interface OfficeLookups {
  /** Exact name, alias, or the admin's confirmation in the preview; else what to suggest. */
  matchUnit: (name: string) => UnitMatch;
  unitName: (id: string) => string;
  /** An area by its title (zh or en, loosely) or the admin's choice for a section; undefined = unknown. */
  areaId: (section: string | null) => string | undefined;
  /** The header of a field's column as written in the file. */
  header: (field: LayoutField) => string;
}

const TEXT_LIMITS = { title: 500, description: 5000, responsiblePerson: 100 };

/**
 * One task row of an office's table: the measure facts it sets, and every cell
 * that could not be understood (unit names without a match carry the closest
 * units as suggestions). Never guesses: a suggestion is an error until an admin
 * confirms it.
 */
export function readOfficeRow(record: SheetTaskRecord, lookups: OfficeLookups) {
  const errors: ImportIssue[] = [];
  const issue = (field: LayoutField, key: string, values?: ImportIssue["values"]) =>
    errors.push({ row: record.rowNumber, column: lookups.header(field), key, values });
  const desired: Desired = {};
  let dueRule: DeadlineRule | undefined;

  const code = parseCode(record.code);
  if (!code.ok) issue("number", code.key, code.values);
  const title = parseText(record.title, TEXT_LIMITS.title);
  if (!title.ok) issue(record.title === record.description ? "measure" : "task", title.key, title.values);
  else if (title.value === "") issue("task", "missingTitle");
  else desired.title = title.value.replace(/\n/g, " ");

  if (record.description !== "") {
    const description = parseText(record.description, TEXT_LIMITS.description);
    if (description.ok) desired.description = description.value;
    else issue("measure", description.key, description.values);
  }

  const lead = unitIds(record.leadUnit, "leadUnit");
  if (record.leadUnit === "") issue("leadUnit", "missingLeadUnit");
  else if (lead && lead.length > 1) issue("leadUnit", "oneLeadUnit", { value: record.leadUnit });
  else if (lead) desired.leadUnit = lead[0]!;
  if (record.cooperatingUnits !== "") {
    const ids = unitIds(record.cooperatingUnits, "cooperatingUnits");
    if (ids) desired.cooperatingUnits = [...new Set(ids)].filter((id) => id !== desired.leadUnit).sort();
  }
  if (record.responsiblePerson !== "") {
    const person = parseText(record.responsiblePerson, TEXT_LIMITS.responsiblePerson);
    if (person.ok) desired.responsiblePerson = person.value;
    else issue("responsiblePerson", person.key, person.values);
  }
  if (record.dueDate !== "") {
    const deadline = parseDeadline(record.dueDate);
    if (!deadline.ok) issue("dueDate", deadline.key, deadline.values);
    else {
      desired.dueDate = deadline.value.date?.toISOString().slice(0, 10) ?? null;
      desired.ongoing = deadline.value.rule === "ongoing" ? "true" : null;
      dueRule = deadline.value.rule;
    }
  }
  const area = lookups.areaId(record.area);
  if (area) desired.area = area;
  else if (record.area === null) issue("task", "missingAreaSection");
  else issue("task", "unknownAreaSection", { name: record.area });

  return { code: code.ok ? code.value : undefined, title: desired.title as string | undefined, desired, dueRule, errors };

  function unitIds(text: string, field: "leadUnit" | "cooperatingUnits"): string[] | undefined {
    const ids: string[] = [];
    let failed = false;
    for (const name of splitUnitNames(text)) {
      const match = lookups.matchUnit(name);
      if (match.kind === "exact" || match.kind === "alias") ids.push(match.unitId);
      else if (match.kind === "confirmed") ids.push(...match.unitIds);
      else if (match.kind === "allCities") {
        failed = true;
        issue(field, "confirmAllCities", { name });
      } else {
        failed = true;
        const suggestions = match.kind === "suggest" ? match.suggestions.map((candidate) => lookups.unitName(candidate.unitId)).join("、") : "";
        issue(field, suggestions ? "unknownUnitSuggest" : "unknownUnit", suggestions ? { name, suggestions } : { name });
      }
    }
    return failed ? undefined : ids;
  }
}
