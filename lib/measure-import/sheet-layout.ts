/*
 * The layout of a task breakdown table (任务分解表) as offices send it: title rows
 * above a header that may sit on row 3–6 and span two rows, section rows merged
 * across the table, task rows, and a 合计 row at the end. Pure functions over a
 * grid of cell texts, so every shape is testable without building a workbook.
 */

/** The fields a real-format table can hold; each header is matched by its synonyms. */
export const LAYOUT_FIELDS = [
  "number",
  "task",
  "measure",
  "leadUnit",
  "cooperatingUnits",
  "dueDate",
  "responsiblePerson",
  "notes",
] as const;
export type LayoutField = (typeof LAYOUT_FIELDS)[number];

const SYNONYMS: Record<LayoutField, readonly string[]> = {
  number: ["序号", "编号", "任务编号", "措施编号"],
  task: ["重点任务", "工作任务", "任务名称", "任务", "主要任务", "重点工作"],
  measure: ["具体措施", "工作措施", "主要内容", "工作内容", "具体内容", "主要措施", "任务措施", "推进措施"],
  leadUnit: ["牵头单位", "责任单位", "牵头部门", "牵头责任单位", "责任部门", "主责单位"],
  cooperatingUnits: ["配合单位", "协办单位", "参与单位", "配合部门", "协同单位"],
  dueDate: ["完成时限", "时间节点", "完成时间", "时限要求", "完成时限要求", "时间要求"],
  responsiblePerson: ["责任人", "联系人", "具体责任人"],
  notes: ["备注", "说明"],
};

/** A grid as read from a sheet: `cells[row][column]`, texts already cleaned, "" for empty. */
export interface SheetGrid {
  cells: string[][];
  /** Merged ranges, 0-based and inclusive. */
  merges: { top: number; left: number; bottom: number; right: number }[];
}

export type RowKind = "title" | "blank" | "header" | "group" | "total" | "task";

export interface SheetLayout {
  /** 0-based rows of the header (one or two). */
  headerRows: number[];
  /** Column index → field, as detected; columns without a field are listed as unmapped. */
  columns: Map<number, LayoutField>;
  /** Columns with a header that is not a known field: shown so the admin can map them. */
  unmapped: { column: number; header: string }[];
  rows: { row: number; kind: RowKind; area?: string }[];
}

const HEADER_SEARCH_ROWS = 10;
const TOTAL = /^(合计|总计|小计|共计)/;

/** Cell text as people mean it: full-width and no-break spaces, trimmed lines, no empty lines. */
export function cleanCellText(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => line.replace(/[\s\u3000\u00a0]+/g, " ").trim())
    .filter((line) => line !== "")
    .join("\n");
}

function headerKey(text: string): string {
  return text.normalize("NFKC").replace(/[\s()（）:：*＊]/g, "");
}

const synonymLookup = new Map<string, LayoutField>();
for (const field of LAYOUT_FIELDS) for (const word of SYNONYMS[field]) synonymLookup.set(headerKey(word), field);

/** The field a header names, or undefined. */
export function matchLayoutHeader(text: string): LayoutField | undefined {
  return synonymLookup.get(headerKey(text));
}

/**
 * Finds the header (the row among the first ten with the most known headers, at
 * least two of them, one naming the task or lead unit), joins a second header row
 * below a merged group header, and classifies every other row. Returns null when
 * nothing in the sheet looks like a header.
 */
export function detectSheetLayout(grid: SheetGrid): SheetLayout | null {
  const headerRow = findHeaderRow(grid);
  if (headerRow === null) return null;
  const { columns, unmapped, headerRows } = readHeaderColumns(grid, headerRow);
  const width = tableWidth(grid, headerRows);
  const rows: SheetLayout["rows"] = [];
  let area: string | undefined;
  grid.cells.forEach((cells, row) => {
    if (headerRows.includes(row)) return void rows.push({ row, kind: "header" });
    const kind = row < headerRow ? (isBlank(cells) ? "blank" : "title") : classifyBodyRow(grid, row, columns, width);
    if (kind === "group") area = sectionName(firstText(cells));
    rows.push(kind === "task" && area !== undefined ? { row, kind, area } : { row, kind });
  });
  return { headerRows, columns, unmapped, rows };
}

function findHeaderRow(grid: SheetGrid): number | null {
  let best: { row: number; score: number } | null = null;
  grid.cells.slice(0, HEADER_SEARCH_ROWS).forEach((cells, row) => {
    const fields = new Set(cells.map(matchLayoutHeader).filter((field) => field !== undefined));
    const anchored = fields.has("task") || fields.has("measure") || fields.has("leadUnit");
    if (fields.size >= 2 && anchored && (best === null || fields.size > best.score)) best = { row, score: fields.size };
  });
  return best === null ? null : (best as { row: number }).row;
}

function readHeaderColumns(grid: SheetGrid, headerRow: number) {
  const top = grid.cells[headerRow] ?? [];
  const below = grid.cells[headerRow + 1] ?? [];
  // A group header ("责任单位" over 牵头/配合) is merged across its sub-columns; the row below names them.
  const groupHeaders = grid.merges.filter((merge) => merge.top === headerRow && merge.bottom === headerRow && merge.right > merge.left);
  const twoRows = groupHeaders.length > 0 && below.some((text, column) => text !== "" && matchLayoutHeader(text) !== undefined && isInside(groupHeaders, column));
  const columns = new Map<number, LayoutField>();
  const unmapped: SheetLayout["unmapped"] = [];
  const used = new Set<LayoutField>();
  const width = Math.max(top.length, twoRows ? below.length : 0);
  for (let column = 0; column < width; column++) {
    const header = twoRows && isInside(groupHeaders, column) ? (below[column] ?? "") : (top[column] ?? "");
    if (header === "") continue;
    const field = matchLayoutHeader(header);
    if (field === undefined || used.has(field)) unmapped.push({ column, header });
    else {
      used.add(field);
      columns.set(column, field);
    }
  }
  return { columns, unmapped, headerRows: twoRows ? [headerRow, headerRow + 1] : [headerRow] };
}

function classifyBodyRow(grid: SheetGrid, row: number, columns: Map<number, LayoutField>, width: number): RowKind {
  const cells = grid.cells[row] ?? [];
  if (isBlank(cells)) return "blank";
  if (TOTAL.test(firstText(cells).replace(/\s/g, ""))) return "total";
  const filled = cells.filter((text) => text !== "");
  const spansTable = grid.merges.some((merge) => merge.top <= row && merge.bottom >= row && merge.right - merge.left + 1 >= Math.ceil(width / 2));
  const hasLead = [...columns].some(([column, field]) => field === "leadUnit" && (cells[column] ?? "") !== "");
  if (!hasLead && (spansTable || (filled.length === 1 && SECTION_NUMBER.test(filled[0]!)))) return "group";
  return "task";
}

/** 一、 （二） 第三部分 (四) 五. — the ways a section is numbered. */
const SECTION_NUMBER = /^\s*(第[一二三四五六七八九十百]+(?:部分|章|节|项|篇)|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[)）])/;

/** A section row's name without its numbering: "一、基础设施一体化" → "基础设施一体化". */
export function sectionName(text: string): string {
  return text.replace(SECTION_NUMBER, "").replace(/^[\s、.．:：]+/, "").trim() || text.trim();
}

/** A task's own number as written, normalised: "1", "1.1", "(1)" → "1", "①" → "1". */
export function taskNumber(text: string): string | null {
  const value = text.normalize("NFKC").trim();
  const circled = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳".indexOf(text.trim());
  if (circled >= 0 && text.trim().length === 1) return String(circled + 1);
  const match = /^[(（]?(\d+(?:\.\d+)*)[)）.、]?$/.exec(value);
  return match ? match[1]! : null;
}

function tableWidth(grid: SheetGrid, headerRows: number[]): number {
  return Math.max(...headerRows.map((row) => (grid.cells[row] ?? []).reduce((last, text, column) => (text !== "" ? column + 1 : last), 0)));
}

function isInside(merges: SheetGrid["merges"], column: number): boolean {
  return merges.some((merge) => column >= merge.left && column <= merge.right);
}

function isBlank(cells: string[]): boolean {
  return cells.every((text) => text === "");
}

function firstText(cells: string[]): string {
  return cells.find((text) => text !== "") ?? "";
}
