"use client";

import { useFormatter, useLocale, useTranslations } from "next-intl";
import { type ComparedField, comparedFields, type ReportFigures } from "@/lib/reviews/compared-fields";
import type { ReviewItem } from "@/lib/reviews/get-review-item";
import { parsePeriod } from "@/lib/tracking/dates";

type ReportItem = Extract<ReviewItem, { kind: "report" }>;
const textFields = new Set<ComparedField>(["progress", "problems", "nextSteps"]);

/**
 * The report's figures and texts with the same unit's report of last month
 * beside them; what changed is marked (colour, a word, and data-changed for
 * tests), so the reviewer reads the difference rather than two whole reports.
 */
export function ReportComparison({ item }: { item: ReportItem }) {
  const t = useTranslations("reviewQueue");
  const locale = useLocale();
  const format = useFormatter();
  const month = (period: string) => format.dateTime(parsePeriod(period), { year: "numeric", month: "long", timeZone: "UTC" });
  const kpiName = locale === "en" ? item.measure.kpiNameEn : item.measure.kpiNameZh;
  // Figures a measure does not track are left out, unless a report gave one anyway.
  const shown = comparedFields.filter(
    (field) =>
      (field !== "kpiActual" || kpiName || item.current.kpiActual !== null) &&
      (field !== "investmentCompleted" || item.measure.investmentPlanned !== null || item.current.investmentCompleted !== null),
  );

  const value = (figures: ReportFigures, field: ComparedField) => {
    const raw = figures[field];
    if (raw === null) return <span className="text-slate-500">{t("notReported")}</span>;
    if (field === "percentComplete") return `${raw}%`;
    if (field === "kpiActual") return `${format.number(raw as number)}${item.measure.kpiUnit ? ` ${item.measure.kpiUnit}` : ""}`;
    if (field === "investmentCompleted") return format.number(raw as number);
    return raw === "" ? <span className="text-slate-500">{t("none")}</span> : raw;
  };
  const label = (field: ComparedField) => (field === "kpiActual" && kpiName ? t("field_kpiActualNamed", { name: kpiName }) : t(`field_${field}`));

  return (
    <div data-testid="report-comparison">
      <p className="mb-2 text-sm" data-testid="changed-count">
        {item.previous ? t("changedCount", { count: item.changed.length }) : t("noLastMonth")}
      </p>
      <div className="grid grid-cols-[minmax(0,1fr)_minmax(0,1fr)] gap-x-3 text-sm">
        <p className="font-semibold">{t("thisMonth", { period: month(item.period) })}</p>
        <p className="font-semibold text-slate-600">{item.previous ? t("lastMonth", { period: month(item.previous.period) }) : ""}</p>
      </div>
      <dl className="mt-2 flex flex-col gap-2">
        {shown.map((field) => {
          const changed = item.changed.includes(field);
          return (
            <div
              key={field}
              data-field={field}
              data-changed={changed ? "true" : "false"}
              className={`rounded border p-2 ${changed ? "border-amber-400 bg-amber-50" : "border-slate-200"}`}
            >
              <dt className="mb-1 text-xs font-medium text-slate-600">
                {label(field)}
                {changed && <span className="ml-2 rounded bg-amber-200 px-1 text-amber-950">{t("changed")}</span>}
              </dt>
              <dd className={`grid grid-cols-[minmax(0,1fr)_minmax(0,1fr)] gap-x-3 ${textFields.has(field) ? "whitespace-pre-wrap" : "text-base tabular-nums"}`}>
                <span data-side="current" className={changed ? "font-semibold" : ""}>
                  {value(item.current, field)}
                </span>
                <span data-side="previous" className="text-slate-600">
                  {item.previous ? value(item.previous, field) : "—"}
                </span>
              </dd>
            </div>
          );
        })}
      </dl>
    </div>
  );
}
