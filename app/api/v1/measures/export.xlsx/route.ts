import { getLocale } from "next-intl/server";
import { withApiRoute } from "@/lib/auth/api-route";
import { readDb } from "@/lib/db";
import { attachment } from "@/lib/exports/export-labels";
import { ledgerXlsxStream } from "@/lib/exports/ledger-xlsx";
import { ledgerXlsxLabels } from "@/lib/exports/ledger-xlsx-labels";
import { defaultLocale, isLocale } from "@/lib/i18n/config";
import { describeLedgerScope } from "@/lib/ledger/describe-ledger-scope";
import { parseLedgerQuery, withViewer } from "@/lib/ledger/schemas";
import { todayInChina } from "@/lib/tracking/dates";
import { getTrackingSettings } from "@/lib/tracking/settings";

export const dynamic = "force-dynamic";

/** The current ledger view (same query string as /ledger, its columns included) as a typed Excel workbook. */
export const GET = withApiRoute("measure.read", async (request, { user }) => {
  const query = withViewer(parseLedgerQuery(Object.fromEntries(request.nextUrl.searchParams)), user);
  const requested = await getLocale();
  const locale = isLocale(requested) ? requested : defaultLocale;
  const today = todayInChina();
  const [settings, scope] = await Promise.all([getTrackingSettings(readDb), describeLedgerScope(readDb, query, locale)]);
  const labels = ledgerXlsxLabels(locale, scope, today, query.asOf);
  return new Response(ledgerXlsxStream(readDb, query, today, settings, labels), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": attachment(labels.sheetName, "xlsx"),
      "Cache-Control": "no-store",
    },
  });
});
