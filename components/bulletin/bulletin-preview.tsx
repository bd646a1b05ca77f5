import { getTranslations } from "next-intl/server";
import type { BulletinBlock, BulletinDocument } from "@/lib/bulletin/bulletin-document";

// The documents' own faces where the reader has them (as Word would use), else the CJK fonts Linux ships.
const SERIF = { fontFamily: '"FangSong", "STFangsong", "Noto Serif CJK SC", "Noto Serif SC", "Source Han Serif SC", "SimSun", serif' };
const HEI = { fontFamily: '"SimHei", "STHeiti", "Noto Sans CJK SC", "Noto Sans SC", "Microsoft YaHei", sans-serif' };
// The first page holds about this many blocks of the first section after the masthead and the lead paragraph (fewer after a summary: its paragraphs are longer).
const FIRST_PAGE_BLOCKS = 8;

function Block({ block }: { block: BulletinBlock }) {
  switch (block.kind) {
    case "subheading":
      return <p className="mt-2 font-medium" style={HEI}>{block.text}</p>;
    case "label":
      return <p className="mt-1 indent-8 font-bold">{block.text}</p>;
    case "paragraph":
      return <p className="indent-8">{block.text}</p>;
    case "table":
      return (
        <table className="mt-1 w-full border-collapse text-xs" style={HEI}>
          <thead>
            <tr>{block.table.columns.map((column) => <th key={column} className="border border-slate-400 bg-slate-100 px-1 text-left">{column}</th>)}</tr>
          </thead>
          <tbody>
            {block.table.rows.slice(0, 5).map((row, index) => (
              <tr key={index}>{row.map((cell, column) => <td key={column} className="border border-slate-400 px-1">{cell}</td>)}</tr>
            ))}
          </tbody>
        </table>
      );
  }
}

/**
 * The first page of the bulletin as HTML, laid out like the files (red header, issue number, title,
 * lead paragraph, the start of the first section), from the same document model
 * the Word and PDF renderers use: what is previewed is what is downloaded.
 */
export async function BulletinPreview({ doc }: { doc: BulletinDocument }) {
  const t = await getTranslations("tongbao.ui");
  const [first] = doc.sections;
  return (
    <section aria-labelledby="bulletin-preview-heading" className="mt-6">
      <h2 id="bulletin-preview-heading" className="mb-1 text-lg font-semibold">{t("previewHeading")}</h2>
      <p className="mb-3 text-sm text-slate-600">{t("previewHint")}</p>
      <div
        data-testid="bulletin-preview"
        lang={doc.lang}
        className="relative mx-auto aspect-[210/297] max-h-[1100px] w-full max-w-[794px] overflow-hidden border border-slate-300 bg-white px-[8%] pt-[7%] text-[15px] leading-relaxed text-slate-900 shadow-md max-sm:text-[13px]"
        style={SERIF}
      >
        {doc.sampleNotice && <p className="absolute inset-x-[8%] top-3 text-[10px] leading-tight text-amber-800" style={HEI}>{doc.sampleNotice}</p>}
        <p className="text-center text-4xl font-bold tracking-[0.4em] text-[#C00000] max-sm:text-3xl" style={HEI}>{doc.kind}</p>
        <p className="mt-2 text-center" data-testid="bulletin-preview-issue">{doc.masthead.issue}</p>
        <div className="mt-2 flex flex-wrap justify-between gap-x-4 border-b-[3px] border-[#C00000] pb-1">
          <span className="font-bold text-[#C00000]" style={HEI} data-testid="bulletin-preview-issuer">{doc.masthead.issuer}</span>
          <span>{doc.masthead.date}</span>
        </div>
        <h3 className="mt-6 text-center text-xl font-bold" style={HEI}>{doc.title}</h3>
        {doc.sampleNotice && <p className="mt-2 text-xs text-amber-800" style={HEI}>{doc.sampleNotice}</p>}
        {doc.summary.map((text, index) => (
          <p key={index} className="mt-3 indent-8" data-testid="bulletin-preview-summary">{text}</p>
        ))}
        <p className="mt-3 indent-8">{doc.lead}</p>
        {first && (
          <>
            <p className="mt-3 font-bold" style={HEI}>{first.heading}</p>
            {first.blocks.slice(0, Math.max(2, FIRST_PAGE_BLOCKS - 2 * doc.summary.length)).map((block, index) => (
              <Block key={index} block={block} />
            ))}
          </>
        )}
        {/* The page runs on in the file: fade out where the preview stops. */}
        <div aria-hidden className="absolute inset-x-0 bottom-0 h-24 bg-gradient-to-t from-white to-transparent" />
      </div>
    </section>
  );
}
