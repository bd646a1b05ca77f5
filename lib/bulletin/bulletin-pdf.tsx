import { Fragment } from "react";
import { Document, Page, renderToBuffer, StyleSheet, Text, View } from "@react-pdf/renderer";
import type { BulletinBlock, BulletinDocument, BulletinTable } from "./bulletin-document";
import { PDF_BODY_FONT, PDF_HEADING_FONT, registerPdfFonts } from "./pdf-fonts";

/** The red of a 红头: masthead and the rule under it. */
export const MASTHEAD_RED = "#C00000";

const styles = StyleSheet.create({
  page: { fontFamily: PDF_BODY_FONT, fontSize: 11, paddingTop: 56, paddingBottom: 56, paddingHorizontal: 64 },
  sampleHeader: { position: "absolute", top: 24, left: 64, right: 64, fontFamily: PDF_HEADING_FONT, fontSize: 7, color: "#92400E" },
  // No lineHeight here nor on the page: react-pdf 4.9 draws no render-prop text (the page numbers) that has one.
  footer: { position: "absolute", bottom: 24, left: 64, right: 64, fontSize: 9, textAlign: "center", color: "#334155" },
  kind: { fontFamily: PDF_HEADING_FONT, fontWeight: 700, fontSize: 32, color: MASTHEAD_RED, textAlign: "center", letterSpacing: 12, lineHeight: 1.3 },
  issue: { fontSize: 12, textAlign: "center", marginTop: 6, lineHeight: 1.6 },
  mastheadRow: { flexDirection: "row", justifyContent: "space-between", marginTop: 8, fontSize: 11, lineHeight: 1.6 },
  issuer: { fontFamily: PDF_HEADING_FONT, fontWeight: 700, color: MASTHEAD_RED },
  rule: { borderBottomWidth: 2, borderBottomColor: MASTHEAD_RED, marginTop: 4, marginBottom: 18 },
  title: { fontFamily: PDF_HEADING_FONT, fontWeight: 700, fontSize: 16, textAlign: "center", lineHeight: 1.5, marginBottom: 10 },
  sample: { fontFamily: PDF_HEADING_FONT, fontSize: 8, color: "#92400E", marginBottom: 8, lineHeight: 1.5 },
  paragraph: { textIndent: 22, marginBottom: 3, lineHeight: 1.6 },
  heading: { fontFamily: PDF_HEADING_FONT, fontWeight: 700, fontSize: 13, marginTop: 12, marginBottom: 4, lineHeight: 1.6 },
  subheading: { fontFamily: PDF_HEADING_FONT, fontSize: 12, marginTop: 8, marginBottom: 3, lineHeight: 1.6 },
  label: { fontWeight: 700, marginTop: 4, marginBottom: 2, textIndent: 22, lineHeight: 1.6 },
  table: { borderTopWidth: 0.5, borderLeftWidth: 0.5, borderColor: "#64748B", marginTop: 2, marginBottom: 4 },
  row: { flexDirection: "row" },
  cell: { borderRightWidth: 0.5, borderBottomWidth: 0.5, borderColor: "#64748B", paddingVertical: 2, paddingHorizontal: 3, fontFamily: PDF_HEADING_FONT, fontSize: 8, lineHeight: 1.4 },
  headerCell: { backgroundColor: "#E2E8F0", fontWeight: 700 },
  method: { fontSize: 8, color: "#475569", marginTop: 14, lineHeight: 1.5 },
});

function PdfTable({ table }: { table: BulletinTable }) {
  return (
    <View style={styles.table}>
      {/* The header row comes back on every page the table runs over. */}
      <View style={styles.row} fixed>
        {table.columns.map((column, index) => (
          <Text key={index} style={[styles.cell, styles.headerCell, { width: `${table.widths[index]}%` }]}>{column}</Text>
        ))}
      </View>
      {table.rows.map((row, rowIndex) => (
        <View key={rowIndex} style={styles.row} wrap={false}>
          {row.map((value, index) => (
            <Text key={index} style={[styles.cell, { width: `${table.widths[index]}%` }]}>{value}</Text>
          ))}
        </View>
      ))}
    </View>
  );
}

function Block({ block }: { block: BulletinBlock }) {
  // Headings keep some room after them (minPresenceAhead), so none ends a page alone.
  switch (block.kind) {
    case "subheading":
      return <Text style={styles.subheading} minPresenceAhead={60}>{block.text}</Text>;
    case "label":
      return <Text style={styles.label} minPresenceAhead={40}>{block.text}</Text>;
    case "paragraph":
      return <Text style={styles.paragraph}>{block.text}</Text>;
    case "table":
      return <PdfTable table={block.table} />;
  }
}

function BulletinPdf({ doc }: { doc: BulletinDocument }) {
  return (
    <Document title={doc.title} creator="Luoshi" producer="Luoshi" language={doc.lang}>
      <Page size="A4" style={styles.page}>
        {/* Sample data is marked on every page, not only under the title. */}
        {doc.sampleNotice && <Text style={styles.sampleHeader} fixed>{doc.sampleNotice}</Text>}
        <Text style={[styles.kind, doc.lang === "en" ? { letterSpacing: 1 } : {}]}>{doc.kind}</Text>
        <Text style={styles.issue}>{doc.masthead.issue}</Text>
        <View style={styles.mastheadRow}>
          <Text style={styles.issuer}>{doc.masthead.issuer}</Text>
          <Text>{doc.masthead.date}</Text>
        </View>
        <View style={styles.rule} />
        <Text style={styles.title}>{doc.title}</Text>
        {doc.sampleNotice && <Text style={styles.sample}>{doc.sampleNotice}</Text>}
        {doc.summary.map((text, index) => (
          <Text key={index} style={styles.paragraph}>{text}</Text>
        ))}
        <Text style={styles.paragraph}>{doc.lead}</Text>
        {/* Headings and blocks stay direct children of the page: react-pdf only moves a heading
            to the next page (minPresenceAhead) when something comes before it in its parent. */}
        {doc.sections.map((section) => (
          <Fragment key={section.heading}>
            <Text style={styles.heading} minPresenceAhead={80}>{section.heading}</Text>
            {section.blocks.map((block, index) => (
              <Block key={index} block={block} />
            ))}
          </Fragment>
        ))}
        <Text style={styles.method}>{doc.method}</Text>
        <Text style={styles.footer} fixed render={({ pageNumber, totalPages }) => doc.pageLabel(pageNumber, totalPages)} />
      </Page>
    </Document>
  );
}

/** The 通报 as a PDF with embedded fonts (Noto Serif SC body, Noto Sans SC headings): correct Chinese glyphs, selectable text. */
export async function renderBulletinPdf(doc: BulletinDocument): Promise<Buffer> {
  registerPdfFonts();
  return renderToBuffer(<BulletinPdf doc={doc} />);
}
