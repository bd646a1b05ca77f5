/**
 * Every field the ledger can show, in the order the table and the Excel export
 * put them. The URL's `cols` lists the ones shown; code and title always are.
 */
export const ledgerColumns = [
  "code",
  "title",
  "area",
  "leadUnit",
  "cooperatingUnits",
  "responsiblePerson",
  "cities",
  "dueDate",
  "status",
  "percent",
  "expectedPercent",
  "light",
  "forecast",
  "latestPeriod",
  "latestState",
  "kpi",
  "investmentPlanned",
  "investmentCompleted",
  "progress",
  "problems",
  "nextSteps",
  "notices",
] as const;
export type LedgerColumn = (typeof ledgerColumns)[number];

/** Always shown: a row without its code and title means nothing. */
export const fixedLedgerColumns: readonly LedgerColumn[] = ["code", "title"];

/** What the ledger shows when the URL does not say. */
export const defaultLedgerColumns: readonly LedgerColumn[] = ["code", "title", "area", "leadUnit", "dueDate", "status", "percent", "light", "latestPeriod"];

/** Columns the database sorts by; lists of names and long texts are not sortable. */
export const sortableLedgerColumns = [
  "code",
  "title",
  "area",
  "leadUnit",
  "responsiblePerson",
  "dueDate",
  "status",
  "percent",
  "expectedPercent",
  "light",
  "latestPeriod",
  "latestState",
  "investmentPlanned",
  "investmentCompleted",
] as const satisfies readonly LedgerColumn[];
export type SortableLedgerColumn = (typeof sortableLedgerColumns)[number];

export function isSortableColumn(column: string): column is SortableLedgerColumn {
  return (sortableLedgerColumns as readonly string[]).includes(column);
}

/**
 * The columns a `cols` value names, in the ledger's order, with code and title
 * added. Unknown names are ignored; nothing known (or no value) means the default.
 */
export function parseLedgerColumns(value: string | undefined): LedgerColumn[] {
  const named = new Set((value ?? "").split(",").map((name) => name.trim()));
  const known = ledgerColumns.filter((column) => named.has(column));
  if (known.length === 0) return [...defaultLedgerColumns];
  return ledgerColumns.filter((column) => fixedLedgerColumns.includes(column) || named.has(column));
}

/** The `cols` value for a set of columns; undefined for the default, so links stay short. */
export function ledgerColumnsParam(columns: readonly LedgerColumn[]): string | undefined {
  const shown = ledgerColumns.filter((column) => columns.includes(column));
  const isDefault = shown.length === defaultLedgerColumns.length && shown.every((column) => defaultLedgerColumns.includes(column));
  return isDefault ? undefined : shown.join(",");
}
