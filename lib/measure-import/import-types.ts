import type { ImportLanguage } from "./import-columns";
import type { DeadlineRule } from "./parse-deadline";
import type { LayoutField } from "./sheet-layout";
import type { OfficeChoice } from "./schemas";
import type { TitleRule } from "./sheet-records";

/*
 * The types the import's steps share (reading a row, planning, applying, the
 * preview UI). They live apart so that no step imports another only for its types.
 */

/** The measure facts an import can set; each is compared with the database one by one. */
export type ImportField =
  | "title"
  | "description"
  | "leadUnit"
  | "cooperatingUnits"
  | "responsiblePerson"
  | "dueDate"
  | "ongoing"
  | "kpiName"
  | "kpiUnit"
  | "kpiTarget"
  | "investmentPlanned"
  | "area"
  | "cities";

/** One field of one measure: as it is and as the file wants it, written for people. */
export interface FieldChange {
  field: ImportField;
  before: string;
  after: string;
}

/** A problem with a cell: row number as Excel shows it, the column's header as written. */
export interface ImportIssue {
  row: number;
  column: string;
  key: string;
  values?: Record<string, string | number>;
}

/** One measure the import creates or updates; `dueRule` says how a deadline phrase was read. */
export interface PlannedRow {
  row: number;
  code: string;
  title: string;
  changes: FieldChange[];
  dueRule?: DeadlineRule;
}

/**
 * How an office's table was read: each column's field (null = not imported), the
 * title rule, each section's area (code; null = unknown), and the choices that
 * gave them (the admin's, or those remembered for this header).
 */
export interface OfficeMapping {
  /** Identifies the header, under which the choices are remembered. */
  signature: string;
  headerRows: number[];
  columns: { column: number; header: string; field: LayoutField | null }[];
  titleRule: TitleRule;
  /** Each section's area (code; null = unknown) and, for an unknown one, the code proposed for a new area. */
  sections: { name: string; area: string | null; proposedCode: string | null }[];
  hasRowsWithoutSection: boolean;
  /** Unit names without an exact or alias match: the closest units, and the admin's choice (a unit code or ALL_CITIES_CHOICE). */
  unitNames: { name: string; allCities: boolean; suggestions: { code: string; nameZh: string; nameEn: string; score: number }[]; chosen: string | null }[];
  choice: OfficeChoice;
}

/** An area the import creates for a section that matched none (the plan shows it; the fingerprint seals it). */
export interface NewArea {
  section: string;
  code: string;
  titleZh: string;
  titleEn: string;
  programme: string;
}

/** What the import would do, as shown in the preview; the fingerprint seals it. */
export interface ImportPlan {
  format: "ledger" | "office";
  rows: number;
  creates: PlannedRow[];
  updates: PlannedRow[];
  unchanged: number;
  errors: ImportIssue[];
  /** Cells read with a caveat (a formula read as its cached value). */
  warnings: ImportIssue[];
  ignoredColumns: string[];
  exampleRows: number[];
  /** Rows not imported and why (title, blank, header, group, total), 1-based. */
  skippedRows: { row: number; kind: string }[];
  mapping?: OfficeMapping;
  /** Areas the confirm creates for sections the admin chose "new area" for. */
  newAreas?: NewArea[];
  fingerprint: string;
}

export interface PlannedWrite {
  code: string;
  dueRule?: DeadlineRule;
  desired: Desired;
  /** Present for updates: the measure as read, with the version the update must match. */
  existing?: { id: string; version: number };
  changes: FieldChange[];
}

export interface MeasureImportPlan {
  plan: ImportPlan;
  writes: PlannedWrite[];
  /** Which title and KPI name the file's text sets (zh or en). */
  language: ImportLanguage;
}

/** Comparable values: ids, sorted id lists, canonical strings; null = empty. */
export type Desired = Partial<Record<ImportField, string | string[] | null>>;

/** Names and codes of the catalogue, resolved to ids (undefined = unknown). */
export interface CatalogueLookups {
  unitId: (name: string) => string | undefined;
  cityId: (name: string) => string | undefined;
  areaId: (code: string) => string | undefined;
}
