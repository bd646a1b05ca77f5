import { createTranslator } from "next-intl";
import type { Locale } from "@/lib/i18n/config";
import { localized } from "@/lib/i18n/localized";
import type { Light } from "@/lib/tracking/light";
import { isoDay, parsePeriod } from "@/lib/tracking/dates";
import en from "@/messages/en.json";
import zh from "@/messages/zh-CN.json";
import type { BulletinData } from "./load-bulletin-data";

export interface BulletinTable {
  columns: string[];
  /** Relative column widths (they add up to 100). */
  widths: number[];
  rows: string[][];
  /** Where a row's light sits, for colouring; absent when the table has none. */
  lightColumn?: number;
  lights?: Light[];
}
export interface BulletinSection {
  heading: string;
  /** Sub-sections (one per area) or a single table; `empty` when there is nothing to list. */
  parts: { heading?: string; table: BulletinTable }[];
  empty?: string;
}

/**
 * The bulletin as text, in one language, independent of the file format: both
 * the Word and the PDF renderer lay out exactly this, so they cannot disagree.
 */
export function bulletinDocument(data: BulletinData, lang: Locale) {
  const t = createTranslator({ locale: lang, messages: lang === "en" ? en : zh, namespace: "bulletin" });
  const tLights = createTranslator({ locale: lang, messages: lang === "en" ? en : zh, namespace: "lights" });
  const text = (record: { titleZh: string; titleEn: string }) => localized(record, "title", lang);
  const unit = (record: { leadUnitZh: string; leadUnitEn: string }) => (lang === "en" ? record.leadUnitEn : record.leadUnitZh);
  const number = new Intl.NumberFormat(lang, { maximumFractionDigits: 2 });
  // Dates arrive at UTC midnight; format them in UTC so the day never shifts.
  const monthLabel = new Intl.DateTimeFormat(lang, { year: "numeric", month: "long", timeZone: "UTC" }).format(parsePeriod(data.query.month));
  const dateLabel = new Intl.DateTimeFormat(lang, { dateStyle: "long", timeZone: "UTC" }).format(data.asOfDay);
  const due = (date: Date | null) => (date ? isoDay(date) : "—");
  const { summary, scope } = data;
  const name = (named: { zh: string; en: string }) => (lang === "en" ? named.en : named.zh);

  const scopeParts = [
    scope.programme && t("scopeProgramme", { name: name(scope.programme) }),
    scope.area && t("scopeArea", { code: scope.area.code, name: name(scope.area) }),
    scope.city && t("scopeCity", { name: name(scope.city) }),
    scope.leadUnit && t("scopeLeadUnit", { name: name(scope.leadUnit) }),
  ].filter((part): part is string => Boolean(part));
  const investmentShare = summary.investment.planned ? Math.round((summary.investment.completed / summary.investment.planned) * 100) : 0;

  const measureWidths = [7, 22, 15, 13, 7, 11, 25];
  const areas: BulletinSection = {
    heading: t("areasHeading"),
    parts: data.areas.map((area) => ({
      heading: t("areaHeading", { code: area.code, name: text(area), count: area.measures.length }),
      table: {
        columns: t("measureColumns").split("|"),
        widths: measureWidths,
        rows: area.measures.map((m) => [m.code, text(m), unit(m), due(m.dueDate), `${m.percentComplete}%`, tLights(m.light), m.progress ?? t("noReport")]),
        lightColumn: 5,
        lights: area.measures.map((m) => m.light),
      },
    })),
    empty: t("none"),
  };
  const overdue: BulletinSection = {
    heading: t("overdueHeading", { count: data.overdue.length }),
    parts: data.overdue.length
      ? [{ table: { columns: t("overdueColumns").split("|"), widths: [10, 45, 22, 13, 10], rows: data.overdue.map((m) => [m.code, text(m), unit(m), due(m.dueDate), `${m.percentComplete}%`]) } }]
      : [],
    empty: t("none"),
  };
  const missingState = { DRAFT: t("missingDRAFT"), RETURNED: t("missingRETURNED") };
  const missing: BulletinSection = {
    heading: t("missingHeading", { count: data.missing.length }),
    parts: data.missing.length
      ? [{ table: { columns: t("missingColumns").split("|"), widths: [10, 50, 24, 16], rows: data.missing.map((m) => [m.code, text(m), unit(m), m.state ? missingState[m.state] : t("missingNone")]) } }]
      : [],
    empty: t("none"),
  };
  const notices: BulletinSection = {
    heading: t("noticesHeading", { open: data.notices.open, overdue: data.notices.overdue }),
    parts: data.notices.units.length
      ? [{ table: { columns: t("noticesColumns").split("|"), widths: [60, 20, 20], rows: data.notices.units.map((u) => [lang === "en" ? u.nameEn : u.nameZh, String(u.open), String(u.overdue)]) } }]
      : [],
    empty: t("none"),
  };

  return {
    lang,
    title: t("title", { month: monthLabel }) + (data.hasSample ? t("sampleTitle") : ""),
    sampleNotice: data.hasSample ? t("sampleNotice") : null,
    subtitle: [t("scope", { scope: scopeParts.length ? scopeParts.join(t("scopeSeparator")) : t("scopeAll") }), t("asOf", { date: dateLabel })],
    summary: {
      heading: t("summaryHeading"),
      columns: t("summaryColumns").split("|"),
      figures: [
        [t("figureTotal"), summary.total],
        [t("figureCompleted"), summary.lights.COMPLETED],
        [t("figureOnTrack"), summary.lights.GREEN],
        [t("figureBehind"), summary.lights.YELLOW],
        [t("figureOverdue"), summary.lights.RED],
        [t("figureDueSoon"), summary.lights.BLUE],
        [t("figureReportsDue"), summary.reporting.due],
        [t("figureReportsSubmitted"), summary.reporting.submitted],
        [t("figureReportsApproved"), summary.reporting.approved],
        [t("figureReportsMissing"), summary.reporting.missing],
        [t("figureInvestmentPlanned"), number.format(summary.investment.planned)],
        [t("figureInvestmentCompleted"), number.format(summary.investment.completed)],
        [t("figureInvestmentShare"), `${investmentShare}%`],
      ].map(([label, value]) => ({ label: String(label), value: String(value) })),
    },
    sections: [areas, overdue, missing, notices],
    method: t("method"),
    // Strings too: the Word renderer passes placeholders for its own page fields.
    pageLabel: (page: number | string, pages: number | string) => t("page", { page, pages }),
    fileName: `${t("file")}-${data.query.month}`,
  };
}

export type BulletinDocument = ReturnType<typeof bulletinDocument>;
