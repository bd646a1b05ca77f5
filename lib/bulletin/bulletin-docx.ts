import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TabStopType,
  TextRun,
  WidthType,
} from "docx";
import JSZip from "jszip";
import type { BulletinBlock, BulletinDocument, BulletinTable } from "./bulletin-document";

// Word uses the reader's installed fonts: 仿宋 (FangSong) for the body and 黑体 (SimHei)
// for headings, as in official documents. The East-Asian slot is what Chinese text uses.
const BODY = { ascii: "FangSong", hAnsi: "FangSong", eastAsia: "仿宋", cs: "FangSong" } as const;
const HEI = { ascii: "SimHei", hAnsi: "SimHei", eastAsia: "黑体", cs: "SimHei" } as const;
const RED = "C00000";
// A4 portrait; margins close to the 公文 layout (top 3.7 cm, sides 2.8/2.6 cm), in twentieths of a point.
const PAGE = { width: 11906, height: 16838, top: 2098, bottom: 1984, left: 1588, right: 1474 };
const CONTENT_WIDTH = PAGE.width - PAGE.left - PAGE.right;
// Marks where Word's own page fields go in the translated "第 X 页 共 Y 页".
const PAGE_MARK = "\u0001";
const PAGES_MARK = "\u0002";

type Font = typeof BODY | typeof HEI;
type Line = { font?: Font; size?: number; bold?: boolean; color?: string; after?: number; before?: number; align?: (typeof AlignmentType)[keyof typeof AlignmentType]; indent?: boolean; keepNext?: boolean };
/** One paragraph of one run; sizes in half-points. */
const line = (text: string, options: Line = {}) =>
  new Paragraph({
    alignment: options.align,
    keepNext: options.keepNext,
    // A first-line indent of two characters, as Chinese paragraphs have.
    indent: options.indent ? { firstLine: 2 * (options.size ?? 24) * 10 } : undefined,
    spacing: { before: options.before ?? 0, after: options.after ?? 60, line: 360 },
    children: [new TextRun({ text, font: options.font ?? BODY, size: options.size ?? 24, bold: options.bold, color: options.color })],
  });

function table(spec: BulletinTable): Table {
  const columnWidths = spec.widths.map((share) => Math.floor((share / 100) * CONTENT_WIDTH));
  const cell = (text: string, width: number, header = false) =>
    new TableCell({
      width: { size: width, type: WidthType.DXA },
      shading: header ? { type: ShadingType.CLEAR, fill: "E2E8F0", color: "auto" } : undefined,
      margins: { top: 40, bottom: 40, left: 60, right: 60 },
      // A header row keeps with the first row below it.
      children: [new Paragraph({ keepNext: header, children: [new TextRun({ text, font: HEI, size: 18, bold: header })] })],
    });
  return new Table({
    width: { size: CONTENT_WIDTH, type: WidthType.DXA },
    columnWidths,
    rows: [
      // The header row repeats on every page the table runs over.
      new TableRow({ tableHeader: true, children: spec.columns.map((column, index) => cell(column, columnWidths[index]!, true)) }),
      ...spec.rows.map((row) => new TableRow({ cantSplit: true, children: row.map((value, index) => cell(value, columnWidths[index]!)) })),
    ],
  });
}

function block(item: BulletinBlock): Paragraph | Table {
  switch (item.kind) {
    case "subheading":
      return line(item.text, { font: HEI, size: 24, before: 120, keepNext: true });
    case "label":
      return line(item.text, { bold: true, indent: true, keepNext: true });
    case "paragraph":
      return line(item.text, { indent: true });
    case "table":
      return table(item.table);
  }
}

/** The 红头: the document's name in red, the 期号, the office and the date, and a red rule. */
function masthead(doc: BulletinDocument): Paragraph[] {
  return [
    line(doc.kind, { font: HEI, size: 64, bold: true, color: RED, align: AlignmentType.CENTER, after: 120 }),
    line(doc.masthead.issue, { align: AlignmentType.CENTER, after: 120 }),
    new Paragraph({
      tabStops: [{ type: TabStopType.RIGHT, position: CONTENT_WIDTH }],
      border: { bottom: { style: BorderStyle.SINGLE, size: 18, color: RED, space: 4 } },
      spacing: { after: 360 },
      children: [new TextRun({ text: doc.masthead.issuer, font: HEI, size: 24, bold: true, color: RED }), new TextRun({ text: `\t${doc.masthead.date}`, font: BODY, size: 24 })],
    }),
  ];
}

/**
 * Declares the fonts with their English names and the GB2312 charset, so Word
 * finds FangSong/SimHei under either name and, where neither is installed,
 * substitutes a Chinese serif (SimSun) or sans serif rather than a Latin font.
 */
const FONT_TABLE = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:font w:name="仿宋"><w:altName w:val="FangSong"/><w:panose1 w:val="02010609060101010101"/><w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>
<w:font w:name="FangSong"><w:altName w:val="仿宋"/><w:panose1 w:val="02010609060101010101"/><w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>
<w:font w:name="黑体"><w:altName w:val="SimHei"/><w:panose1 w:val="02010609060101010101"/><w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>
<w:font w:name="SimHei"><w:altName w:val="黑体"/><w:panose1 w:val="02010609060101010101"/><w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>
</w:fonts>`;

/** The 通报 as a Word document (.docx): 红头, body in 仿宋, headings in 黑体, page X of Y in the footer. */
export async function renderBulletinDocx(doc: BulletinDocument): Promise<Buffer> {
  const [before, after] = doc.pageLabel(PAGE_MARK, PAGES_MARK).split(PAGE_MARK) as [string, string];
  const [middle, end] = after.split(PAGES_MARK) as [string, string];
  const children: (Paragraph | Table)[] = [
    ...masthead(doc),
    line(doc.title, { font: HEI, size: 32, bold: true, align: AlignmentType.CENTER, after: 240 }),
    ...(doc.sampleNotice ? [line(doc.sampleNotice, { font: HEI, size: 18, color: "92400E", after: 120 })] : []),
    // The summary (the inspector's text, or the draft) opens the bulletin.
    ...doc.summary.map((text) => line(text, { indent: true })),
    line(doc.lead, { indent: true }),
  ];
  for (const section of doc.sections) {
    // Headings keep with what follows, so none ends a page alone.
    children.push(line(section.heading, { font: HEI, size: 28, before: 240, keepNext: true }));
    children.push(...section.blocks.map(block));
  }
  children.push(line(doc.method, { size: 18, color: "475569", before: 240 }));

  const document = new Document({
    title: doc.title,
    creator: "Luoshi",
    styles: { default: { document: { run: { font: BODY, size: 24 } } } },
    sections: [
      {
        properties: {
          page: { size: { width: PAGE.width, height: PAGE.height }, margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right } },
        },
        // Sample data is marked on every page, not only under the title.
        headers: doc.sampleNotice ? { default: new Header({ children: [line(doc.sampleNotice, { font: HEI, size: 14, color: "92400E" })] }) } : undefined,
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ font: BODY, size: 18, children: [before, PageNumber.CURRENT, middle, PageNumber.TOTAL_PAGES, end] })],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  const zip = await JSZip.loadAsync(await Packer.toBuffer(document));
  zip.file("word/fontTable.xml", FONT_TABLE);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}
