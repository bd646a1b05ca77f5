import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";
import type { PrismaClient } from "@/lib/db/create-client";
import type { LedgerQuery } from "@/lib/ledger/schemas";
import type { Light } from "@/lib/tracking/light";
import type { TrackingSettings } from "@/lib/tracking/settings";
import { ledgerExportRecord, LIGHT_COLUMN, type LedgerExportLabels } from "./ledger-export-record";
import { ledgerExportBatches } from "./ledger-export-rows";

// Widths in characters, wide enough for Chinese text (two columns per character).
const widths = [6, 10, 40, 24, 30, 16, 12, 40, 30, 30, 10, 8, 30, 24, 10, 8, 24, 30];
/** Light colours as ARGB, shared by the bulletins. */
export const lightFill: Record<Light, string> = {
  RED: "FFF87171",
  YELLOW: "FFFCD34D",
  BLUE: "FF7DD3FC",
  GREEN: "FF86EFAC",
  COMPLETED: "FFCBD5E1",
};

/**
 * The ledger view as an Excel workbook, written row by row to a stream:
 * frozen header, filters, light as the cell colour, sample rows marked.
 */
export function ledgerXlsxStream(
  db: PrismaClient,
  query: LedgerQuery,
  today: Date,
  settings: TrackingSettings,
  labels: LedgerExportLabels & { sheetName: string },
): ReadableStream<Uint8Array> {
  const output = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(labels.sheetName, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = labels.columns.map((header, index) => ({ header, key: String(index), width: widths[index] ?? 14 }));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: labels.columns.length } };
  sheet.getRow(1).font = { bold: true };

  void (async () => {
    try {
      let index = 0;
      for await (const batch of ledgerExportBatches(db, query, today, settings)) {
        for (const row of batch) {
          const added = sheet.addRow(ledgerExportRecord(++index, row, labels));
          added.alignment = { vertical: "top", wrapText: true };
          added.getCell(LIGHT_COLUMN).fill = { type: "pattern", pattern: "solid", fgColor: { argb: lightFill[row.light] } };
          added.commit();
        }
      }
      sheet.commit();
      await workbook.commit();
    } catch (error) {
      output.destroy(error as Error);
    }
  })();
  return Readable.toWeb(output) as ReadableStream<Uint8Array>;
}
