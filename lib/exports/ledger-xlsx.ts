import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";
import type { PrismaClient } from "@/lib/db/create-client";
import type { LedgerQuery } from "@/lib/ledger/schemas";
import type { Light } from "@/lib/tracking/light";
import type { TrackingSettings } from "@/lib/tracking/settings";
import { ledgerExportBatches } from "./ledger-export-rows";
import { ledgerXlsxLayout, type XlsxColumnId, type XlsxValueLabels } from "./ledger-xlsx-columns";

/** Light colours as ARGB, shared by the bulletins. */
export const lightFill: Record<Light, string> = {
  RED: "FFF87171",
  YELLOW: "FFFCD34D",
  BLUE: "FF7DD3FC",
  GREEN: "FF86EFAC",
  COMPLETED: "FFCBD5E1",
  SUSPENDED: "FFE4E4E7",
};

/** Everything the workbook says in the user's language (lib/exports/ledger-xlsx-labels.ts). */
export interface LedgerXlsxLabels extends XlsxValueLabels {
  sheetName: string;
  /** The title with the as-of date. */
  title: string;
  /** The filters in words. */
  scope: string;
  sampleNote: string;
  headers: Record<XlsxColumnId, string>;
}

/** The header sits under the title and the scope rows. */
export const XLSX_HEADER_ROW = 3;

/**
 * The ledger view as an Excel workbook, written row by row to a stream: a title
 * row (with the as-of date) and a scope row above the header, then the columns
 * the ledger shows, typed (numbers, percentages, dates with their formats), the
 * light as the cell colour, sample rows labelled, and the import keys the view
 * leaves out in a hidden column group, so the file imports back.
 */
export function ledgerXlsxStream(
  db: PrismaClient,
  query: LedgerQuery,
  today: Date,
  settings: TrackingSettings,
  labels: LedgerXlsxLabels,
): ReadableStream<Uint8Array> {
  const { visible, hidden } = ledgerXlsxLayout(query.cols);
  const columns = [...visible, ...hidden];
  const output = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(labels.sheetName, {
    views: [{ state: "frozen", ySplit: XLSX_HEADER_ROW }],
    properties: { outlineLevelCol: hidden.length > 0 ? 1 : 0 } as ExcelJS.WorksheetProperties,
  });
  sheet.columns = columns.map((column, index) => ({
    key: column.id,
    width: column.width,
    ...(index >= visible.length ? { hidden: true, outlineLevel: 1 } : {}),
  }));
  sheet.autoFilter = { from: { row: XLSX_HEADER_ROW, column: 1 }, to: { row: XLSX_HEADER_ROW, column: columns.length } };
  const lightColumn = columns.findIndex((column) => column.id === "light") + 1;

  // The title rows wait for the first batch: it tells whether the view holds sample data.
  const writeTop = (hasSample: boolean) => {
    // Not merged: the import refuses merged cells, and the text overflows the empty cells beside it.
    const title = sheet.addRow([labels.title]);
    title.font = { bold: true, size: 14 };
    title.commit();
    sheet.addRow([hasSample ? `${labels.scope}  ${labels.sampleNote}` : labels.scope]).commit();
    const header = sheet.addRow(columns.map((column) => labels.headers[column.id]));
    header.font = { bold: true };
    header.alignment = { vertical: "middle", wrapText: true };
    header.eachCell((cell) => (cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE2E8F0" } }));
    header.commit();
  };

  void (async () => {
    try {
      let index = 0;
      let started = false;
      for await (const { rows, hasSample } of ledgerExportBatches(db, query, today, settings, query.cols)) {
        if (!started) writeTop(hasSample);
        started = true;
        for (const row of rows) {
          index += 1;
          const added = sheet.addRow(columns.map((column) => column.value(row, labels, index)));
          columns.forEach((column, position) => {
            const cell = added.getCell(position + 1);
            if (column.numFmt) cell.numFmt = column.numFmt;
            cell.alignment = { vertical: "top", wrapText: column.wrap ?? false };
          });
          if (lightColumn > 0) added.getCell(lightColumn).fill = { type: "pattern", pattern: "solid", fgColor: { argb: lightFill[row.light] } };
          added.commit();
        }
      }
      if (!started) writeTop(false);
      sheet.commit();
      await workbook.commit();
    } catch (error) {
      output.destroy(error as Error);
    }
  })();
  return Readable.toWeb(output) as ReadableStream<Uint8Array>;
}
