import type { Catalogue } from "./load-import-catalogue";
import type { Desired, ImportIssue, OfficeMapping } from "./import-types";
import { unitMatcher } from "./match-unit-name";
import type { DeadlineRule } from "./parse-deadline";
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

/** An office's table: the task rows under the admin's mapping, and what was skipped or read with a caveat. */
export function officeRows(office: OfficeSheet, choice: OfficeChoice) {
  const { grid, layout } = office;
  const records = readSheetRecords(grid, layout, choice);
  const headerOf = (column: number) =>
    layout.headerRows.map((row) => grid.cells[row]?.[column] ?? "").filter((text) => text !== "").at(-1) ?? "";
  const fieldHeader = new Map([...records.columns].map(([column, field]) => [field, headerOf(column)]));
  const taskRows = new Set(records.tasks.map((task) => task.rowNumber - 1));
  const headerColumns = new Set(layout.headerRows.flatMap((row) => (grid.cells[row] ?? []).flatMap((text, column) => (text !== "" ? [column] : []))));
  const mapping: OfficeMapping = {
    headerRows: layout.headerRows.map((row) => row + 1),
    columns: [...headerColumns].sort((a, b) => a - b).map((column) => ({ column, header: headerOf(column), field: records.columns.get(column) ?? null })),
    titleRule: records.titleRule,
  };
  return {
    codes: records.tasks.map((task) => task.code),
    language: "zh" as const,
    rowCount: records.tasks.length,
    codeHeader: fieldHeader.get("number") ?? "",
    // Formulas elsewhere (a 合计 row) are skipped with their row; in a task row the cached value is used.
    warnings: office.formulaCells
      .filter((cell) => taskRows.has(cell.row))
      .map((cell): ImportIssue => ({ row: cell.row + 1, column: headerOf(cell.column), key: "formulaCachedValue", values: { cell: cell.address } })),
    ignoredColumns: mapping.columns.filter((column) => column.field === null).map((column) => column.header),
    exampleRows: [],
    skippedRows: records.skipped.map((skipped) => ({ row: skipped.rowNumber, kind: skipped.kind })),
    mapping,
    read(catalogue: Catalogue): RowReading[] {
      const matchUnit = unitMatcher(catalogue.units.map((unit) => ({ id: unit.id, nameZh: unit.nameZh, nameEn: unit.nameEn, aliases: [] })));
      const unitNames = new Map(catalogue.units.map((unit) => [unit.id, unit.nameZh]));
      const areaByCode = new Map(catalogue.areas.map((area) => [area.code, area.id]));
      const areaByTitle = new Map(catalogue.areas.flatMap((area) => [[titleKey(area.titleZh), area.id] as const, [titleKey(area.titleEn), area.id] as const]));
      const lookups = {
        matchUnit,
        cityUnitIds: catalogue.units.filter((unit) => unit.kind === "CITY_GOVERNMENT" && unit.active).map((unit) => unit.id),
        unitName: (id: string) => unitNames.get(id) ?? id,
        areaId: (section: string | null) => {
          if (section === null) return choice.defaultArea ? areaByCode.get(choice.defaultArea) : undefined;
          const chosen = choice.areas?.[section];
          return chosen ? areaByCode.get(chosen) : areaByTitle.get(titleKey(section));
        },
        header: (field: LayoutField) => fieldHeader.get(field) ?? "",
      };
      return records.tasks.map((record) => ({ rowNumber: record.rowNumber, ...readOfficeRow(record, lookups) }));
    },
  };
}

function titleKey(title: string): string {
  return title.normalize("NFKC").replace(/[\s\u3000]+/g, "").toLowerCase();
}
