import { withApiRoute } from "@/lib/auth/api-route";
import { readDb } from "@/lib/db";
import { attachment, ledgerExportLabels } from "@/lib/exports/export-labels";
import { ledgerCsvStream } from "@/lib/exports/ledger-csv";
import { parseLedgerQuery, withViewer } from "@/lib/ledger/schemas";
import { todayInChina } from "@/lib/tracking/dates";
import { getTrackingSettings } from "@/lib/tracking/settings";

export const dynamic = "force-dynamic";

/** The current ledger view (same query string as /ledger) as a CSV download. */
export const GET = withApiRoute("measure.read", async (request, { user }) => {
  const query = withViewer(parseLedgerQuery(Object.fromEntries(request.nextUrl.searchParams)), user);
  const [settings, labels] = await Promise.all([getTrackingSettings(readDb), ledgerExportLabels()]);
  return new Response(ledgerCsvStream(readDb, query, todayInChina(), settings, labels), {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": attachment(labels.file, "csv"), "Cache-Control": "no-store" },
  });
});
