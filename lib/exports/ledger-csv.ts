import type { PrismaClient } from "@/lib/db/create-client";
import { ledgerColumns } from "@/lib/ledger/ledger-columns";
import type { LedgerQuery } from "@/lib/ledger/schemas";
import type { TrackingSettings } from "@/lib/tracking/settings";
import { csvLine, UTF8_BOM } from "./csv";
import { ledgerExportRecord, type LedgerExportLabels } from "./ledger-export-record";
import { ledgerExportBatches } from "./ledger-export-rows";

/**
 * The ledger view as CSV (UTF-8 with BOM), streamed batch by batch: the same
 * filters and order as the table, the standard ledger columns, sample rows marked.
 */
export function ledgerCsvStream(db: PrismaClient, query: LedgerQuery, today: Date, settings: TrackingSettings, labels: LedgerExportLabels) {
  const encoder = new TextEncoder();
  let index = 0;
  return new ReadableStream<Uint8Array>({
    async start(controller) {
      try {
        controller.enqueue(encoder.encode(UTF8_BOM + csvLine(labels.columns)));
        for await (const { rows } of ledgerExportBatches(db, query, today, settings, ledgerColumns)) {
          controller.enqueue(encoder.encode(rows.map((row) => csvLine(ledgerExportRecord(++index, row, labels))).join("")));
        }
        controller.close();
      } catch (error) {
        controller.error(error);
      }
    },
  });
}
