import type { ReportState } from "@/generated/prisma/enums";
import type { SaveReportInput } from "@/lib/reports/schemas";
import type { CollectionField, InputField } from "./collection-format";
import type { CollectionIntent } from "./schemas";

/** A cell that cannot be taken: Excel's row and column (letter), the field, and a message key under "reportCollection.issues". */
export interface CollectionIssue {
  row: number;
  column: string;
  field: CollectionField;
  key: string;
  values?: Record<string, string | number>;
}

export type CollectionAction = "create" | "update" | "unchanged" | "error";

/** What the upload would do with one row, as the preview shows it. */
export interface CollectionPlanRow {
  row: number;
  measureCode: string;
  titleZh: string;
  titleEn: string;
  action: CollectionAction;
  /** The report fields that would change (an update may only change the state, e.g. a draft submitted). */
  changes: InputField[];
  stateBefore: ReportState | null;
  stateAfter: ReportState | null;
  issues: CollectionIssue[];
}

/** The preview: every row classified; the fingerprint seals it for the confirm. */
export interface CollectionPlan {
  unit: { code: string; nameZh: string; nameEn: string };
  period: string;
  intent: CollectionIntent;
  rows: CollectionPlanRow[];
  counts: Record<CollectionAction, number> & { empty: number };
  fingerprint: string;
}

/** A report the confirm writes through the report form's use case. */
export interface CollectionWrite {
  row: number;
  input: SaveReportInput;
}
