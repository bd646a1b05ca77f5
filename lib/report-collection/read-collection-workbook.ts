import type ExcelJS from "exceljs";
import { fieldError } from "@/lib/errors/app-error";
import { loadBoundedWorkbook } from "@/lib/xlsx/load-bounded-workbook";
import {
  COLLECTION_COLUMNS,
  COLLECTION_FORMAT_VERSION,
  COLLECTION_MARKER,
  type CollectionField,
  FIRST_DATA_ROW,
  META_ROWS,
  META_SHEET,
} from "./collection-format";

/** A cell as the collection reads it: text, a number, or nothing. */
export type CollectionCell = string | number | null;

export interface CollectionRow {
  /** The row number as Excel shows it. */
  row: number;
  cells: Record<CollectionField, CollectionCell>;
}

export interface CollectionFile {
  unitCode: string;
  period: string;
  rows: CollectionRow[];
}

const notCollectionFile = () => fieldError("file", "reportCollection.errors.notCollectionFile");

/**
 * Reads an uploaded report sheet under the measure import's limits
 * (lib/xlsx/load-bounded-workbook.ts). The hidden sheet must name this format.
 */
export async function readCollectionWorkbook(bytes: Uint8Array): Promise<CollectionFile> {
  const workbook = await loadBoundedWorkbook(bytes);
  const meta = workbook.getWorksheet(META_SHEET);
  const sheet = workbook.worksheets.find((candidate) => candidate.name !== META_SHEET);
  if (!meta || !sheet) throw notCollectionFile();
  const metaValue = (row: number) => textOf(meta.getCell(row, 2));
  if (metaValue(META_ROWS.marker) !== COLLECTION_MARKER) throw notCollectionFile();
  if (metaValue(META_ROWS.version) !== COLLECTION_FORMAT_VERSION) {
    throw fieldError("file", "reportCollection.errors.formatVersion", { version: metaValue(META_ROWS.version) ?? "?" });
  }
  const unitCode = metaValue(META_ROWS.unit);
  const period = metaValue(META_ROWS.period);
  if (!unitCode || !period) throw notCollectionFile();

  const rows: CollectionRow[] = [];
  for (let number = FIRST_DATA_ROW; number <= sheet.rowCount; number++) {
    const row = sheet.getRow(number);
    const cells = Object.fromEntries(
      COLLECTION_COLUMNS.map((column, index) => [column.field, valueOf(row.getCell(index + 1))]),
    ) as Record<CollectionField, CollectionCell>;
    if (Object.values(cells).some((value) => value !== null)) rows.push({ row: number, cells });
  }
  return { unitCode, period, rows };
}

function textOf(cell: ExcelJS.Cell): string | null {
  const value = valueOf(cell);
  return value === null ? null : String(value);
}

/** Text trimmed (empty = null) or a number; a formula counts as its cached result, a date as its day. */
function valueOf(cell: ExcelJS.Cell): CollectionCell {
  const value = cell.value;
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return value;
  if (typeof value === "string") return value.trim() === "" ? null : value.trim();
  if (typeof value === "boolean") return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ("richText" in value) return valueOf({ value: value.richText.map((part) => part.text).join("") } as ExcelJS.Cell);
  if ("result" in value) return valueOf({ value: value.result ?? null } as ExcelJS.Cell);
  if ("text" in value) return valueOf({ value: value.text } as ExcelJS.Cell);
  return String(cell.text ?? "").trim() || null;
}
