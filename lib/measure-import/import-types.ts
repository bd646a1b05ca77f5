import type { ImportLanguage } from "./import-columns";

/*
 * The types the import's steps share (reading a row, planning, applying, the
 * preview UI). They live apart so that no step imports another only for its types.
 */

/** The measure facts an import can set; each is compared with the database one by one. */
export type ImportField =
  | "title"
  | "leadUnit"
  | "cooperatingUnits"
  | "responsiblePerson"
  | "dueDate"
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

/** What the import would do, as shown in the preview; the fingerprint seals it. */
export interface ImportPlan {
  rows: number;
  creates: { row: number; code: string; title: string; changes: FieldChange[] }[];
  updates: { row: number; code: string; title: string; changes: FieldChange[] }[];
  unchanged: number;
  errors: ImportIssue[];
  ignoredColumns: string[];
  exampleRows: number[];
  fingerprint: string;
}

export interface PlannedWrite {
  code: string;
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
