import { Document, Packer, Paragraph } from "docx";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { detectBufferType, TypeSniffer } from "@/lib/attachments/detect-type";

const pixel = () => sharp({ create: { width: 4, height: 4, channels: 3, background: "#c00" } });

function ftyp(major: string, compatible: string[]): Buffer {
  const size = 16 + 4 * compatible.length;
  const box = Buffer.alloc(size + 8);
  box.writeUInt32BE(size, 0);
  box.write("ftyp", 4, "latin1");
  box.write(major, 8, "latin1");
  compatible.forEach((brand, index) => box.write(brand, 16 + 4 * index, "latin1"));
  return box;
}

async function zipOf(files: Record<string, string>): Promise<Buffer> {
  const zip = new JSZip();
  for (const [name, content] of Object.entries(files)) zip.file(name, content);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

/** Feeds the bytes in small chunks, as an upload arrives, so zip names straddle chunk boundaries. */
function sniffInChunks(bytes: Buffer, size: number) {
  const sniffer = new TypeSniffer();
  for (let at = 0; at < bytes.length; at += size) sniffer.write(bytes.subarray(at, at + size));
  return sniffer.result();
}

describe("detect type from bytes", () => {
  it("knows the allowed images", async () => {
    expect(detectBufferType(await pixel().jpeg().toBuffer())).toBe("image/jpeg");
    expect(detectBufferType(await pixel().png().toBuffer())).toBe("image/png");
    expect(detectBufferType(await pixel().webp().toBuffer())).toBe("image/webp");
    expect(detectBufferType(ftyp("heic", ["mif1", "heic"]))).toBe("image/heic");
    expect(detectBufferType(ftyp("mif1", ["mif1", "miaf"]))).toBe("image/heif");
  });

  it("refuses AVIF and other ISO media (mp4) though they share the ftyp box", () => {
    expect(detectBufferType(ftyp("avif", ["avif", "mif1"]))).toBeNull();
    expect(detectBufferType(ftyp("mif1", ["avif", "mif1"]))).toBeNull();
    expect(detectBufferType(ftyp("isom", ["isom", "mp41"]))).toBeNull();
  });

  it("knows PDF", () => {
    expect(detectBufferType(Buffer.from("%PDF-1.7\n%âãÏÓ\n1 0 obj"))).toBe("application/pdf");
  });

  it("knows docx, xlsx and pptx by their parts, in any chunking", async () => {
    const docx = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph("证明")] }] }));
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("a").addRow([1]);
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    const pptx = await zipOf({ "[Content_Types].xml": "<Types/>", "ppt/presentation.xml": "<p/>" });
    for (const size of [7, 100, 65536]) {
      expect(sniffInChunks(docx, size)).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
      expect(sniffInChunks(xlsx, size)).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
      expect(sniffInChunks(pptx, size)).toBe("application/vnd.openxmlformats-officedocument.presentationml.presentation");
    }
  });

  it("refuses a plain zip and an Office file with macros", async () => {
    expect(detectBufferType(await zipOf({ "photo.jpg": "x", "setup.exe": "MZ" }))).toBeNull();
    expect(detectBufferType(await zipOf({ "[Content_Types].xml": "<Types/>" }))).toBeNull();
    const docm = await zipOf({ "[Content_Types].xml": "<Types/>", "word/document.xml": "<w/>", "word/vbaProject.bin": "x" });
    expect(detectBufferType(docm)).toBeNull();
  });

  it("refuses executables and scripts, whatever they are called", () => {
    const exe = Buffer.concat([Buffer.from("MZ\x90\x00", "latin1"), Buffer.alloc(200)]);
    expect(detectBufferType(exe)).toBeNull(); // e.g. setup.exe renamed report.pdf
    expect(detectBufferType(Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]))).toBeNull();
    expect(detectBufferType(Buffer.from([0xcf, 0xfa, 0xed, 0xfe, 7, 0, 0, 1]))).toBeNull();
    expect(detectBufferType(Buffer.from("#!/bin/sh\nrm -rf /\n"))).toBeNull();
  });

  it("refuses text, HTML, SVG and empty files", () => {
    expect(detectBufferType(Buffer.from("plain text"))).toBeNull();
    expect(detectBufferType(Buffer.from("<html><script>alert(1)</script>"))).toBeNull();
    expect(detectBufferType(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(detectBufferType(Buffer.alloc(0))).toBeNull();
  });
});
