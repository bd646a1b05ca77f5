import { Fragment } from "react";
import { Document, Page, renderToBuffer, StyleSheet, Text, View, type Styles } from "@react-pdf/renderer";
import { lightFill } from "@/lib/exports/ledger-xlsx";
import type { BulletinDocument, BulletinTable } from "./bulletin-document";
import { PDF_FONT_FAMILY, registerPdfFonts } from "./pdf-fonts";

const styles = StyleSheet.create({
  page: { fontFamily: PDF_FONT_FAMILY, fontSize: 10, paddingTop: 48, paddingBottom: 48, paddingHorizontal: 48, lineHeight: 1.4 },
  sampleHeader: { position: "absolute", top: 20, left: 48, right: 48, fontSize: 7, color: "#92400E" },
  footer: { position: "absolute", bottom: 20, left: 48, right: 48, fontSize: 8, textAlign: "center", color: "#475569" },
  title: { fontSize: 16, fontWeight: 700, textAlign: "center", lineHeight: 1.6, marginBottom: 10 },
  sample: { fontSize: 9, color: "#92400E", marginBottom: 6 },
  line: { marginBottom: 2 },
  heading: { fontSize: 13, fontWeight: 700, marginTop: 12, marginBottom: 6 },
  subheading: { fontSize: 11, fontWeight: 700, marginTop: 8, marginBottom: 4 },
  table: { borderTopWidth: 0.5, borderLeftWidth: 0.5, borderColor: "#94A3B8" },
  row: { flexDirection: "row" },
  cell: { borderRightWidth: 0.5, borderBottomWidth: 0.5, borderColor: "#94A3B8", paddingVertical: 2, paddingHorizontal: 3, fontSize: 8 },
  headerCell: { backgroundColor: "#E2E8F0", fontWeight: 700 },
  method: { fontSize: 8, color: "#475569", marginTop: 12 },
});

function PdfTable({ table }: { table: BulletinTable }) {
  const cell = (width: number, extra: Styles[string] = {}): Styles[string][] => [styles.cell, { width: `${width}%` }, extra];
  return (
    <View style={styles.table}>
      {/* The header row comes back on every page the table runs over. */}
      <View style={styles.row} fixed>
        {table.columns.map((column, index) => (
          <Text key={index} style={cell(table.widths[index]!, styles.headerCell)}>{column}</Text>
        ))}
      </View>
      {table.rows.map((row, rowIndex) => (
        <View key={rowIndex} style={styles.row} wrap={false}>
          {row.map((value, index) => (
            <Text
              key={index}
              style={cell(table.widths[index]!, index === table.lightColumn && table.lights ? { backgroundColor: `#${lightFill[table.lights[rowIndex]!].slice(2)}` } : {})}
            >
              {value}
            </Text>
          ))}
        </View>
      ))}
    </View>
  );
}

function BulletinPdf({ doc }: { doc: BulletinDocument }) {
  return (
    <Document title={doc.title} creator="Luoshi" producer="Luoshi" language={doc.lang}>
      <Page size="A4" style={styles.page}>
        {/* Sample data is marked on every page, not only under the title. */}
        {doc.sampleNotice && <Text style={styles.sampleHeader} fixed>{doc.sampleNotice}</Text>}
        <Text style={styles.title}>{doc.title}</Text>
        {doc.sampleNotice && <Text style={styles.sample}>{doc.sampleNotice}</Text>}
        {doc.subtitle.map((line) => (
          <Text key={line} style={styles.line}>{line}</Text>
        ))}
        <Text style={styles.heading}>{doc.summary.heading}</Text>
        <PdfTable table={{ columns: doc.summary.columns, widths: [60, 40], rows: doc.summary.figures.map((figure) => [figure.label, figure.value]) }} />
        {/* Headings and tables stay direct children of the page: react-pdf only moves a heading
            to the next page (minPresenceAhead) when something comes before it in its parent. */}
        {doc.sections.map((section) => (
          <Fragment key={section.heading}>
            <Text style={styles.heading} minPresenceAhead={80}>{section.heading}</Text>
            {section.parts.length === 0 && section.empty && <Text>{section.empty}</Text>}
            {section.parts.map((part, index) => (
              <Fragment key={index}>
                {part.heading && <Text style={styles.subheading} minPresenceAhead={80}>{part.heading}</Text>}
                <PdfTable table={part.table} />
              </Fragment>
            ))}
          </Fragment>
        ))}
        <Text style={styles.method}>{doc.method}</Text>
        <Text style={styles.footer} fixed render={({ pageNumber, totalPages }) => doc.pageLabel(pageNumber, totalPages)} />
      </Page>
    </Document>
  );
}

/** The bulletin as a PDF with the embedded Noto Sans SC font (correct Chinese glyphs, selectable text). */
export async function renderBulletinPdf(doc: BulletinDocument): Promise<Buffer> {
  registerPdfFonts();
  return renderToBuffer(<BulletinPdf doc={doc} />);
}
