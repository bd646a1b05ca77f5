/*
 * The layout of a report collection workbook (报表回收表), shared by the
 * download that builds it and the upload that reads it back. The hidden sheet
 * carries what the upload verifies: that it is such a file, of this format,
 * for which unit and month.
 */

/** Raised when the layout changes; a file of another version is refused, not misread. */
export const COLLECTION_FORMAT_VERSION = "1";
export const COLLECTION_MARKER = "luoshi.reportCollection";
export const META_SHEET = "luoshi";
/** Rows of the hidden sheet (column B holds the value). */
export const META_ROWS = { marker: 1, version: 2, unit: 3, period: 4 } as const;

/** Row 1 is the title (unit and month), row 2 how to fill it in, row 3 the header. */
export const HEADER_ROW = 3;
export const FIRST_DATA_ROW = 4;

/** The report fields a unit fills in, as the report form names them. */
export const INPUT_FIELDS = ["progress", "problems", "nextSteps", "percentComplete", "kpiActual", "investmentCompleted"] as const;
export type InputField = (typeof INPUT_FIELDS)[number];

/** Cells the unit must not change: they say which report a row is. */
export const KEY_FIELDS = ["measureCode", "unitCode", "period", "version"] as const;
export type KeyField = (typeof KEY_FIELDS)[number];

export type CollectionField = InputField | KeyField | "title" | "role" | "kpi" | "state";

/** The columns left to right; `width` in characters. */
export const COLLECTION_COLUMNS: { field: CollectionField; width: number }[] = [
  { field: "measureCode", width: 12 },
  { field: "title", width: 40 },
  { field: "role", width: 8 },
  { field: "kpi", width: 22 },
  { field: "state", width: 10 },
  { field: "progress", width: 40 },
  { field: "problems", width: 30 },
  { field: "nextSteps", width: 30 },
  { field: "percentComplete", width: 10 },
  { field: "kpiActual", width: 12 },
  { field: "investmentCompleted", width: 12 },
  { field: "unitCode", width: 14 },
  { field: "period", width: 10 },
  { field: "version", width: 8 },
];

/** The 1-based column of a field. */
export function columnOf(field: CollectionField): number {
  return COLLECTION_COLUMNS.findIndex((column) => column.field === field) + 1;
}

/** "A" for 1, "AA" for 27: how Excel names a column in the messages. */
export function columnLetter(column: number): string {
  let letters = "";
  for (let rest = column; rest > 0; rest = Math.floor((rest - 1) / 26)) letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  return letters;
}
