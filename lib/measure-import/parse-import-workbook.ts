import ExcelJS from "exceljs";
import { fieldError } from "@/lib/errors/app-error";
import { loadBoundedWorkbook } from "@/lib/xlsx/load-bounded-workbook";
import en from "@/messages/en.json";
import zh from "@/messages/zh-CN.json";
import { isMeasureColumn, matchHeader, REQUIRED_COLUMN_IDS, headerText, type HeaderId, type ImportLanguage, type MeasureColumnId } from "./import-columns";
import { IMPORT_MAX_LISTED } from "./import-limits";
import { readSheetGrid, type ReadGrid } from "./read-sheet-grid";
import { detectSheetLayout, type SheetLayout } from "./sheet-layout";

/** A cell as the import reads it: text, a number, a date, or nothing. */
export type ImportCellValue = string | number | Date | null;

export interface ImportColumn {
  id: MeasureColumnId;
  language: ImportLanguage;
  /** The header as written in the file, for error messages. */
  header: string;
}

export interface ImportRow {
  /** The row number as Excel shows it. */
  rowNumber: number;
  cells: Partial<Record<MeasureColumnId, ImportCellValue>>;
}

export interface ImportSheet {
  columns: Partial<Record<MeasureColumnId, ImportColumn>>;
  /** Headers of report-derived columns (progress, light …): read-only, not imported. */
  ignoredColumns: string[];
  rows: ImportRow[];
  /** Rows of the template marked as an example, which are never imported. */
  exampleRows: number[];
}

/** A table as offices send it: header found by itself, sections, title and total rows. */
export interface OfficeSheet extends ReadGrid {
  layout: SheetLayout;
}

/** Either the project's own layout (template or export) or an office's table. */
export type ParsedWorkbook = { format: "ledger"; sheet: ImportSheet } | { format: "office"; office: OfficeSheet };

const exampleMarkers = new Set([zh.measureImport.exampleMarker, en.measureImport.exampleMarker].map((text) => text.toLowerCase()));

/**
 * Reads the first sheet of an .xlsx task list. A sheet with the project's own
 * header (template or export: it names 编号 and 领域) on one of its first rows
 * (the Excel export has a title and a scope row above it) is read strictly, as
 * below; any other sheet is read as an office's table when a header can be
 * found in it (lib/measure-import/sheet-layout.ts).
 */
export async function parseImportWorkbook(bytes: Uint8Array): Promise<ParsedWorkbook> {
  const workbook = await loadBoundedWorkbook(bytes);
  const sheet = workbook.worksheets[0];
  if (!sheet || sheet.actualRowCount === 0) throw fieldError("file", "importEmpty");
  const headerRow = ledgerHeaderRow(sheet);
  if (headerRow === null) {
    const office = readOfficeSheet(sheet);
    if (office) return { format: "office", office };
  }
  return { format: "ledger", sheet: readLedgerSheet(sheet, headerRow ?? 1) };
}

/** Rows above the project's own header: the Excel export's title and scope. */
const LEDGER_HEADER_SEARCH_ROWS = 3;

/** The row (1-based) of the project's own header, or null when the first rows hold none. */
function ledgerHeaderRow(sheet: ExcelJS.Worksheet): number | null {
  for (let rowNumber = 1; rowNumber <= LEDGER_HEADER_SEARCH_ROWS; rowNumber++) {
    const ids = new Set<HeaderId>();
    sheet.getRow(rowNumber).eachCell({ includeEmpty: false }, (cell) => {
      const match = matchHeader(String(cellValue(cell) ?? ""));
      if (match) ids.add(match.id);
    });
    if (ids.has("code") && ids.has("area")) return rowNumber;
  }
  return null;
}

function readOfficeSheet(sheet: ExcelJS.Worksheet): OfficeSheet | null {
  const read = readSheetGrid(sheet);
  const layout = detectSheetLayout(read.grid);
  if (!layout) return null;
  if (!layout.rows.some((row) => row.kind === "task")) throw fieldError("file", "importEmpty");
  return { ...read, layout };
}

/**
 * The project's own layout: header row in zh or en (any order), one measure per
 * row below it; rows above it (title, scope) are not read. Refuses, with a message naming the problem, anything it cannot read
 * faithfully: too many rows, merged cells, formulas, unknown or missing columns.
 */
function readLedgerSheet(sheet: ExcelJS.Worksheet, headerRow: number): ImportSheet {
  const merges = sheet.model.merges ?? [];
  if (merges.length > 0) throw fieldError("file", "importMergedCells", { ranges: listed(merges) });
  const formulas = formulaCells(sheet);
  if (formulas.length > 0) throw fieldError("file", "importFormulas", { cells: listed(formulas) });

  const { columns, ignoredColumns, byColumnNumber } = readHeader(sheet, headerRow);
  const rows: ImportRow[] = [];
  const exampleRows: number[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber <= headerRow) return;
    const cells: ImportRow["cells"] = {};
    let isExample = false;
    let hasData = false;
    row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
      const value = cellValue(cell);
      if (value === null) return;
      const id = byColumnNumber.get(columnNumber);
      if (id === "index" && typeof value === "string" && exampleMarkers.has(value.toLowerCase())) isExample = true;
      if (id && isMeasureColumn(id)) {
        cells[id] = value;
        hasData = true;
      }
    });
    if (isExample) exampleRows.push(rowNumber);
    else if (hasData) rows.push({ rowNumber, cells });
  });
  if (rows.length === 0) throw fieldError("file", "importEmpty");
  return { columns, ignoredColumns, rows, exampleRows };
}

function readHeader(sheet: ExcelJS.Worksheet, headerRow: number) {
  const columns: ImportSheet["columns"] = {};
  const ignoredColumns: string[] = [];
  const byColumnNumber = new Map<number, HeaderId>();
  const seen = new Set<HeaderId>();
  const unknown: string[] = [];
  const duplicate: string[] = [];
  sheet.getRow(headerRow).eachCell({ includeEmpty: false }, (cell, columnNumber) => {
    const header = String(cellValue(cell) ?? "").trim();
    if (!header) return;
    const match = matchHeader(header);
    if (!match) return void unknown.push(`${cell.address} "${header}"`);
    if (seen.has(match.id)) return void duplicate.push(`${cell.address} "${header}"`);
    seen.add(match.id);
    byColumnNumber.set(columnNumber, match.id);
    if (isMeasureColumn(match.id)) columns[match.id] = { id: match.id, language: match.language, header };
    else ignoredColumns.push(header);
  });
  if (unknown.length > 0) throw fieldError("file", "importUnknownColumns", { columns: listed(unknown) });
  if (duplicate.length > 0) throw fieldError("file", "importDuplicateColumns", { columns: listed(duplicate) });
  const language = Object.values(columns)[0]?.language ?? "zh";
  const missing = REQUIRED_COLUMN_IDS.filter((id) => !columns[id]).map((id) => headerText(id, language));
  if (missing.length > 0) throw fieldError("file", "importMissingColumns", { columns: missing.join(language === "en" ? ", " : "、") });
  // Data under a column without a header would be silently dropped: refuse it instead.
  const headerless: string[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber <= headerRow) return;
    row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
      if (!byColumnNumber.has(columnNumber) && cellValue(cell) !== null) headerless.push(cell.address);
    });
  });
  if (headerless.length > 0) throw fieldError("file", "importHeaderlessCells", { cells: listed(headerless) });
  return { columns, ignoredColumns, byColumnNumber };
}

function formulaCells(sheet: ExcelJS.Worksheet): string[] {
  const found: string[] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell) => {
      if (cell.type === ExcelJS.ValueType.Formula) found.push(cell.address);
    });
  });
  return found;
}

/** A cell's value as text, number or date; rich text and links become their text. */
function cellValue(cell: ExcelJS.Cell): ImportCellValue {
  const value = cell.value;
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return value.trim() === "" ? null : value.trim();
  if (typeof value === "number" || value instanceof Date) return value;
  if (typeof value === "boolean") return String(value);
  if (typeof value === "object" && "richText" in value) return value.richText.map((part) => part.text).join("").trim() || null;
  if (typeof value === "object" && "text" in value) return String(value.text).trim() || null;
  if (typeof value === "object" && "error" in value) return String(value.error);
  return String(value);
}

function listed(items: string[]): string {
  const shown = items.slice(0, IMPORT_MAX_LISTED).join(", ");
  return items.length > IMPORT_MAX_LISTED ? `${shown} (+${items.length - IMPORT_MAX_LISTED})` : shown;
}
