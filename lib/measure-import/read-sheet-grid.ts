import ExcelJS from "exceljs";
import { cleanCellText, type SheetGrid } from "./sheet-layout";

export interface ReadGrid {
  grid: SheetGrid;
  /** Cells holding a formula, read as their cached value: warned about, not refused. */
  formulaCells: { row: number; column: number; address: string }[];
}

/**
 * A worksheet as a grid of cleaned texts. A merged cell's text stays in its first
 * cell, except that a merge down several rows (重点任务 over its 具体措施) repeats
 * in each row it covers, since each of those rows is a task of its own. Dates
 * become YYYY-MM-DD; formulas give their cached result.
 */
export function readSheetGrid(sheet: ExcelJS.Worksheet): ReadGrid {
  const merges = (sheet.model.merges ?? []).map(parseRange);
  const cells: string[][] = [];
  const formulaCells: ReadGrid["formulaCells"] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const texts: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
      if (cell.isMerged && cell.master !== cell) return;
      if (cell.type === ExcelJS.ValueType.Formula) formulaCells.push({ row: rowNumber - 1, column: columnNumber - 1, address: cell.address });
      texts[columnNumber - 1] = cellText(cell.type === ExcelJS.ValueType.Formula ? cell.result : cell.value);
    });
    cells[rowNumber - 1] = Array.from(texts, (text) => text ?? "");
  });
  const grid = { cells: Array.from(cells, (row) => row ?? []), merges };
  for (const merge of merges) {
    if (merge.bottom === merge.top) continue;
    const text = grid.cells[merge.top]?.[merge.left] ?? "";
    for (let row = merge.top + 1; row <= merge.bottom; row++) {
      const target = (grid.cells[row] ??= []);
      while (target.length <= merge.left) target.push("");
      target[merge.left] = text;
    }
  }
  return { grid, formulaCells };
}

/** "B3:D4" → 0-based inclusive bounds. */
function parseRange(range: string): SheetGrid["merges"][number] {
  const [from, to = from] = range.split(":") as [string, string?];
  const a = cellPosition(from);
  const b = cellPosition(to);
  return { top: Math.min(a.row, b.row), left: Math.min(a.column, b.column), bottom: Math.max(a.row, b.row), right: Math.max(a.column, b.column) };
}

function cellPosition(address: string): { row: number; column: number } {
  const match = /^\$?([A-Z]+)\$?(\d+)$/.exec(address.toUpperCase());
  if (!match) return { row: 0, column: 0 };
  const column = [...match[1]!].reduce((total, letter) => total * 26 + letter.charCodeAt(0) - 64, 0);
  return { row: Number(match[2]) - 1, column: column - 1 };
}

function cellText(value: ExcelJS.CellValue | undefined): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "string") return cleanCellText(value);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (typeof value === "object" && "richText" in value) return cleanCellText(value.richText.map((part) => part.text).join(""));
  if (typeof value === "object" && "text" in value) return cleanCellText(String(value.text));
  if (typeof value === "object" && "result" in value) return cellText(value.result as ExcelJS.CellValue);
  if (typeof value === "object" && "error" in value) return String(value.error);
  return "";
}
