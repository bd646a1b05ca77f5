import { getLocale, getTranslations } from "next-intl/server";
import { withApiRoute } from "@/lib/auth/api-route";
import { db } from "@/lib/db";
import { ledgerCsvStream } from "@/lib/exports/ledger-csv";
import { parseLedgerQuery } from "@/lib/ledger/schemas";
import { todayInChina } from "@/lib/tracking/dates";
import { getTrackingSettings } from "@/lib/tracking/settings";

export const dynamic = "force-dynamic";

/** The current ledger view (same query string as /ledger) as a CSV download. */
export const GET = withApiRoute("measure.read", async (request) => {
  const query = parseLedgerQuery(Object.fromEntries(request.nextUrl.searchParams));
  const [settings, locale, t, tLights] = await Promise.all([
    getTrackingSettings(db),
    getLocale(),
    getTranslations("export"),
    getTranslations("lights"),
  ]);
  const stream = ledgerCsvStream(db, query, todayInChina(), settings, {
    locale,
    columns: t("columns").split("|"),
    light: (light) => tLights(light as "RED"),
    sample: t("sample"),
    kpi: (values) => t("kpiLine", values),
    investment: (values) => t("investmentLine", values),
  });
  const filename = `${t("file")}-${new Date().toISOString().slice(0, 10)}.csv`;
  return new Response(stream, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="ledger.csv"; filename*=UTF-8''${encodeURIComponent(filename)}`,
      "Cache-Control": "no-store",
    },
  });
});
