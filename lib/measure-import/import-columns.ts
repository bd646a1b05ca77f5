import { LEDGER_COLUMN_IDS, type LedgerColumnId } from "@/lib/exports/ledger-export-record";
import en from "@/messages/en.json";
import zh from "@/messages/zh-CN.json";

export type ImportLanguage = "zh" | "en";

/** The ledger columns that define a measure; the import reads these. */
export const MEASURE_COLUMN_IDS = [
  "code",
  "title",
  "leadUnit",
  "cooperatingUnits",
  "responsiblePerson",
  "dueDate",
  "kpi",
  "investment",
  "area",
  "cities",
] as const satisfies readonly LedgerColumnId[];
export type MeasureColumnId = (typeof MEASURE_COLUMN_IDS)[number];

/** A file must have these columns: they identify a measure and are needed to create one. */
export const REQUIRED_COLUMN_IDS: readonly MeasureColumnId[] = ["code", "title", "leadUnit", "area"];

export function isMeasureColumn(id: LedgerColumnId): id is MeasureColumnId {
  return (MEASURE_COLUMN_IDS as readonly string[]).includes(id);
}

/** Header text compared loosely: full-width forms, spaces and letter case do not matter. */
export function normalizeHeader(text: string): string {
  return text.normalize("NFKC").replace(/\s+/g, "").toLowerCase();
}

/** The export's headers in both languages, so a file in either language reads the same. */
const headerLookup = new Map<string, { id: LedgerColumnId; language: ImportLanguage }>();
for (const [language, messages] of [["zh", zh], ["en", en]] as const) {
  messages.export.columns.split("|").forEach((header, index) => {
    headerLookup.set(normalizeHeader(header), { id: LEDGER_COLUMN_IDS[index]!, language });
  });
}

export function matchHeader(text: string): { id: LedgerColumnId; language: ImportLanguage } | undefined {
  return headerLookup.get(normalizeHeader(text));
}

/** The header of a column as the export writes it, in one language. */
export function headerText(id: LedgerColumnId, language: ImportLanguage): string {
  const messages = language === "en" ? en : zh;
  return messages.export.columns.split("|")[LEDGER_COLUMN_IDS.indexOf(id)]!;
}
