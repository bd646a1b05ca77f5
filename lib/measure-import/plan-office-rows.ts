import type { Catalogue } from "./load-import-catalogue";
import type { Desired, ImportIssue, NewArea, OfficeMapping } from "./import-types";
import { ALL_CITIES_CHOICE, unitMatcher, type UnitMatch } from "./match-unit-name";
import type { DeadlineRule } from "./parse-deadline";
import { NEW_AREA_ID, planNewAreas, proposeAreaCode } from "./plan-new-areas";
import type { OfficeSheet } from "./parse-import-workbook";
import { readOfficeRow } from "./read-office-row";
import type { OfficeChoice } from "./schemas";
import type { LayoutField } from "./sheet-layout";
import { readSheetRecords } from "./sheet-records";

/** One row as the planner needs it, whichever layout it came from. */
export interface RowReading {
  rowNumber: number;
  code?: string;
  title?: string;
  desired: Desired;
  dueRule?: DeadlineRule;
  errors: ImportIssue[];
}

/** The header of each column that has one; of a two-row header, the lower text. */
export function officeHeaders({ grid, layout }: OfficeSheet): { column: number; header: string }[] {
  const headerOf = (column: number) =>
    layout.headerRows.map((row) => grid.cells[row]?.[column] ?? "").filter((text) => text !== "").at(-1) ?? "";
  const columns = new Set(layout.headerRows.flatMap((row) => (grid.cells[row] ?? []).flatMap((text, column) => (text !== "" ? [column] : []))));
  return [...columns].sort((a, b) => a - b).map((column) => ({ column, header: headerOf(column) }));
}

/**
 * An office's table: the task rows under the admin's choices (already merged with
 * the remembered ones), and what was skipped or read with a caveat.
 */
export function officeRows(office: OfficeSheet, choice: OfficeChoice, signature: string) {
  const { grid, layout } = office;
  const records = readSheetRecords(grid, layout, choice);
  const headers = officeHeaders(office);
  const headerOf = (column: number) => headers.find((entry) => entry.column === column)?.header ?? "";
  const fieldHeader = new Map([...records.columns].map(([column, field]) => [field, headerOf(column)]));
  const taskRows = new Set(records.tasks.map((task) => task.rowNumber - 1));
  const sections = [...new Set(records.tasks.flatMap((task) => (task.area === null ? [] : [task.area])))];
  const columns = headers.map(({ column, header }) => ({ column, header, field: records.columns.get(column) ?? null }));
  return {
    codes: records.tasks.map((task) => task.code),
    language: "zh" as const,
    rowCount: records.tasks.length,
    codeHeader: fieldHeader.get("number") ?? "",
    warnings: [
      // Formulas elsewhere (a 合计 row) are skipped with their row; in a task row the cached value is used.
      ...office.formulaCells
        .filter((cell) => taskRows.has(cell.row))
        .map((cell): ImportIssue => ({ row: cell.row + 1, column: headerOf(cell.column), key: "formulaCachedValue", values: { cell: cell.address } })),
      // A note such as （已完成） is the office's remark, not a report: the measure's status stays as the reports make it.
      ...records.tasks
        .filter((task) => DONE_NOTE.test(task.notes))
        .map((task): ImportIssue => ({ row: task.rowNumber, column: fieldHeader.get("notes") ?? "", key: "noteSaysDone", values: { note: task.notes } })),
    ],
    ignoredColumns: columns.filter((column) => column.field === null).map((column) => column.header),
    exampleRows: [],
    skippedRows: records.skipped.map((skipped) => ({ row: skipped.rowNumber, kind: skipped.kind })),
    read(catalogue: Catalogue): { rows: RowReading[]; mapping: OfficeMapping; newAreas: NewArea[] } {
      const matcher = unitMatcher(catalogue.units.map((unit) => ({ id: unit.id, nameZh: unit.nameZh, nameEn: unit.nameEn, aliases: unit.aliases.map(({ alias }) => alias) })));
      const unitNames = new Map(catalogue.units.map((unit) => [unit.id, unit.nameZh]));
      const unitByCode = new Map(catalogue.units.map((unit) => [unit.code, unit]));
      const unitById = new Map(catalogue.units.map((unit) => [unit.id, unit]));
      const cityUnitIds = catalogue.units.filter((unit) => unit.kind === "CITY_GOVERNMENT" && unit.active).map((unit) => unit.id);
      // Names the admin must confirm, in the order met; a confirmation in the choice resolves them.
      const unresolved = new Map<string, OfficeMapping["unitNames"][number]>();
      const matchUnit = (name: string): UnitMatch => {
        const match = matcher(name);
        if (match.kind === "exact" || match.kind === "alias") return match;
        const chosen = choice.units?.[name] ?? null;
        if (!unresolved.has(name)) {
          const suggestions = match.kind === "suggest" ? match.suggestions : [];
          unresolved.set(name, {
            name,
            allCities: match.kind === "allCities",
            suggestions: suggestions.map(({ unitId, score }) => ({ code: unitById.get(unitId)!.code, nameZh: unitById.get(unitId)!.nameZh, nameEn: unitById.get(unitId)!.nameEn, score })),
            chosen,
          });
        }
        if (chosen === ALL_CITIES_CHOICE) return { kind: "confirmed", unitIds: cityUnitIds };
        const unit = chosen === null ? undefined : unitByCode.get(chosen);
        return unit ? { kind: "confirmed", unitIds: [unit.id] } : match;
      };
      const areaByCode = new Map(catalogue.areas.map((area) => [area.code, area.id]));
      const firstRowOf = (name: string) => records.tasks.find((task) => task.area === name)!.rowNumber;
      const newAreas = planNewAreas(choice, sections.map((name) => ({ name, firstRow: firstRowOf(name) })), catalogue, fieldHeader.get("task") ?? "");
      const newAreaOf = new Map(newAreas.areas.map((area) => [area.section, `${NEW_AREA_ID}${area.code}`]));
      const areaByTitle = new Map(catalogue.areas.flatMap((area) => [[titleKey(area.titleZh), area.id] as const, [titleKey(area.titleEn), area.id] as const]));
      const lookups = {
        matchUnit,
        unitName: (id: string) => unitNames.get(id) ?? id,
        areaId: (section: string | null) => {
          if (section === null) return choice.defaultArea ? areaByCode.get(choice.defaultArea) : undefined;
          if (newAreaOf.has(section)) return newAreaOf.get(section);
          const chosen = choice.areas?.[section];
          return chosen ? areaByCode.get(chosen) : areaByTitle.get(titleKey(section));
        },
        header: (field: LayoutField) => fieldHeader.get(field) ?? "",
      };
      const areaCodes = new Map(catalogue.areas.map((area) => [area.id, area.code]));
      const rows = records.tasks.map((record) => ({ rowNumber: record.rowNumber, ...readOfficeRow(record, lookups) }));
      // A bad new area is an error on its section's first row (the confirm cannot go ahead).
      for (const issue of newAreas.issues) rows.find((row) => row.rowNumber === issue.row)!.errors.push(issue);
      const takenCodes = new Set(catalogue.areas.map((area) => area.code));
      const sectionNumber = (name: string) => records.tasks.find((task) => task.area === name)!.sectionNumber;
      const mapping: OfficeMapping = {
        signature,
        headerRows: layout.headerRows.map((row) => row + 1),
        columns,
        titleRule: records.titleRule,
        sections: sections.map((name) => {
          const area = areaCodes.get(lookups.areaId(name) ?? "") ?? null;
          return { name, area, proposedCode: area === null ? proposeAreaCode(choice.codePrefix ?? "", sectionNumber(name), takenCodes) : null };
        }),
        hasRowsWithoutSection: records.tasks.some((task) => task.area === null),
        unitNames: [...unresolved.values()],
        choice,
      };
      return { rows, mapping, newAreas: newAreas.areas };
    },
  };
}

const DONE_NOTE = /已完成|已办结|已完工|已建成/;

function titleKey(title: string): string {
  return title.normalize("NFKC").replace(/[\s\u3000]+/g, "").toLowerCase();
}
