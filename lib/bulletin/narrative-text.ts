import { createTranslator } from "next-intl";
import type { Locale } from "@/lib/i18n/config";
import { parsePeriod } from "@/lib/tracking/dates";
import en from "@/messages/en.json";
import zh from "@/messages/zh-CN.json";
import type { NarrativeFacts, NarrativeMeasure, NarrativeMover } from "./load-narrative-facts";

/** At most this many measures are named in one sentence; the rest are counted. */
const LISTED = 8;

/**
 * The bulletin's drafted summary in one language: one paragraph per line, from the
 * facts only (no model). The inspector edits it on /bulletin before exporting.
 */
export function narrativeText(facts: NarrativeFacts, lang: Locale): string {
  const messages = lang === "en" ? en : zh;
  const t = createTranslator({ locale: lang, messages, namespace: "bulletinNarrative.draft" });
  const monthName = (period: string) => new Intl.DateTimeFormat(lang, { year: "numeric", month: "long", timeZone: "UTC" }).format(parsePeriod(period));
  const title = (m: NarrativeMeasure) => (lang === "en" ? m.titleEn || m.titleZh : m.titleZh);
  const name = (mover: NarrativeMover) => (lang === "en" ? mover.nameEn || mover.nameZh : mover.nameZh);
  const points = (value: number) => new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(Math.abs(value));
  const list = (measures: NarrativeMeasure[]) => {
    const named = measures.slice(0, LISTED).map((m) => t("measure", { code: m.code, title: title(m), percent: m.percentComplete })).join(t("separator"));
    return measures.length > LISTED ? t("andMore", { list: named, count: measures.length }) : named;
  };
  const direction = (change: number) => (change > 0 ? "up" : change < 0 ? "down" : "same");

  const paragraphs: string[] = [];
  paragraphs.push(
    t("overall", {
      month: monthName(facts.month),
      total: facts.total,
      completed: facts.completedCount,
      share: points(facts.completedShare),
      direction: direction(facts.completedShareChange),
      change: points(facts.completedShareChange),
      previousMonth: monthName(facts.previousMonth),
      previousShare: points(facts.previousCompletedShare),
      behind: facts.behind,
      overdue: facts.overdue,
    }),
  );
  paragraphs.push(
    facts.completedThisMonth.length
      ? t("completedThisMonth", { count: facts.completedThisMonth.length, list: list(facts.completedThisMonth) })
      : t("noneCompletedThisMonth"),
  );
  const mover = (key: "improvedArea" | "slippedArea" | "improvedUnit" | "slippedUnit") => {
    const entry = facts[key];
    return entry ? t(key, { name: name(entry), code: entry.code, change: points(entry.change), share: points(entry.share), previousShare: points(entry.previousShare) }) : null;
  };
  const movers = [mover("improvedArea"), mover("slippedArea"), mover("improvedUnit"), mover("slippedUnit")].filter((line): line is string => line !== null);
  // One sentence; its first letter in capitals whichever clause comes first (no effect on Chinese).
  const moversSentence = movers.join(t("sentenceSeparator")) + t("sentenceEnd");
  paragraphs.push(movers.length ? moversSentence.charAt(0).toUpperCase() + moversSentence.slice(1) : t("noMovers"));
  paragraphs.push(facts.stalled.length ? t("stalled", { count: facts.stalled.length, list: list(facts.stalled) }) : t("noneStalled"));
  paragraphs.push(facts.forecastToMiss.length ? t("forecastToMiss", { count: facts.forecastToMiss.length, list: list(facts.forecastToMiss) }) : t("noneForecastToMiss"));
  paragraphs.push(
    facts.themes.length
      ? t("themes", {
          from: monthName(facts.themeFrom),
          to: monthName(facts.month),
          reports: facts.themeReports,
          list: facts.themes.map((theme) => t("theme", { phrase: theme.phrase, count: theme.count })).join(t("separator")),
        })
      : t("noThemes", { from: monthName(facts.themeFrom), to: monthName(facts.month) }),
  );
  return paragraphs.join("\n");
}
