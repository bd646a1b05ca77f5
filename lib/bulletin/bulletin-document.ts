import { createTranslator } from "next-intl";
import type { Locale } from "@/lib/i18n/config";
import { localized } from "@/lib/i18n/localized";
import { isoDay, parsePeriod } from "@/lib/tracking/dates";
import en from "@/messages/en.json";
import zh from "@/messages/zh-CN.json";
import type { BulletinNumber } from "./issue-bulletin";
import type { BulletinData, BulletinMeasure } from "./load-bulletin-data";

export interface BulletinTable {
  columns: string[];
  /** Relative column widths (they add up to 100). */
  widths: number[];
  rows: string[][];
}
/** What a section holds, in reading order: a sub-heading （一）, a label 1. 进展情况, a paragraph or a table. */
export type BulletinBlock =
  | { kind: "subheading" | "label" | "paragraph"; text: string }
  | { kind: "table"; table: BulletinTable };
export interface BulletinSection {
  heading: string;
  blocks: BulletinBlock[];
}
export interface BulletinMasthead {
  /** The issuing office as set on /admin/settings (a sample name, marked, when unset). */
  issuer: string;
  issue: string;
  date: string;
}

const DIGITS = "零一二三四五六七八九";
/** 1 → 一, 12 → 十二, 25 → 二十五: the numbering of （一）（二） sub-headings (up to 99). */
function chineseNumber(n: number): string {
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  if (tens === 0) return DIGITS[ones]!;
  return `${tens === 1 ? "" : DIGITS[tens]}十${ones ? DIGITS[ones] : ""}`;
}

/**
 * The 督查通报 as text, in one language, independent of the file format: the
 * Word and PDF renderers and the page's preview lay out exactly this, so they
 * cannot disagree.
 */
export function bulletinDocument(data: BulletinData, lang: Locale, number: BulletinNumber, issuer: string, summaryText = "") {
  const messages = lang === "en" ? en : zh;
  const t = createTranslator({ locale: lang, messages, namespace: "tongbao" });
  const tLights = createTranslator({ locale: lang, messages, namespace: "lights" });
  const tEvidence = createTranslator({ locale: lang, messages, namespace: "evidence" });
  const text = (record: { titleZh: string; titleEn: string }) => localized(record, "title", lang);
  const unit = (record: { leadUnitZh: string; leadUnitEn: string }) => (lang === "en" ? record.leadUnitEn : record.leadUnitZh);
  const name = (named: { zh: string; en: string }) => (lang === "en" ? named.en : named.zh);
  const amount = new Intl.NumberFormat(lang, { maximumFractionDigits: 2 });
  // Dates arrive at UTC midnight; format them in UTC so the day never shifts.
  const longDate = (date: Date) => new Intl.DateTimeFormat(lang, { dateStyle: "long", timeZone: "UTC" }).format(date);
  const month = new Intl.DateTimeFormat(lang, { year: "numeric", month: "long", timeZone: "UTC" }).format(parsePeriod(data.query.month));
  const due = (date: Date | null) => (date ? isoDay(date) : "—");
  const { summary, scope } = data;

  const scopeParts = [
    scope.area && t("scopeArea", { code: scope.area.code, name: name(scope.area) }),
    scope.city && t("scopeCity", { name: name(scope.city) }),
    scope.leadUnit && t("scopeLeadUnit", { name: name(scope.leadUnit) }),
  ].filter((part): part is string => Boolean(part));
  const programmes = data.programmes.length ? data.programmes.map(name).join(t("listSeparator")) : t("allProgrammes");
  const share = summary.investment.planned ? Math.round((summary.investment.completed / summary.investment.planned) * 100) : 0;

  const lead = t("lead", {
    date: longDate(data.asOfDay),
    scope: scopeParts.length ? t("leadScope", { scope: scopeParts.join(t("listSeparator")) }) : "",
    total: summary.total,
    completed: summary.lights.COMPLETED,
    onTrack: summary.lights.GREEN,
    behind: summary.lights.YELLOW,
    overdue: summary.lights.RED,
    dueSoon: summary.lights.BLUE,
    month,
    due: summary.reporting.due,
    submitted: summary.reporting.submitted,
    approved: summary.reporting.approved,
    missing: summary.reporting.missing,
    planned: amount.format(summary.investment.planned),
    done: amount.format(summary.investment.completed),
    share,
    noticesOpen: data.notices.open,
    noticesOverdue: data.notices.overdue,
  });

  // Each area: what was done, what stands in the way, what comes next, from the lead units' latest reports.
  const reportLine = (m: BulletinMeasure, field: "problems" | "nextSteps") => (m.report?.[field].trim() ? t("measureText", { code: m.code, title: text(m), text: m.report[field].trim() }) : null);
  const progressLine = (m: BulletinMeasure) =>
    t("progressLine", {
      code: m.code,
      title: text(m),
      unit: unit(m),
      percent: m.percentComplete,
      light: tLights(m.light),
      text: m.report?.progress.trim() || t("noReport"),
    });
  // The files backing the report quoted (never a draft's, so anyone reading the bulletin may know of them).
  const withEvidence = (m: BulletinMeasure, line: string) => (m.report?.evidenceFiles ? tEvidence("bulletinLine", { line, count: m.report.evidenceFiles }) : line);
  const areas: BulletinSection = {
    heading: t("areasHeading"),
    blocks: data.areas.length
      ? data.areas.flatMap((area, index): BulletinBlock[] => {
          const problems = area.measures.map((m) => reportLine(m, "problems")).filter((line): line is string => line !== null);
          const nextSteps = area.measures.map((m) => reportLine(m, "nextSteps")).filter((line): line is string => line !== null);
          const paragraphs = (lines: string[], none: string): BulletinBlock[] => (lines.length ? lines : [none]).map((line) => ({ kind: "paragraph", text: line }));
          return [
            { kind: "subheading", text: t("areaHeading", { index: lang === "en" ? String(index + 1) : chineseNumber(index + 1), code: area.code, name: text(area), count: area.measures.length }) },
            { kind: "label", text: t("progressLabel") },
            ...area.measures.map((m): BulletinBlock => ({ kind: "paragraph", text: withEvidence(m, progressLine(m)) })),
            { kind: "label", text: t("problemsLabel") },
            ...paragraphs(problems, t("noProblems")),
            { kind: "label", text: t("nextStepsLabel") },
            ...paragraphs(nextSteps, t("noNextSteps")),
          ];
        })
      : [{ kind: "paragraph", text: t("none") }],
  };

  const measureTable = (measures: BulletinMeasure[]): BulletinBlock =>
    measures.length
      ? { kind: "table", table: { columns: t("attentionColumns").split("|"), widths: [10, 45, 22, 13, 10], rows: measures.map((m) => [m.code, text(m), unit(m), due(m.dueDate), `${m.percentComplete}%`]) } }
      : { kind: "paragraph", text: t("none") };
  const attention: BulletinSection = {
    heading: t("attentionHeading"),
    blocks: [
      { kind: "subheading", text: t("behindHeading", { count: data.behind.length }) },
      measureTable(data.behind),
      { kind: "subheading", text: t("overdueHeading", { count: data.overdue.length }) },
      measureTable(data.overdue),
    ],
  };
  const missingState = { DRAFT: t("missingDRAFT"), RETURNED: t("missingRETURNED") };
  const missing: BulletinSection = {
    heading: t("missingHeading", { count: data.missing.length }),
    blocks: [
      data.missing.length
        ? { kind: "table", table: { columns: t("missingColumns").split("|"), widths: [10, 50, 24, 16], rows: data.missing.map((m) => [m.code, text(m), unit(m), m.state ? missingState[m.state] : t("missingNone")]) } }
        : { kind: "paragraph", text: t("none") },
    ],
  };
  const notices: BulletinSection = {
    heading: t("noticesHeading", { open: data.notices.open, overdue: data.notices.overdue }),
    blocks: [
      data.notices.units.length
        ? { kind: "table", table: { columns: t("noticesColumns").split("|"), widths: [60, 20, 20], rows: data.notices.units.map((u) => [lang === "en" ? u.nameEn : u.nameZh, String(u.open), String(u.overdue)]) } }
        : { kind: "paragraph", text: t("none") },
    ],
  };

  const masthead: BulletinMasthead = {
    issuer: issuer || t("sampleIssuer", { name: t("sampleIssuerName") }),
    issue: t(number.issued ? "issue" : "issuePreview", { year: number.year, number: number.number }),
    date: longDate(number.date),
  };
  return {
    lang,
    issued: number.issued,
    /** The document's own name, printed in red under the office's name. */
    kind: t("kind"),
    masthead,
    title: t("title", { programmes, month }) + (data.hasSample ? t("sampleTitle") : ""),
    sampleNotice: data.hasSample ? t("sampleNotice") : null,
    /** The opening summary, one paragraph a line: the saved text, else the drafted one. */
    summary: summaryText.split(/\r?\n/).map((paragraph) => paragraph.trim()).filter(Boolean),
    lead,
    sections: [areas, attention, missing, notices],
    method: t("method"),
    // Strings too: the Word renderer passes placeholders for its own page fields.
    pageLabel: (page: number | string, pages: number | string) => t("page", { page, pages }),
    fileName: `${t("file")}-${data.query.month}${number.issued ? t("fileIssued", { year: number.year, number: number.number }) : t("filePreview")}`,
  };
}

export type BulletinDocument = ReturnType<typeof bulletinDocument>;
