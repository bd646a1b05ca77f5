import type { PrismaClient } from "@/lib/db/create-client";
import { ledgerColumns } from "@/lib/ledger/ledger-columns";
import type { LedgerQuery } from "@/lib/ledger/schemas";
import type { TrackingSettings } from "@/lib/tracking/settings";
import { csvLine, UTF8_BOM } from "./csv";
import { FORECAST_EXPORT_COLUMN_IDS, forecastCsvFields, forecastExportLabels } from "./forecast-export";
import { ledgerExportRecord, type LedgerExportLabels } from "./ledger-export-record";
import { ledgerExportBatches } from "./ledger-export-rows";

/**
 * The ledger view as CSV (UTF-8 with BOM), streamed batch by batch: the same
 * filters and order as the table, the standard ledger columns, sample rows marked,
 * then the delivery forecast's columns (class, finish month, points a month
 * needed and averaged) in the labels' language.
 */
export function ledgerCsvStream(db: PrismaClient, query: LedgerQuery, today: Date, settings: TrackingSettings, labels: LedgerExportLabels) {
  const encoder = new TextEncoder();
  let index = 0;
  return new ReadableStream<Uint8Array>({
    async start(controller) {
      try {
        const forecast = forecastExportLabels(labels.locale);
        controller.enqueue(encoder.encode(UTF8_BOM + csvLine([...labels.columns, ...FORECAST_EXPORT_COLUMN_IDS.map((id) => forecast.headers[id])])));
        for await (const { rows } of ledgerExportBatches(db, query, today, settings, ledgerColumns)) {
          const lines = rows.map((row) => csvLine([...ledgerExportRecord(++index, row, labels), ...forecastCsvFields(row.forecast, forecast)]));
          controller.enqueue(encoder.encode(lines.join("")));
        }
        controller.close();
      } catch (error) {
        controller.error(error);
      }
    },
  });
}
