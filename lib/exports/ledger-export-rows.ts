import { Prisma } from "@/generated/prisma/client";
import type { PrismaClient } from "@/lib/db/create-client";
import { loadForecasts, type MeasureForecast } from "@/lib/forecast/load-forecasts";
import type { LedgerColumn } from "@/lib/ledger/ledger-columns";
import { listLedger, type LedgerRow } from "@/lib/ledger/list-ledger";
import { loadLedgerDetails, type LedgerDetail } from "@/lib/ledger/load-ledger-details";
import type { LedgerQuery } from "@/lib/ledger/schemas";
import type { TrackingSettings } from "@/lib/tracking/settings";

const BATCH = 200;

/** A ledger row with its details and, when the columns hold the forecast, its delivery forecast as of the view's month. */
export type LedgerExportRow = LedgerRow & { detail: LedgerDetail; forecast: MeasureForecast | null };

/**
 * Every row of a ledger view (all pages, same filters and order as the table),
 * with the details the given columns need (cooperating units, cities, the lead
 * unit's latest report texts and its evidence count, notices, the forecast as the
 * ledger's column computes it). The rows come from ONE ledger statement (a
 * statement per page re-ran the whole view's filter and sort for each batch, and
 * the forecast filter's cache check with it); their details are loaded and yielded
 * in batches, so an export streams instead of holding every row's details in
 * memory. Each batch says whether the whole view holds sample data.
 */
export async function* ledgerExportBatches(
  db: PrismaClient,
  query: LedgerQuery,
  today: Date,
  settings: TrackingSettings,
  columns: readonly LedgerColumn[],
): AsyncGenerator<{ rows: LedgerExportRow[]; hasSample: boolean }> {
  const { rows: all, hasSample } = await listLedger(db, { ...query, page: 1 }, today, settings, { allPages: true });
  for (let start = 0; start < all.length; start += BATCH) {
    const rows = all.slice(start, start + BATCH);
    const ids = rows.map((row) => row.id);
    const [details, forecasts] = await Promise.all([
      loadLedgerDetails(db, ids, columns, today, query.asOf, { evidence: true }),
      // The batch's forecasts in one statement, as the ledger's page does (lib/ledger/ledger-view-rows.ts).
      columns.includes("forecast") ? loadForecasts(db, { where: Prisma.sql`m.id = ANY(${ids})`, asOf: query.asOf, today }) : [],
    ]);
    const forecastOf = new Map(forecasts.map((forecast) => [forecast.measureId, forecast]));
    yield { rows: rows.map((row) => ({ ...row, detail: details.get(row.id)!, forecast: forecastOf.get(row.id) ?? null })), hasSample };
  }
}
