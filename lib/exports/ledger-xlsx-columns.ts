import type ExcelJS from "exceljs";
import type { LedgerColumn } from "@/lib/ledger/ledger-columns";
import type { Light } from "@/lib/tracking/light";
import { forecastExportValues, type ForecastExportColumnId, type ForecastExportLabels } from "./forecast-export";
import type { LedgerExportRow } from "./ledger-export-rows";
import { evidenceFiles, kpiName, type LedgerColumnId } from "./ledger-export-record";

/**
 * The typed Excel export's columns. Those that also stand in the CSV keep its
 * headers (messages export.columns, which the import reads); the others have
 * their own (messages ledgerView.xlsx), which the import knows too.
 */
export type XlsxColumnId =
  | Exclude<LedgerColumnId, "kpi" | "investment">
  | "kpi"
  | "areaName"
  | "status"
  | "expectedPercent"
  | "latestPeriod"
  | "latestState"
  | "kpiTarget"
  | "kpiActual"
  | "investmentPlanned"
  | "investmentCompleted"
  | ForecastExportColumnId;

/** How a cell is written: the number format Excel shows it with, and whether long text wraps. */
export interface XlsxColumn {
  id: XlsxColumnId;
  width: number;
  numFmt?: string;
  wrap?: boolean;
  value: (row: LedgerExportRow, format: XlsxValueLabels, index: number) => ExcelJS.CellValue;
}

/** What a value needs translated: the user's language and the names of states. */
export interface XlsxValueLabels {
  locale: string;
  light: (light: Light) => string;
  status: (status: LedgerExportRow["status"]) => string;
  reportState: (state: NonNullable<LedgerExportRow["latestState"]>) => string;
  notices: (values: { open: number; overdue: number; level: NonNullable<LedgerExportRow["detail"]["notices"]>["latestLevel"] }) => string;
  sample: string;
  /** In place of an ongoing task's due date (长期). */
  ongoing: string;
  forecast: ForecastExportLabels;
}

const PERCENT = "0%";
const DATE = "yyyy-mm-dd";
const MONTH = "yyyy-mm";
const AMOUNT = "#,##0.00";
// KPI figures have up to four decimals and any unit: shown as typed.
const FIGURE = "General";
const PACE = "0.0";

const en = (format: XlsxValueLabels) => format.locale === "en";
const names = (items: { nameZh: string; nameEn: string }[], format: XlsxValueLabels) =>
  items.map((item) => (en(format) ? item.nameEn : item.nameZh)).join(en(format) ? "; " : "、") || null;
const decimal = (value: { toNumber(): number } | null) => (value === null ? null : value.toNumber());
const text = (value: string | null | undefined) => value || null;

/** "2027-03" as the month's first day (a date cell formatted yyyy-mm); other text stays text. */
const monthCell = (value: string | null) => (value && /^\d{4}-\d{2}$/.test(value) ? new Date(`${value}-01T00:00:00Z`) : value);

const column = (id: XlsxColumnId, width: number, value: XlsxColumn["value"], extra: Partial<XlsxColumn> = {}): XlsxColumn => ({ id, width, value, ...extra });

/** Each ledger column as one or more Excel columns (the area as code and name, KPI as name, target and actual). */
export const xlsxColumnsOf: Record<LedgerColumn, XlsxColumn[]> = {
  code: [column("code", 12, (row) => row.code)],
  title: [column("title", 40, (row, format) => (en(format) ? row.titleEn : row.titleZh), { wrap: true })],
  area: [
    column("area", 8, (row) => row.areaCode),
    column("areaName", 24, (row, format) => (en(format) ? row.areaEn : row.areaZh), { wrap: true }),
  ],
  leadUnit: [column("leadUnit", 24, (row, format) => (en(format) ? row.leadUnitEn : row.leadUnitZh), { wrap: true })],
  cooperatingUnits: [column("cooperatingUnits", 30, (row, format) => names(row.detail.cooperatingUnits, format), { wrap: true })],
  responsiblePerson: [column("responsiblePerson", 16, (row) => text(row.responsiblePerson))],
  cities: [column("cities", 20, (row, format) => names(row.detail.cities, format), { wrap: true })],
  dueDate: [column("dueDate", 12, (row, format) => (row.ongoing ? format.ongoing : row.dueDate), { numFmt: DATE })],
  status: [column("status", 10, (row, format) => format.status(row.status))],
  percent: [column("percent", 10, (row) => row.percentComplete / 100, { numFmt: PERCENT })],
  expectedPercent: [column("expectedPercent", 10, (row) => (row.expectedPercent === null ? null : row.expectedPercent / 100), { numFmt: PERCENT })],
  light: [column("light", 8, (row, format) => format.light(row.light))],
  // The class, the finish month (a date; the no-finish text when the pace never gets there), points a month needed and averaged.
  forecast: [
    column("forecast", 14, (row, format) => forecastExportValues(row.forecast, format.forecast).forecast, { wrap: true }),
    column("forecastFinish", 12, (row, format) => monthCell(forecastExportValues(row.forecast, format.forecast).finish), { numFmt: MONTH }),
    column("forecastRequiredPace", 12, (row, format) => forecastExportValues(row.forecast, format.forecast).requiredPace, { numFmt: PACE }),
    column("forecastPace", 12, (row, format) => forecastExportValues(row.forecast, format.forecast).pace, { numFmt: PACE }),
  ],
  latestPeriod: [column("latestPeriod", 10, (row) => row.latestPeriod, { numFmt: MONTH })],
  latestState: [column("latestState", 10, (row, format) => (row.latestState ? format.reportState(row.latestState) : null))],
  kpi: [
    column("kpi", 24, (row, format) => (row.kpiNameZh ? kpiName(row, en(format)) : null), { wrap: true }),
    column("kpiTarget", 12, (row) => decimal(row.kpiTarget), { numFmt: FIGURE }),
    column("kpiActual", 12, (row) => decimal(row.kpiActual), { numFmt: FIGURE }),
  ],
  investmentPlanned: [column("investmentPlanned", 16, (row) => decimal(row.investmentPlanned), { numFmt: AMOUNT })],
  investmentCompleted: [column("investmentCompleted", 16, (row) => decimal(row.investmentCompleted), { numFmt: AMOUNT })],
  progress: [column("progress", 40, (row) => text(row.detail.report?.progress), { wrap: true })],
  problems: [column("problems", 30, (row) => text(row.detail.report?.problems), { wrap: true })],
  nextSteps: [column("nextSteps", 30, (row) => text(row.detail.report?.nextSteps), { wrap: true })],
  notices: [column("notices", 24, (row, format) => (row.detail.notices ? format.notices({ ...row.detail.notices, level: row.detail.notices.latestLevel }) : null), { wrap: true })],
};

export const indexColumn: XlsxColumn = column("index", 6, (_row, _format, index) => index);
/** Sample data stays labelled in every export, whatever the columns. */
export const dataColumn: XlsxColumn = column("data", 10, (row, format) => (row.isSample ? format.sample : null));

/** Every export counts the evidence files behind the report it prints, whatever the columns (the import ignores it). */
export const evidenceColumn: XlsxColumn = column("evidence", 10, (row) => evidenceFiles(row));

/** The ledger columns whose Excel columns identify a measure for the import: without them a file cannot be read back. */
const importKeyColumns: readonly LedgerColumn[] = ["code", "title", "leadUnit", "area"];

/**
 * The workbook's columns for the ledger columns shown: 序号, those columns, the
 * evidence count, the data label, then (hidden, in an outline group) the import keys the view leaves out.
 */
export function ledgerXlsxLayout(shown: readonly LedgerColumn[]): { visible: XlsxColumn[]; hidden: XlsxColumn[] } {
  const visible = [indexColumn, ...shown.flatMap((id) => xlsxColumnsOf[id]), evidenceColumn, dataColumn];
  // The key is the area's code only; its name is for people.
  const hidden = importKeyColumns.filter((id) => !shown.includes(id)).map((id) => xlsxColumnsOf[id][0]!);
  return { visible, hidden };
}
