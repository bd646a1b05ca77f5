import { createDeflateRaw, crc32, deflateRawSync } from "node:zlib";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { IMPORT_MAX_CELLS, IMPORT_MAX_COLUMNS, IMPORT_MAX_PART_BYTES } from "@/lib/measure-import/import-limits";
import { parseImportWorkbook } from "@/lib/measure-import/parse-import-workbook";
import zh from "@/messages/zh-CN.json";

/**
 * Zip bombs and oversized sheets are refused before ExcelJS loads the
 * workbook, from the sizes really inflated (not only the declared ones), with
 * the memory of the refusing process barely growing.
 */
const HEADERS = zh.export.columns.split("|");
const MB = 1024 * 1024;

type Part = { name: string; data: Buffer; method: 0 | 8; declaredSize: number; crc: number };

/** A zip written byte by byte, so that a part can declare any size. */
function zipOf(parts: Part[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name, "utf8");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(part.method, 8);
    local.writeUInt32LE(part.crc >>> 0, 14);
    local.writeUInt32LE(part.data.byteLength, 18);
    local.writeUInt32LE(part.declaredSize, 22);
    local.writeUInt16LE(name.byteLength, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(part.method, 10);
    central.writeUInt32LE(part.crc >>> 0, 16);
    central.writeUInt32LE(part.data.byteLength, 20);
    central.writeUInt32LE(part.declaredSize, 24);
    central.writeUInt16LE(name.byteLength, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, part.data);
    centrals.push(central, name);
    offset += 30 + name.byteLength + part.data.byteLength;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.byteLength, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

const deflated = (name: string, text: string): Part => {
  const raw = Buffer.from(text, "utf8");
  return { name, data: deflateRawSync(raw), method: 8, declaredSize: raw.byteLength, crc: crc32(raw) };
};

/** The parts of a real, valid task list written by ExcelJS (with shared strings). */
async function taskListParts(): Promise<Map<string, string>> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("任务分解表");
  sheet.addRow([HEADERS[1], HEADERS[2], HEADERS[3], HEADERS[15]]);
  sheet.addRow(["1.1", "任务", "某单位", "1.1"]);
  const zip = await JSZip.loadAsync(await workbook.xlsx.writeBuffer());
  const parts = new Map<string, string>();
  for (const [name, file] of Object.entries(zip.files)) if (!file.dir) parts.set(name, await file.async("string"));
  return parts;
}

/** Deflates `total` bytes of repeated shared strings as a stream: the test never holds them. */
async function deflatedSharedStrings(total: number): Promise<Buffer> {
  const unit = Buffer.from("<si><t>AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA</t></si>".repeat(10_000));
  const deflater = createDeflateRaw({ level: 9 });
  const output: Buffer[] = [];
  deflater.on("data", (chunk: Buffer) => output.push(chunk));
  const done = new Promise((resolve) => deflater.on("end", resolve));
  deflater.write('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">');
  for (let written = 0; written < total; written += unit.byteLength) {
    if (!deflater.write(unit)) await new Promise((resolve) => deflater.once("drain", resolve));
  }
  deflater.end("</sst>");
  await done;
  return Buffer.concat(output);
}

/** A task list whose xl/sharedStrings.xml expands to `total` bytes while declaring `declared`. */
async function bomb(total: number, declared: (actual: number) => number): Promise<Uint8Array> {
  const parts = await taskListParts();
  const strings = await deflatedSharedStrings(total);
  return zipOf(
    [...parts].map(([name, text]) =>
      name === "xl/sharedStrings.xml" ? { name, data: strings, method: 8, declaredSize: declared(total), crc: 0 } : deflated(name, text),
    ),
  );
}

/** A task list whose first sheet's XML is replaced by `sheetXml` (rows inside <sheetData>). */
async function withSheet(sheetData: string, dimension = ""): Promise<Uint8Array> {
  const parts = await taskListParts();
  const sheet = parts.get("xl/worksheets/sheet1.xml")!;
  const replaced = sheet
    .replace(/<dimension [^>]*\/>/, dimension)
    .replace(/<sheetData>[\s\S]*<\/sheetData>|<sheetData\/>/, `<sheetData>${sheetData}</sheetData>`);
  return zipOf([...parts].map(([name, text]) => deflated(name, name === "xl/worksheets/sheet1.xml" ? replaced : text)));
}

async function refusal(bytes: Uint8Array): Promise<AppError> {
  const error = await parseImportWorkbook(bytes).then(
    () => null,
    (failure: unknown) => failure,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

/** Runs `work`, sampling the process's memory; the growth of rss and of heap + buffers, in MB. */
async function memoryGrowth(work: () => Promise<unknown>) {
  const sample = () => process.memoryUsage();
  const before = sample();
  let peakRss = before.rss;
  let peakHeap = before.heapUsed + before.external;
  const timer = setInterval(() => {
    const now = sample();
    peakRss = Math.max(peakRss, now.rss);
    peakHeap = Math.max(peakHeap, now.heapUsed + now.external);
  }, 1);
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  const after = sample();
  peakRss = Math.max(peakRss, after.rss);
  peakHeap = Math.max(peakHeap, after.heapUsed + after.external);
  return { rss: (peakRss - before.rss) / MB, heap: (peakHeap - before.heapUsed - before.external) / MB };
}

describe("[INPUT] xlsx zip limits, checked before the workbook is loaded", { timeout: 30_000 }, () => {
  it("control: the valid task list of the same parts is read", async () => {
    const parts = await taskListParts();
    const workbook = await parseImportWorkbook(zipOf([...parts].map(([name, text]) => deflated(name, text))));
    expect(workbook.format === "ledger" && workbook.sheet.rows).toHaveLength(1);
  });

  it("a small zip whose shared strings really expand to 200 MB, declaring 2 KB, is refused with memory growth < 50 MB", async () => {
    const bytes = await bomb(200 * MB, () => 2048);
    expect(bytes.byteLength).toBeLessThan(2 * MB);
    let error: unknown;
    const growth = await memoryGrowth(() => parseImportWorkbook(bytes).catch((failure: unknown) => (error = failure)));
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "PAYLOAD_TOO_LARGE", fieldErrors: { file: { key: "importExpandsTooLarge" } } });
    expect(growth.rss, JSON.stringify(growth)).toBeLessThan(50);
    expect(growth.heap, JSON.stringify(growth)).toBeLessThan(50);
  });

  it("the same bomb declaring its real size is refused from the directory alone", async () => {
    const bytes = await bomb(200 * MB, (actual) => actual);
    const growth = await memoryGrowth(async () => {
      const error = await refusal(bytes);
      expect(error).toMatchObject({ code: "PAYLOAD_TOO_LARGE", fieldErrors: { file: { key: "importExpandsTooLarge" } } });
    });
    expect(growth.rss, JSON.stringify(growth)).toBeLessThan(50);
  });

  it("a part under the limit that inflates to more than it declares is refused", async () => {
    const bytes = await bomb(IMPORT_MAX_PART_BYTES / 4, () => 4096);
    expect(await refusal(bytes)).toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
  });

  it(`a cell beyond column ${IMPORT_MAX_COLUMNS} is refused, naming the column`, async () => {
    const row = `<row r="2"><c r="A2" t="inlineStr"><is><t>1.1</t></is></c><c r="ZZ2" t="inlineStr"><is><t>x</t></is></c></row>`;
    const error = await refusal(await withSheet(row));
    expect(error).toMatchObject({ code: "VALIDATION", fieldErrors: { file: { key: "importTooManyColumns", values: { count: 702, max: IMPORT_MAX_COLUMNS } } } });
  });

  it("a dimension spanning every column is refused", async () => {
    const row = `<row r="1"><c r="A1" t="inlineStr"><is><t>${HEADERS[1]}</t></is></c></row>`;
    const error = await refusal(await withSheet(row, `<dimension ref="A1:XFD1048576"/>`));
    expect(error).toMatchObject({ fieldErrors: { file: { key: "importTooManyColumns", values: { count: 16384 } } } });
  });

  it(`more than ${IMPORT_MAX_CELLS.toLocaleString("en")} cells are refused before loading`, async () => {
    const columns = 50;
    const rows = Math.ceil((IMPORT_MAX_CELLS + 1) / columns);
    const cells = Array.from({ length: columns }, () => "<c><v>1</v></c>").join("");
    const sheetData = Array.from({ length: rows }, (_, index) => `<row r="${index + 1}">${cells}</row>`).join("");
    const error = await refusal(await withSheet(sheetData));
    expect(error).toMatchObject({ code: "VALIDATION", fieldErrors: { file: { key: "importTooManyCells", values: { max: IMPORT_MAX_CELLS } } } });
  });

  it("a zip that is not one (no central directory, encrypted part, unknown method) is not a spreadsheet", async () => {
    const parts = await taskListParts();
    const valid = zipOf([...parts].map(([name, text]) => deflated(name, text)));
    expect(await refusal(valid.slice(0, valid.byteLength - 22))).toMatchObject({ fieldErrors: { file: { key: "importNotSpreadsheet" } } });
    const odd = zipOf([...parts].map(([name, text]) => ({ ...deflated(name, text), method: 9 as never })));
    expect(await refusal(odd)).toMatchObject({ fieldErrors: { file: { key: "importNotSpreadsheet" } } });
  });
});
