import { taskNumber, type LayoutField, type SheetGrid, type SheetLayout } from "./sheet-layout";

/** How a measure's title is made when the table has both 重点任务 and 具体措施. */
export const TITLE_RULES = ["task", "measure", "taskPlusMeasure"] as const;
export type TitleRule = (typeof TITLE_RULES)[number];

/** The admin's corrections to the detected mapping: column → field, or ignored. */
export interface MappingChoice {
  columns?: Record<number, LayoutField | "ignore">;
  titleRule?: TitleRule;
  /** Put before every code, so two offices' tables that both number 1, 2, 3 do not meet. */
  codePrefix?: string;
}

/** One task row of the table, read by the mapping; cells as cleaned text. */
export interface SheetTaskRecord {
  /** The row number as Excel shows it. */
  rowNumber: number;
  /** The row's own number normalised, or one made from its section and position. */
  code: string;
  codeGenerated: boolean;
  title: string;
  description: string;
  /** The section (group row) above it, without its numbering. */
  area: string | null;
  /** The section's number in the file (0 = rows above any section): the codes' middle part. */
  sectionNumber: number;
  leadUnit: string;
  cooperatingUnits: string;
  dueDate: string;
  responsiblePerson: string;
  notes: string;
}

export interface SheetRecords {
  columns: Map<number, LayoutField>;
  titleRule: TitleRule;
  tasks: SheetTaskRecord[];
  /** Rows not imported, with why: title, blank, header, group, total. */
  skipped: { rowNumber: number; kind: string }[];
}

/**
 * Reads the task rows of a detected layout. Codes are `<prefix><section>-<number>`:
 * the admin's prefix, the section's ordinal, and the row's own number or, without
 * one, its position in the section; so the same file read twice yields the same codes.
 */
export function readSheetRecords(grid: SheetGrid, layout: SheetLayout, choice: MappingChoice = {}): SheetRecords {
  const columns = applyChoice(layout.columns, choice.columns);
  const columnOf = (field: LayoutField) => [...columns].find(([, mapped]) => mapped === field)?.[0];
  const text = (row: number, field: LayoutField) => {
    const column = columnOf(field);
    return column === undefined ? "" : (grid.cells[row]?.[column] ?? "");
  };
  const taskRows = layout.rows.filter((row) => row.kind === "task").map((row) => row.row);
  const titleRule = choice.titleRule ?? defaultTitleRule(taskRows.map((row) => text(row, "task")), columnOf);

  const tasks: SheetTaskRecord[] = [];
  const skipped: SheetRecords["skipped"] = [];
  let section = 0;
  let positionInSection = 0;
  for (const { row, kind, area } of layout.rows) {
    if (kind === "group") {
      section += 1;
      positionInSection = 0;
    }
    if (kind !== "task") {
      skipped.push({ rowNumber: row + 1, kind });
      continue;
    }
    positionInSection += 1;
    const own = taskNumber(text(row, "number"));
    const prefix = `${choice.codePrefix ?? ""}${section > 0 ? `${section}-` : ""}`;
    const task = text(row, "task");
    const measure = text(row, "measure");
    tasks.push({
      rowNumber: row + 1,
      code: own !== null ? `${prefix}${own}` : `${prefix}${positionInSection}`,
      codeGenerated: own === null,
      ...titleAndDescription(titleRule, task, measure),
      area: area ?? null,
      sectionNumber: section,
      leadUnit: text(row, "leadUnit"),
      cooperatingUnits: text(row, "cooperatingUnits"),
      dueDate: text(row, "dueDate"),
      responsiblePerson: text(row, "responsiblePerson"),
      notes: text(row, "notes"),
    });
  }
  return { columns, titleRule, tasks, skipped };
}

function applyChoice(detected: Map<number, LayoutField>, chosen: MappingChoice["columns"]): Map<number, LayoutField> {
  if (!chosen) return detected;
  const columns = new Map(detected);
  for (const [column, field] of Object.entries(chosen)) {
    const index = Number(column);
    if (field === "ignore") {
      columns.delete(index);
      continue;
    }
    // A field lives in one column: choosing it for another column moves it.
    for (const [other, mapped] of columns) if (mapped === field) columns.delete(other);
    columns.set(index, field);
  }
  return new Map([...columns].sort(([a], [b]) => a - b));
}

/** 重点任务 repeated over several rows (a merged cell) cannot be a title alone. */
function defaultTitleRule(taskTexts: string[], columnOf: (field: LayoutField) => number | undefined): TitleRule {
  if (columnOf("task") === undefined) return "measure";
  if (columnOf("measure") === undefined) return "task";
  const filled = taskTexts.filter((text) => text !== "");
  return new Set(filled).size < filled.length ? "taskPlusMeasure" : "task";
}

function titleAndDescription(rule: TitleRule, task: string, measure: string): { title: string; description: string } {
  if (rule === "measure") return { title: measure || task, description: "" };
  if (rule === "taskPlusMeasure") return { title: [task, measure].filter(Boolean).join("：").replace(/\n/g, " "), description: "" };
  return { title: task || measure, description: task ? measure : "" };
}
