import { Readable } from "node:stream";
import { createInflateRaw } from "node:zlib";
import { AppError, fieldError } from "@/lib/errors/app-error";
import {
  IMPORT_MAX_CELLS,
  IMPORT_MAX_COLUMNS,
  IMPORT_MAX_ELEMENTS,
  IMPORT_MAX_PART_BYTES,
  IMPORT_MAX_PARTS,
  IMPORT_MAX_ROWS,
  IMPORT_MAX_TOTAL_BYTES,
} from "./import-limits";

/*
 * An .xlsx is a zip of XML parts; a few kilobytes of deflate can expand to
 * gigabytes, and ExcelJS inflates every part into memory before it looks at
 * any. So before ExcelJS sees a file, this reads the zip's central directory
 * exactly as JSZip (ExcelJS's unzipper) does, refuses any part whose declared
 * size is over the limits, then inflates each part as a stream, counting the
 * bytes that really come out (declared sizes can lie) and the XML structure
 * (rows, cells, columns, elements), and stops at the first limit passed.
 * Nothing is kept: memory stays at a few chunks whatever the file holds.
 */

const EOCD_SIGNATURE = 0x06054b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const EOCD_LENGTH = 22;
const FEED_CHUNK = 64 * 1024;
/** The longest single tag the scan accepts (a cell tag is tens of bytes). */
const MAX_TAG_LENGTH = 64 * 1024;

interface ZipPart {
  name: string;
  method: number;
  compressedSize: number;
  declaredSize: number;
  dataStart: number;
}

/** What the scan found; exported for tests. */
export interface XlsxInspection {
  parts: number;
  inflatedBytes: number;
  cells: number;
  /** Non-empty rows of the fullest worksheet, header included. */
  largestSheetRows: number;
}

const notSpreadsheet = () => fieldError("file", "importNotSpreadsheet");
const expandsTooLarge = () =>
  new AppError("PAYLOAD_TOO_LARGE", {}, { file: { key: "importExpandsTooLarge", values: { maxMb: IMPORT_MAX_TOTAL_BYTES / 1024 / 1024 } } });
const tooManyCells = () => fieldError("file", "importTooManyCells", { max: IMPORT_MAX_CELLS });

/** Checks an .xlsx's zip before it is loaded; throws the refusal (4xx) of the first limit passed. */
export async function inspectXlsxZip(bytes: Uint8Array): Promise<XlsxInspection> {
  const parts = readCentralDirectory(bytes);
  let declaredTotal = 0;
  for (const part of parts) {
    const size = part.method === 0 ? part.compressedSize : part.declaredSize;
    declaredTotal += size;
    if (size > IMPORT_MAX_PART_BYTES || declaredTotal > IMPORT_MAX_TOTAL_BYTES) throw expandsTooLarge();
  }
  const totals: Totals = { inflated: 0, cells: 0, elements: 0 };
  let largestSheetRows = 0;
  for (const part of parts) {
    // Only XML is parsed by ExcelJS; of pictures, thumbnails and printer settings only the size counts.
    const xml = /\.(xml|rels|vml)$/i.test(part.name) && !/xl\/media\//.test(part.name);
    const scan = !xml ? null : new XmlScan(/xl\/worksheets\/sheet(\d+)[.]xml/.test(part.name), totals);
    await inflatePart(bytes, part, totals, (text) => scan?.feed(text));
    if (!scan) continue;
    scan.end();
    largestSheetRows = Math.max(largestSheetRows, scan.valueRows);
  }
  if (largestSheetRows - 1 > IMPORT_MAX_ROWS) throw fieldError("file", "importTooManyRows", { count: largestSheetRows - 1, max: IMPORT_MAX_ROWS });
  return { parts: parts.length, inflatedBytes: totals.inflated, cells: totals.cells, largestSheetRows };
}

/** The parts listed in the central directory, located as JSZip locates them. */
function readCentralDirectory(bytes: Uint8Array): ZipPart[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (offset: number) => view.getUint16(offset, true);
  const u32 = (offset: number) => view.getUint32(offset, true);
  // The end record is the last signature in the file (its comment is at most 64 KiB).
  let eocd = -1;
  for (let offset = bytes.byteLength - EOCD_LENGTH; offset >= Math.max(0, bytes.byteLength - EOCD_LENGTH - 0xffff); offset--) {
    if (u32(offset) === EOCD_SIGNATURE) {
      eocd = offset;
      break;
    }
  }
  if (eocd < 0) throw notSpreadsheet();
  // Zip64 and multi-disk archives are not what a spreadsheet of a few MB needs; refusing them keeps one reading.
  if (eocd >= 20 && u32(eocd - 20) === ZIP64_LOCATOR_SIGNATURE) throw notSpreadsheet();
  const entries = u16(eocd + 10);
  const directorySize = u32(eocd + 12);
  const directoryOffset = u32(eocd + 16);
  if (u16(eocd + 4) !== 0 || u16(eocd + 6) !== 0 || u16(eocd + 8) !== entries) throw notSpreadsheet();
  if (entries > IMPORT_MAX_PARTS) throw tooManyCells();
  // The directory must end where the end record starts: no bytes before or between that a reader could shift by.
  if (directoryOffset + directorySize !== eocd) throw notSpreadsheet();

  const parts: ZipPart[] = [];
  let offset = directoryOffset;
  for (let index = 0; index < entries; index++) {
    if (offset + 46 > eocd || u32(offset) !== CENTRAL_SIGNATURE) throw notSpreadsheet();
    const flags = u16(offset + 8);
    const method = u16(offset + 10);
    const compressedSize = u32(offset + 20);
    const declaredSize = u32(offset + 24);
    const nameLength = u16(offset + 28);
    const extraLength = u16(offset + 30);
    const commentLength = u16(offset + 32);
    const localOffset = u32(offset + 42);
    const name = Buffer.from(bytes.buffer, bytes.byteOffset + offset + 46, nameLength).toString("utf8");
    // Encrypted parts, methods other than stored and deflate, and zip64 sizes are refused.
    if (flags & 0x1 || (method !== 0 && method !== 8)) throw notSpreadsheet();
    if (compressedSize === 0xffffffff || declaredSize === 0xffffffff || localOffset === 0xffffffff) throw notSpreadsheet();
    if (localOffset + 30 > bytes.byteLength || u32(localOffset) !== LOCAL_SIGNATURE) throw notSpreadsheet();
    const dataStart = localOffset + 30 + u16(localOffset + 26) + u16(localOffset + 28);
    if (dataStart + compressedSize > bytes.byteLength) throw notSpreadsheet();
    parts.push({ name, method, compressedSize, declaredSize, dataStart });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  if (offset !== eocd) throw notSpreadsheet();
  return parts;
}

interface Totals {
  inflated: number;
  cells: number;
  elements: number;
}

/**
 * Inflates one part as a stream, handing its text to `onText` chunk by chunk;
 * stops as soon as the part or the whole file passes its size limit, or the
 * part yields more than it declared.
 */
async function inflatePart(bytes: Uint8Array, part: ZipPart, totals: Totals, onText: (text: string) => void): Promise<void> {
  const data = Buffer.from(bytes.buffer, bytes.byteOffset + part.dataStart, part.compressedSize);
  const limit = Math.min(part.method === 0 ? part.compressedSize : part.declaredSize, IMPORT_MAX_PART_BYTES);
  let produced = 0;
  const count = (chunk: Buffer) => {
    produced += chunk.byteLength;
    totals.inflated += chunk.byteLength;
    if (produced > limit || totals.inflated > IMPORT_MAX_TOTAL_BYTES) throw expandsTooLarge();
    // Markup is ASCII: latin1 reads it byte for byte, whatever the text around it.
    onText(chunk.toString("latin1"));
  };
  if (part.method === 0) {
    for (let start = 0; start < data.byteLength; start += FEED_CHUNK) count(data.subarray(start, start + FEED_CHUNK));
    return;
  }
  const chunks = function* () {
    for (let start = 0; start < data.byteLength; start += FEED_CHUNK) yield data.subarray(start, start + FEED_CHUNK);
  };
  const inflater = Readable.from(chunks()).pipe(createInflateRaw());
  try {
    for await (const chunk of inflater) count(chunk as Buffer);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw notSpreadsheet();
  } finally {
    inflater.destroy();
  }
}

// An element's start (or self-closing) tag, with an optional namespace prefix; end tags separately.
const TAG = /<(\/?)(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)([^>]*)>/g;
const CELL_REFERENCE = /\br\s*=\s*["']\$?([A-Za-z]{1,4})\$?\d*["']/;
const DIMENSION_REFERENCE = /\bref\s*=\s*["'][^"':]*:?\$?([A-Za-z]{1,4})\$?\d*["']/;

/**
 * Counts, over the text of one part: elements (every tag), cells and the
 * highest column they reach, and, in a worksheet, the rows that hold a value
 * (as ExcelJS counts them). Over-counting is harmless; it can only refuse.
 */
class XmlScan {
  private carry = "";
  private column = 0;
  private rowHasValue = false;
  private inRow = false;
  valueRows = 0;

  constructor(
    private readonly worksheet: boolean,
    private readonly totals: Totals,
  ) {}

  feed(text: string): void {
    const buffer = this.carry + text;
    const open = buffer.lastIndexOf("<");
    const complete = open >= 0 && buffer.indexOf(">", open) < 0 ? open : buffer.length;
    this.carry = buffer.slice(complete);
    if (this.carry.length > MAX_TAG_LENGTH) throw tooManyCells();
    const body = buffer.slice(0, complete);
    TAG.lastIndex = 0;
    for (let match = TAG.exec(body); match; match = TAG.exec(body)) this.tag(match[1] === "/", match[2]!, match[3]!);
  }

  end(): void {
    this.closeRow();
  }

  private tag(closing: boolean, name: string, attributes: string): void {
    if (++this.totals.elements > IMPORT_MAX_ELEMENTS) throw tooManyCells();
    if (closing) {
      if (name === "row") this.closeRow();
      return;
    }
    const selfClosing = attributes.endsWith("/");
    if (name === "row") {
      this.closeRow();
      this.inRow = !selfClosing;
      this.column = 0;
    } else if (name === "c") {
      if (++this.totals.cells > IMPORT_MAX_CELLS) throw tooManyCells();
      const reference = CELL_REFERENCE.exec(attributes);
      this.column = reference ? columnNumber(reference[1]!) : this.column + 1;
      if (this.column > IMPORT_MAX_COLUMNS) throw tooManyColumns(this.column);
    } else if (name === "v" || name === "is" || name === "f") {
      if (this.inRow) this.rowHasValue = true;
    } else if (name === "dimension") {
      const reference = DIMENSION_REFERENCE.exec(attributes);
      const column = reference ? columnNumber(reference[1]!) : 0;
      if (column > IMPORT_MAX_COLUMNS) throw tooManyColumns(column);
    }
  }

  private closeRow(): void {
    if (this.inRow && this.rowHasValue && this.worksheet) this.valueRows++;
    this.inRow = false;
    this.rowHasValue = false;
  }
}

function tooManyColumns(column: number): AppError {
  return fieldError("file", "importTooManyColumns", { count: column, max: IMPORT_MAX_COLUMNS });
}

/** "A" → 1, "Z" → 26, "AA" → 27. */
function columnNumber(letters: string): number {
  let number = 0;
  for (const letter of letters.toUpperCase()) number = number * 26 + (letter.charCodeAt(0) - 64);
  return number;
}
