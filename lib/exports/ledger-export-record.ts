import type { NoticeLevel } from "@/generated/prisma/enums";
import type { Light } from "@/lib/tracking/light";
import type { LedgerExportRow } from "./ledger-export-rows";

export interface LedgerExportLabels {
  locale: string;
  columns: string[];
  light: (light: Light) => string;
  sample: string;
  /** In place of an ongoing task's due date (长期). */
  ongoing: string;
  kpi: (values: { name: string; target: string; actual: string }) => string;
  investment: (values: { planned: string; completed: string }) => string;
  /** The notices column (督办单): counts and the latest level; without it the column stays empty. */
  notices?: (values: { open: number; overdue: number; level: NoticeLevel }) => string;
}

/** The standard ledger columns of one measure: the CSV export's row. */
export function ledgerExportRecord(index: number, row: LedgerExportRow, labels: LedgerExportLabels): (string | number)[] {
  const en = labels.locale === "en";
  const text = (zh: string, english: string) => (en ? english : zh);
  const { detail } = row;
  const { report } = detail;
  return [
    index,
    row.code,
    text(row.titleZh, row.titleEn),
    text(row.leadUnitZh, row.leadUnitEn),
    detail.cooperatingUnits.map((unit) => text(unit.nameZh, unit.nameEn)).join(en ? "; " : "、"),
    row.responsiblePerson ?? "",
    row.ongoing ? labels.ongoing : (row.dueDate?.toISOString().slice(0, 10) ?? ""),
    report?.progress ?? "",
    report?.problems ?? "",
    report?.nextSteps ?? "",
    `${row.percentComplete}%`,
    labels.light(row.light),
    row.kpiNameZh
      ? labels.kpi({
          name: kpiName(row, en),
          target: row.kpiTarget?.toString() ?? "",
          actual: row.kpiActual?.toString() ?? "",
        })
      : "",
    row.investmentPlanned
      ? labels.investment({ planned: row.investmentPlanned.toString(), completed: row.investmentCompleted?.toString() ?? "" })
      : "",
    row.isSample ? labels.sample : "",
    row.areaCode,
    detail.cities.map((city) => text(city.nameZh, city.nameEn)).join(en ? "; " : "、"),
    detail.notices && labels.notices
      ? labels.notices({ open: detail.notices.open, overdue: detail.notices.overdue, level: detail.notices.latestLevel })
      : "",
    evidenceFiles(row) ?? "",
  ];
}

/** The evidence files of the report the export prints (the lead unit's latest submitted one); none without a report. */
export function evidenceFiles(row: Pick<LedgerExportRow, "detail">): number | null {
  return row.detail.report?.evidenceFiles ?? null;
}

/** A KPI's name and unit as the import reads them back: "新增里程 (公里)". */
export function kpiName(row: Pick<LedgerExportRow, "kpiNameZh" | "kpiNameEn" | "kpiUnit">, en: boolean): string {
  return `${en ? (row.kpiNameEn ?? "") : row.kpiNameZh} (${row.kpiUnit ?? ""})`;
}

/**
 * What each column of a record holds, in order (the headers are messages
 * "export.columns"); the import reads files by these ids.
 */
export const LEDGER_COLUMN_IDS = [
  "index",
  "code",
  "title",
  "leadUnit",
  "cooperatingUnits",
  "responsiblePerson",
  "dueDate",
  "progress",
  "problems",
  "nextSteps",
  "percent",
  "light",
  "kpi",
  "investment",
  "data",
  "area",
  "cities",
  "notices",
  "evidence",
] as const;
export type LedgerColumnId = (typeof LEDGER_COLUMN_IDS)[number];
