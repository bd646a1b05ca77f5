import {
  AlignmentType,
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
  TextRun,
  WidthType,
  type IRunOptions,
} from "docx";
import { lightFill } from "@/lib/exports/ledger-xlsx";
import type { BulletinDocument, BulletinTable } from "./bulletin-document";

// Word picks the East-Asian font for Chinese characters; without it Chinese falls back to whatever the reader has.
const FONT = { ascii: "Arial", hAnsi: "Arial", eastAsia: "Microsoft YaHei", cs: "Arial" } as const;
// A4 portrait with 2 cm margins, in twentieths of a point.
const PAGE = { width: 11906, height: 16838, margin: 1134 };
const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;
// Marks where Word's own page fields go in the translated "page X of Y".
const PAGE_MARK = "\u0001";
const PAGES_MARK = "\u0002";

const run = (text: string, options: Omit<IRunOptions, "text" | "font"> = {}) => new TextRun({ text, font: FONT, ...options });
type ParagraphOptions = { size?: number; bold?: boolean; color?: string; spacingAfter?: number; align?: (typeof AlignmentType)[keyof typeof AlignmentType]; keepNext?: boolean };
const paragraph = (text: string, options: ParagraphOptions = {}) =>
  new Paragraph({
    alignment: options.align,
    keepNext: options.keepNext,
    spacing: { after: options.spacingAfter ?? 120 },
    children: [run(text, { size: options.size, bold: options.bold, color: options.color })],
  });

function table(spec: BulletinTable): Table {
  const columnWidths = spec.widths.map((share) => Math.floor((share / 100) * CONTENT_WIDTH));
  const cell = (text: string, width: number, options: { bold?: boolean; fill?: string } = {}) =>
    new TableCell({
      width: { size: width, type: WidthType.DXA },
      shading: options.fill ? { type: ShadingType.CLEAR, fill: options.fill, color: "auto" } : undefined,
      margins: { top: 40, bottom: 40, left: 60, right: 60 },
      // A header row keeps with the first row below it.
      children: text.split("\n").map((line) => new Paragraph({ keepNext: options.bold, children: [run(line, { size: 18, bold: options.bold })] })),
    });
  return new Table({
    width: { size: CONTENT_WIDTH, type: WidthType.DXA },
    columnWidths,
    rows: [
      // The header row repeats on every page the table runs over.
      new TableRow({ tableHeader: true, children: spec.columns.map((column, index) => cell(column, columnWidths[index]!, { bold: true, fill: "E2E8F0" })) }),
      ...spec.rows.map(
        (row, rowIndex) =>
          new TableRow({
            cantSplit: true,
            children: row.map((value, index) =>
              cell(value, columnWidths[index]!, {
                fill: index === spec.lightColumn && spec.lights ? lightFill[spec.lights[rowIndex]!].slice(2) : undefined,
              }),
            ),
          }),
      ),
    ],
  });
}

/** The bulletin as a Word document (.docx), with the East-Asian font set on every run. */
export async function renderBulletinDocx(doc: BulletinDocument): Promise<Buffer> {
  const [before, after] = doc.pageLabel(PAGE_MARK, PAGES_MARK).split(PAGE_MARK) as [string, string];
  const [middle, end] = after.split(PAGES_MARK) as [string, string];
  const children: (Paragraph | Table)[] = [
    paragraph(doc.title, { size: 32, bold: true, align: AlignmentType.CENTER, spacingAfter: 240 }),
    ...(doc.sampleNotice ? [paragraph(doc.sampleNotice, { size: 18, color: "92400E" })] : []),
    ...doc.subtitle.map((line) => paragraph(line, { size: 20 })),
    paragraph(doc.summary.heading, { size: 26, bold: true, spacingAfter: 120, keepNext: true }),
    table({ columns: doc.summary.columns, widths: [60, 40], rows: doc.summary.figures.map((figure) => [figure.label, figure.value]) }),
  ];
  for (const section of doc.sections) {
    // Headings keep with what follows, so none ends a page alone.
    children.push(paragraph("", { spacingAfter: 0 }), paragraph(section.heading, { size: 26, bold: true, keepNext: true }));
    if (section.parts.length === 0 && section.empty) children.push(paragraph(section.empty));
    for (const part of section.parts) {
      if (part.heading) children.push(paragraph(part.heading, { size: 22, bold: true, spacingAfter: 80, keepNext: true }));
      children.push(table(part.table), paragraph("", { spacingAfter: 0 }));
    }
  }
  children.push(paragraph(doc.method, { size: 18, color: "475569" }));

  const document = new Document({
    title: doc.title,
    creator: "Luoshi",
    styles: { default: { document: { run: { font: FONT, size: 21 } } } },
    sections: [
      {
        properties: { page: { size: { width: PAGE.width, height: PAGE.height }, margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin } } },
        // Sample data is marked on every page, not only under the title.
        headers: doc.sampleNotice ? { default: new Header({ children: [paragraph(doc.sampleNotice, { size: 14, color: "92400E" })] }) } : undefined,
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ font: FONT, size: 16, children: [before, PageNumber.CURRENT, middle, PageNumber.TOTAL_PAGES, end] })],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}
