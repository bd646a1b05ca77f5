import ExcelJS from "exceljs";
import { AppError, fieldError } from "@/lib/errors/app-error";
import { IMPORT_MAX_BYTES } from "@/lib/measure-import/import-limits";
import { inspectXlsxZip } from "@/lib/measure-import/inspect-xlsx-zip";

const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];

/** The error for a file over the size limit, with the limit in MB. */
export function tooLarge(): AppError {
  return new AppError("PAYLOAD_TOO_LARGE", {}, { file: { key: "importTooLarge", values: { maxMb: IMPORT_MAX_BYTES / 1024 / 1024 } } });
}

/**
 * An uploaded .xlsx loaded under the upload limits (the task-list import and
 * the report collection): size, not empty, a zip at all, then the zip checked
 * part by part as it really inflates (rows, cells, columns, bytes) before
 * ExcelJS builds it, so a small file that expands hugely is refused without
 * being built in memory. Anything ExcelJS cannot read is "not a spreadsheet".
 */
export async function loadBoundedWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  if (bytes.byteLength > IMPORT_MAX_BYTES) throw tooLarge();
  if (bytes.byteLength === 0) throw fieldError("file", "importEmpty");
  if (!ZIP_SIGNATURE.every((byte, index) => bytes[index] === byte)) throw fieldError("file", "importNotSpreadsheet");
  const workbook = new ExcelJS.Workbook();
  try {
    await inspectXlsxZip(bytes);
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw fieldError("file", "importNotSpreadsheet");
  }
  return workbook;
}
