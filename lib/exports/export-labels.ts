import { getLocale, getTranslations } from "next-intl/server";
import { contentDisposition } from "@/lib/api/content-disposition";
import type { LedgerExportLabels } from "./ledger-export-record";

/** Column names and wording of the ledger exports in the user's language. */
export async function ledgerExportLabels(): Promise<LedgerExportLabels & { file: string }> {
  const [locale, t, tLights, tNotices, tOngoing] = await Promise.all([
    getLocale(),
    getTranslations("export"),
    getTranslations("lights"),
    getTranslations("notices"),
    getTranslations("measureOngoing"),
  ]);
  return {
    locale,
    columns: t("columns").split("|"),
    light: (light) => tLights(light),
    sample: t("sample"),
    ongoing: tOngoing("due"),
    kpi: (values) => t("kpiLine", values),
    investment: (values) => t("investmentLine", values),
    notices: ({ level, ...counts }) => t("noticesLine", { ...counts, level: tNotices(`levels.${level}`) }),
    file: t("file"),
  };
}

/** A download header that keeps a Chinese file name. */
export function attachment(name: string, extension: string): string {
  return contentDisposition(`${name}-${new Date().toISOString().slice(0, 10)}.${extension}`, `ledger.${extension}`);
}
