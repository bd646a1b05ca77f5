import { FORECAST_EXPORT_COLUMN_IDS, forecastExportHeaders, type ForecastExportColumnId } from "@/lib/exports/forecast-export";
import { LEDGER_COLUMN_IDS, type LedgerColumnId } from "@/lib/exports/ledger-export-record";
import en from "@/messages/en.json";
import zh from "@/messages/zh-CN.json";

export type ImportLanguage = "zh" | "en";

/**
 * Headers only the typed Excel export writes (messages ledgerView.xlsx) and what
 * each is read as: the planned investment is the CSV's investment; the KPI target
 * stands in a column of its own; the others are read-only figures.
 */
const TYPED_HEADERS = {
  areaName: "areaName",
  status: "status",
  expectedPercent: "expectedPercent",
  latestPeriod: "latestPeriod",
  latestState: "latestState",
  kpiTarget: "kpiTarget",
  kpiActual: "kpiActual",
  investmentPlanned: "investment",
  investmentCompleted: "investmentCompleted",
} as const;

/** Every column a file of the project's own layout may have (CSV or typed Excel export, template); the forecast's are read-only. */
export type HeaderId = LedgerColumnId | (typeof TYPED_HEADERS)[keyof typeof TYPED_HEADERS] | ForecastExportColumnId;

/** The ledger columns that define a measure; the import reads these. */
export const MEASURE_COLUMN_IDS = [
  "code",
  "title",
  "leadUnit",
  "cooperatingUnits",
  "responsiblePerson",
  "dueDate",
  "kpi",
  "kpiTarget",
  "investment",
  "area",
  "cities",
] as const satisfies readonly HeaderId[];
export type MeasureColumnId = (typeof MEASURE_COLUMN_IDS)[number];

/** A file must have these columns: they identify a measure and are needed to create one. */
export const REQUIRED_COLUMN_IDS = ["code", "title", "leadUnit", "area"] as const satisfies readonly MeasureColumnId[];

export function isMeasureColumn(id: HeaderId): id is MeasureColumnId {
  return (MEASURE_COLUMN_IDS as readonly string[]).includes(id);
}

/** Header text compared loosely: full-width forms, spaces and letter case do not matter. */
export function normalizeHeader(text: string): string {
  return text.normalize("NFKC").replace(/\s+/g, "").toLowerCase();
}

/** The export's headers in both languages, so a file in either language reads the same. */
const headerLookup = new Map<string, { id: HeaderId; language: ImportLanguage }>();
for (const [language, messages] of [["zh", zh], ["en", en]] as const) {
  messages.export.columns.split("|").forEach((header, index) => {
    headerLookup.set(normalizeHeader(header), { id: LEDGER_COLUMN_IDS[index]!, language });
  });
  for (const [key, id] of Object.entries(TYPED_HEADERS)) {
    headerLookup.set(normalizeHeader(messages.ledgerView.xlsx[key as keyof typeof TYPED_HEADERS]), { id, language });
  }
  for (const id of FORECAST_EXPORT_COLUMN_IDS) headerLookup.set(normalizeHeader(forecastExportHeaders[language][id]), { id, language });
}

export function matchHeader(text: string): { id: HeaderId; language: ImportLanguage } | undefined {
  return headerLookup.get(normalizeHeader(text));
}

/** The header of a column as the export writes it, in one language. */
export function headerText(id: LedgerColumnId, language: ImportLanguage): string {
  const messages = language === "en" ? en : zh;
  return messages.export.columns.split("|")[LEDGER_COLUMN_IDS.indexOf(id)]!;
}
