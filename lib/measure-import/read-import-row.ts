import type { MeasureColumnId } from "./import-columns";
import { cellText, parseCode, parseDate, parseInvestment, parseKpi, parseKpiTarget, parseText, splitNames, type CellResult } from "./parse-import-cells";
import { isOngoingPhrase } from "./parse-deadline";
import type { ImportRow, ImportSheet } from "./parse-import-workbook";
import type { CatalogueLookups, Desired, ImportIssue } from "./import-types";

const TEXT_LIMITS = { title: 500, responsiblePerson: 100, kpiName: 200, kpiUnit: 50 };

/**
 * One row of the file: the measure facts it sets, as comparable values, and
 * the problem of every bad cell. An empty optional cell sets nothing.
 */
export function readImportRow(row: ImportRow, sheet: ImportSheet, lookups: CatalogueLookups) {
  const errors: ImportIssue[] = [];
  const issue = (column: MeasureColumnId, key: string, values?: ImportIssue["values"]) =>
    errors.push({ row: row.rowNumber, column: sheet.columns[column]!.header, key, values });
  const read = <T>(column: MeasureColumnId, result: CellResult<T>): T | undefined => {
    if (result.ok) return result.value;
    issue(column, result.key, result.values);
    return undefined;
  };
  const cell = (column: MeasureColumnId) => row.cells[column] ?? null;
  const ids = (column: MeasureColumnId, lookup: (name: string) => string | undefined, key: string) => {
    const names = splitNames(cell(column));
    const unknown = names.filter((name) => !lookup(name));
    if (unknown.length > 0) return void issue(column, key, { name: unknown.join(sheet.columns.title!.language === "en" ? "; " : "、") });
    return [...new Set(names.map((name) => lookup(name)!))].sort();
  };
  const desired: Desired = {};

  const code = cell("code") === null ? undefined : read("code", parseCode(cell("code")));
  if (cell("code") === null) issue("code", "missingCode");
  const title = read("title", parseText(cell("title"), TEXT_LIMITS.title));
  if (title === "") issue("title", "missingTitle");
  else if (title !== undefined) desired.title = title;

  const lead = cellText(cell("leadUnit"));
  if (!lead) issue("leadUnit", "missingLeadUnit");
  else if (!lookups.unitId(lead)) issue("leadUnit", "unknownUnit", { name: lead });
  else desired.leadUnit = lookups.unitId(lead)!;

  if (cell("cooperatingUnits") !== null) desired.cooperatingUnits = ids("cooperatingUnits", lookups.unitId, "unknownUnit");
  if (cell("responsiblePerson") !== null) desired.responsiblePerson = read("responsiblePerson", parseText(cell("responsiblePerson"), TEXT_LIMITS.responsiblePerson));
  if (cell("dueDate") !== null) {
    // The exports write 长期 / Ongoing for an ongoing task: it reads back as one; a date ends it.
    if (isOngoingPhrase(cell("dueDate"))) Object.assign(desired, { dueDate: null, ongoing: "true" });
    else {
      desired.dueDate = read("dueDate", parseDate(cell("dueDate")))?.toISOString().slice(0, 10);
      desired.ongoing = null;
    }
  }
  if (cell("kpi") !== null) {
    const kpi = read("kpi", parseKpi(cell("kpi")));
    if (kpi && (kpi.name.length > TEXT_LIMITS.kpiName || (kpi.unit?.length ?? 0) > TEXT_LIMITS.kpiUnit)) issue("kpi", "badKpi", { value: cellText(cell("kpi")) });
    else if (kpi) Object.assign(desired, { kpiName: kpi.name, kpiUnit: kpi.unit, kpiTarget: kpi.target });
  }
  // The typed Excel export gives the target a number cell of its own; it wins over a target in the KPI text.
  if (cell("kpiTarget") !== null) {
    const target = read("kpiTarget", parseKpiTarget(cell("kpiTarget")));
    if (target !== undefined) desired.kpiTarget = target;
  }
  if (cell("investment") !== null) desired.investmentPlanned = read("investment", parseInvestment(cell("investment")));

  const areaCode = cellText(cell("area"));
  if (!areaCode) issue("area", "missingArea");
  else if (!lookups.areaId(areaCode)) issue("area", "unknownArea", { code: areaCode });
  else desired.area = lookups.areaId(areaCode)!;

  if (cell("cities") !== null) desired.cities = ids("cities", lookups.cityId, "unknownCity");
  return { code, title, desired, errors };
}
