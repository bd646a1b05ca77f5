import { createTranslator } from "next-intl";
import type { Locale } from "@/lib/i18n/config";
import { parsePeriod } from "@/lib/tracking/dates";
import en from "@/messages/en.json";
import zh from "@/messages/zh-CN.json";
import { forecastExportLabels } from "./forecast-export";
import { LEDGER_COLUMN_IDS } from "./ledger-export-record";
import type { LedgerXlsxLabels } from "./ledger-xlsx";
import type { XlsxColumnId } from "./ledger-xlsx-columns";

/**
 * The Excel export's wording in one language: headers, the title with the
 * as-of day (or month, for a past month's view), the scope line from the
 * filters in words (lib/ledger/describe-ledger-scope.ts).
 */
export function ledgerXlsxLabels(lang: Locale, scope: string[], today: Date, asOf?: string): LedgerXlsxLabels {
  const messages = lang === "en" ? en : zh;
  const t = createTranslator({ locale: lang, messages, namespace: "ledgerView" });
  const csvHeaders = messages.export.columns.split("|");
  const csvHeader = (id: (typeof LEDGER_COLUMN_IDS)[number]) => csvHeaders[LEDGER_COLUMN_IDS.indexOf(id)]!;
  // Dates arrive at UTC midnight; formatted in UTC so the day never shifts.
  const day = new Intl.DateTimeFormat(lang, { dateStyle: "long", timeZone: "UTC" }).format(today);
  const month = asOf && new Intl.DateTimeFormat(lang, { year: "numeric", month: "long", timeZone: "UTC" }).format(parsePeriod(asOf));
  const forecast = forecastExportLabels(lang);
  const headers: Record<XlsxColumnId, string> = {
    ...(Object.fromEntries(LEDGER_COLUMN_IDS.map((id) => [id, csvHeader(id)])) as Record<(typeof LEDGER_COLUMN_IDS)[number], string>),
    areaName: t("xlsx.areaName"),
    status: t("xlsx.status"),
    expectedPercent: t("xlsx.expectedPercent"),
    latestPeriod: t("xlsx.latestPeriod"),
    latestState: t("xlsx.latestState"),
    kpiTarget: t("xlsx.kpiTarget"),
    kpiActual: t("xlsx.kpiActual"),
    investmentPlanned: t("xlsx.investmentPlanned"),
    investmentCompleted: t("xlsx.investmentCompleted"),
    ...forecast.headers,
  };
  const title = messages.ledger.title;
  return {
    locale: lang,
    sheetName: messages.export.file,
    title: month ? t("xlsx.titleAsOf", { title, month }) : t("xlsx.title", { title, date: day }),
    scope: scope.length > 0 ? t("xlsx.scope", { filters: scope.join(t("xlsx.scopeSeparator")) }) : t("xlsx.scopeAll"),
    sampleNote: t("xlsx.sampleNote"),
    headers,
    sample: messages.export.sample,
    ongoing: messages.measureOngoing.due,
    forecast,
    light: (light) => messages.lights[light],
    status: (status) => messages.status[status],
    reportState: (state) => messages.reportState[state],
    notices: ({ level, ...counts }) =>
      createTranslator({ locale: lang, messages, namespace: "export" })("noticesLine", { ...counts, level: messages.notices.levels[level] }),
  };
}
