"use client";

import { useLocale, useTranslations } from "next-intl";
import type { CollectionPlan } from "@/lib/report-collection/collection-types";

const actionStyle = {
  create: "bg-emerald-100 text-emerald-900",
  update: "bg-sky-100 text-sky-900",
  unchanged: "bg-slate-100 text-slate-700",
  error: "bg-red-100 text-red-900",
} as const;

/** The dry run: counts, then each row with what would happen to its report, and its problems by row and column. */
export function CollectionPreview({ plan }: { plan: CollectionPlan }) {
  const t = useTranslations("reportCollection");
  const locale = useLocale();
  const stateLabel = (state: string | null) => t(`state.${state ?? "NONE"}` as never);
  return (
    <div className="flex flex-col gap-2" data-testid="collection-preview">
      <p role="status" className="font-medium" data-testid="collection-summary">
        {t("summary", { unit: locale === "en" ? plan.unit.nameEn : plan.unit.nameZh, period: plan.period, ...plan.counts })}
      </p>
      {plan.counts.error > 0 && <p className="text-sm text-red-900">{t("hasErrors")}</p>}
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <thead className="bg-slate-50">
            <tr>
              <th className="px-2 py-1">{t("table.row")}</th>
              <th className="px-2 py-1">{t("table.measure")}</th>
              <th className="px-2 py-1">{t("table.action")}</th>
              <th className="px-2 py-1">{t("table.state")}</th>
              <th className="px-2 py-1">{t("table.changes")}</th>
              <th className="px-2 py-1">{t("table.issues")}</th>
            </tr>
          </thead>
          <tbody>
            {plan.rows.map((row) => (
              <tr key={row.row} className="border-t border-slate-200 align-top" data-testid="collection-row" data-action={row.action}>
                <td className="px-2 py-1">{row.row}</td>
                <td className="px-2 py-1">
                  {row.measureCode} {locale === "en" ? row.titleEn : row.titleZh}
                </td>
                <td className="px-2 py-1">
                  <span className={`rounded px-1.5 py-0.5 ${actionStyle[row.action]}`}>{t(`actions.${row.action}`)}</span>
                </td>
                <td className="px-2 py-1">
                  {row.stateAfter && row.stateAfter !== row.stateBefore ? `${stateLabel(row.stateBefore)} → ${stateLabel(row.stateAfter)}` : stateLabel(row.stateBefore)}
                </td>
                <td className="px-2 py-1">{row.changes.map((field) => t(`columns.${field}`)).join(", ")}</td>
                <td className="px-2 py-1 text-red-900">
                  <ul>
                    {row.issues.map((issue) => (
                      <li key={`${issue.column}-${issue.key}`}>
                        {t("issueAt", {
                          row: issue.row,
                          column: issue.column,
                          header: t(`columns.${issue.field}`),
                          message: t(`issues.${issue.key}` as never, issue.values as never),
                        })}
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
