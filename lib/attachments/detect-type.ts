/**
 * What a file is, from its bytes alone (never its name or the browser's
 * Content-Type): the allowed evidence types, or null. Fed chunk by chunk while
 * an upload streams, so nothing is buffered beyond the head and a small carry.
 *
 * Plain zip archives are refused: they can carry anything (executables, other
 * archives, zip bombs), an inspector cannot look at them in the browser, and
 * evidence should be the photos and documents themselves. Office files are zips
 * too; they pass only with `[Content_Types].xml` and their part folder
 * (word/, xl/, ppt/), and never with macros (vbaProject.bin).
 */
export const ALLOWED_TYPES = {
  "image/jpeg": "jpg",
  "image/png": "png",
  "image/webp": "webp",
  "image/heic": "heic",
  "image/heif": "heif",
  "application/pdf": "pdf",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
  "application/vnd.openxmlformats-officedocument.presentationml.presentation": "pptx",
} as const;

export type AllowedMimeType = keyof typeof ALLOWED_TYPES;

const HEAD_SIZE = 64;
const HEIC_BRANDS = new Set(["heic", "heix", "hevc", "hevx", "heim", "heis"]);
const HEIF_BRANDS = new Set(["mif1", "msf1", "heif"]);
const LOCAL_HEADER = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const CENTRAL_HEADER = Buffer.from([0x50, 0x4b, 0x01, 0x02]);
/** Enough carry between chunks for a header and the names we look for. */
const CARRY = 512;

export class TypeSniffer {
  private head = Buffer.alloc(0);
  private carry = Buffer.alloc(0);
  private zipNames = { contentTypes: false, word: false, xl: false, ppt: false, macros: false };

  write(chunk: Buffer): void {
    if (this.head.length < HEAD_SIZE) {
      this.head = Buffer.concat([this.head, chunk.subarray(0, HEAD_SIZE - this.head.length)]);
    }
    if (this.head.subarray(0, 4).equals(LOCAL_HEADER)) this.scanZipNames(chunk);
  }

  /** The detected MIME type, or null when the bytes are not an allowed type. */
  result(): AllowedMimeType | null {
    return detectType(this.head, this.zipNames);
  }

  /** False once the first bytes rule out every allowed type (only an Office zip is decided at its end). */
  mayBecomeAllowed(): boolean {
    return this.head.length < HEAD_SIZE || this.head.subarray(0, 4).equals(LOCAL_HEADER) || this.result() !== null;
  }

  /** Names of zip entries, from local and central directory headers, wherever a chunk boundary falls. */
  private scanZipNames(chunk: Buffer): void {
    const data = Buffer.concat([this.carry, chunk]);
    let scannedTo = 0;
    for (const [signature, nameLengthAt, nameOffset] of [
      [LOCAL_HEADER, 26, 30],
      [CENTRAL_HEADER, 28, 46],
    ] as const) {
      let at = data.indexOf(signature);
      while (at !== -1) {
        if (at + nameOffset > data.length) break;
        const nameLength = data.readUInt16LE(at + nameLengthAt);
        if (at + nameOffset + Math.min(nameLength, 64) > data.length) break;
        this.noteName(data.subarray(at + nameOffset, at + nameOffset + Math.min(nameLength, 64)).toString("latin1"));
        scannedTo = Math.max(scannedTo, at + 4);
        at = data.indexOf(signature, at + 4);
      }
    }
    this.carry = data.subarray(Math.max(scannedTo, data.length - CARRY));
  }

  private noteName(name: string): void {
    if (name === "[Content_Types].xml") this.zipNames.contentTypes = true;
    if (name.startsWith("word/")) this.zipNames.word = true;
    if (name.startsWith("xl/")) this.zipNames.xl = true;
    if (name.startsWith("ppt/")) this.zipNames.ppt = true;
    if (name.toLowerCase().endsWith("vbaproject.bin")) this.zipNames.macros = true;
  }
}

/** Detects a whole small buffer (tests, thumbnails). */
export function detectBufferType(bytes: Buffer): AllowedMimeType | null {
  const sniffer = new TypeSniffer();
  sniffer.write(bytes);
  return sniffer.result();
}

function detectType(head: Buffer, zip: TypeSniffer["zipNames"]): AllowedMimeType | null {
  if (isExecutable(head)) return null;
  if (startsWith(head, [0xff, 0xd8, 0xff])) return "image/jpeg";
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (ascii(head, 0, 4) === "RIFF" && ascii(head, 8, 12) === "WEBP") return "image/webp";
  if (ascii(head, 0, 5) === "%PDF-") return "application/pdf";
  if (ascii(head, 4, 8) === "ftyp") return heifType(head);
  if (head.subarray(0, 4).equals(LOCAL_HEADER)) {
    if (!zip.contentTypes || zip.macros) return null;
    if (zip.word) return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    if (zip.xl) return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    if (zip.ppt) return "application/vnd.openxmlformats-officedocument.presentationml.presentation";
  }
  return null;
}

/** HEIC/HEIF by the ftyp box's major brand, or its compatible brands; AVIF (also mif1) is not allowed. */
function heifType(head: Buffer): AllowedMimeType | null {
  const boxSize = head.length >= 4 ? head.readUInt32BE(0) : 0;
  const brands = [ascii(head, 8, 12)];
  for (let at = 16; at + 4 <= Math.min(boxSize, head.length); at += 4) brands.push(ascii(head, at, at + 4));
  if (brands.includes("avif") || brands.includes("avis")) return null;
  if (brands.some((brand) => HEIC_BRANDS.has(brand))) return "image/heic";
  if (brands.some((brand) => HEIF_BRANDS.has(brand))) return "image/heif";
  return null;
}

/** Windows PE (MZ), ELF, Mach-O (both endians, 32/64-bit, universal) and scripts (#!). */
function isExecutable(head: Buffer): boolean {
  const magic = head.subarray(0, 4).toString("hex");
  return (
    ascii(head, 0, 2) === "MZ" ||
    ascii(head, 0, 2) === "#!" ||
    magic === "7f454c46" ||
    ["feedface", "feedfacf", "cefaedfe", "cffaedfe", "cafebabe"].includes(magic)
  );
}

function startsWith(head: Buffer, bytes: number[]): boolean {
  return bytes.every((byte, index) => head[index] === byte);
}

function ascii(head: Buffer, from: number, to: number): string {
  return head.subarray(from, to).toString("latin1");
}

/** Whether a detected type is shown in the browser (images, PDF) rather than downloaded. */
export function isInlineType(mimeType: string): boolean {
  return mimeType.startsWith("image/") || mimeType === "application/pdf";
}

export function isImageType(mimeType: string): boolean {
  return mimeType.startsWith("image/");
}
