import ExcelJS from "exceljs";
import { getLocale, getTranslations } from "next-intl/server";
import { SCORE_COMPONENTS, type CostReason, type ScoreComponent, type ScoreComponentKey, type UnitScores } from "./compute-unit-scores";

export interface ScoresExportLabels {
  locale: string;
  rankingSheet: string;
  breakdownSheet: string;
  rankingColumns: string[];
  breakdownColumns: string[];
  component: (key: ScoreComponentKey) => string;
  reason: (reason: CostReason) => string;
  list: (list: "red" | "black") => string;
  sample: string;
  sampleNote: string;
  title: (month: string) => string;
  file: string;
}

/** The export's wording in the user's language. */
export async function scoresExportLabels(): Promise<ScoresExportLabels> {
  const [locale, t] = await Promise.all([getLocale(), getTranslations("scoring")]);
  return scoresExportLabelsFrom(locale, t);
}

/** The wording from a translator of the "scoring" messages (tests pass one made from the message file). */
export function scoresExportLabelsFrom(locale: string, t: (key: string, values?: Record<string, string>) => string): ScoresExportLabels {
  return {
    locale,
    rankingSheet: t("export.rankingSheet"),
    breakdownSheet: t("export.breakdownSheet"),
    rankingColumns: t("export.rankingColumns").split("|"),
    breakdownColumns: t("export.breakdownColumns").split("|"),
    component: (key) => t(`components.${key}`),
    reason: (reason) => t(`reasons.${reason}`),
    list: (list) => t(`lists.${list}`),
    sample: t("export.sample"),
    sampleNote: t("export.sampleNote"),
    title: (month) => t("export.title", { month }),
    file: t("export.file"),
  };
}

/** A component's raw figure as text: "3/4" for rates, the count otherwise. */
export function rawFigure(component: ScoreComponent): string {
  return component.of === null ? String(component.count) : `${component.count}/${component.of}`;
}

/**
 * The ranking and the breakdown behind each score as an Excel workbook: one sheet
 * ranked, one listing every measure that cost points. Scores drawn on sample data
 * are marked in their own column, and a note above the table says so.
 */
export async function scoresXlsx(scores: UnitScores, labels: ScoresExportLabels): Promise<ArrayBuffer> {
  const en = labels.locale === "en";
  const name = (unit: { nameZh: string; nameEn: string }) => (en ? unit.nameEn : unit.nameZh);
  const workbook = new ExcelJS.Workbook();

  const ranking = workbook.addWorksheet(labels.rankingSheet);
  ranking.addRow([labels.title(scores.month)]).font = { bold: true };
  if (scores.hasSample) ranking.addRow([labels.sampleNote]);
  const header = ranking.addRow(labels.rankingColumns);
  header.font = { bold: true };
  ranking.views = [{ state: "frozen", ySplit: header.number }];
  ranking.columns.forEach((column, index) => (column.width = index === 2 ? 36 : 12));
  for (const unit of scores.units) {
    ranking.addRow([
      unit.rank,
      unit.unit.code,
      name(unit.unit),
      unit.total,
      unit.list ? labels.list(unit.list) : "",
      ...SCORE_COMPONENTS.flatMap((key) => [rawFigure(unit.components[key]), unit.components[key].points]),
      unit.hasSample ? labels.sample : "",
    ]);
  }

  const breakdown = workbook.addWorksheet(labels.breakdownSheet);
  breakdown.addRow(labels.breakdownColumns).font = { bold: true };
  breakdown.views = [{ state: "frozen", ySplit: 1 }];
  breakdown.columns.forEach((column, index) => (column.width = index === 1 || index === 5 ? 36 : 14));
  for (const unit of scores.units) {
    for (const cost of unit.costs) {
      const detail = [cost.notice ?? "", cost.at ? cost.at.toISOString().slice(0, 16).replace("T", " ") + " UTC" : "", cost.dueDate?.toISOString().slice(0, 10) ?? ""]
        .filter(Boolean)
        .join(" · ");
      breakdown.addRow([
        unit.unit.code,
        name(unit.unit),
        labels.component(cost.component),
        labels.reason(cost.reason),
        cost.measure.code,
        en ? cost.measure.titleEn : cost.measure.titleZh,
        detail,
        cost.measure.isSample ? labels.sample : "",
      ]);
    }
  }
  return (await workbook.xlsx.writeBuffer()) as ArrayBuffer;
}
