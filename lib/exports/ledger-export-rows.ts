import type { PrismaClient } from "@/lib/db/create-client";
import type { LedgerColumn } from "@/lib/ledger/ledger-columns";
import { listLedger, type LedgerRow } from "@/lib/ledger/list-ledger";
import { loadLedgerDetails, type LedgerDetail } from "@/lib/ledger/load-ledger-details";
import type { LedgerQuery } from "@/lib/ledger/schemas";
import type { TrackingSettings } from "@/lib/tracking/settings";

const BATCH = 200;

export type LedgerExportRow = LedgerRow & { detail: LedgerDetail };

/**
 * Every row of a ledger view (all pages, same filters and order as the table),
 * with the details the given columns need (cooperating units, cities, the lead
 * unit's latest report texts and its evidence count, notices). Yields batches, so an export streams
 * instead of holding everything in memory; each says whether the whole view
 * holds sample data.
 */
export async function* ledgerExportBatches(
  db: PrismaClient,
  query: LedgerQuery,
  today: Date,
  settings: TrackingSettings,
  columns: readonly LedgerColumn[],
): AsyncGenerator<{ rows: LedgerExportRow[]; hasSample: boolean }> {
  for (let page = 1; ; page++) {
    const { rows, hasSample } = await listLedger(db, { ...query, page, perPage: BATCH }, today, settings);
    if (rows.length === 0) return;
    const details = await loadLedgerDetails(db, rows.map((row) => row.id), columns, today, query.asOf, { evidence: true });
    yield { rows: rows.map((row) => ({ ...row, detail: details.get(row.id)! })), hasSample };
    if (rows.length < BATCH) return;
  }
}
