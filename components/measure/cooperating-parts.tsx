import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { localized } from "@/lib/i18n/localized";
import type { CooperatingPart } from "@/lib/reports/cooperating-parts";

/**
 * Each cooperating unit's own part of the measure: its latest approved report's
 * month and figures. Shown beside the lead unit's reports; these figures never
 * become the measure's (only the lead unit's approved report sets those).
 */
export async function CooperatingParts({
  parts,
  kpiUnit,
  hasInvestment,
}: {
  parts: CooperatingPart[];
  /** The measure's KPI unit, or null when it has no KPI. */
  kpiUnit: string | null;
  hasInvestment: boolean;
}) {
  const [locale, format, t] = await Promise.all([getLocale(), getFormatter(), getTranslations("leadAuthority")]);
  if (parts.length === 0) return <p>{t("noCooperatingUnits")}</p>;
  const amount = (value: { toNumber(): number } | null) => (value === null ? t("notReported") : format.number(value.toNumber()));
  return (
    <>
      <p className="mb-2 text-sm text-slate-600" role="note">
        {t("cooperatingNote")}
      </p>
      {/* Focusable so a keyboard user can scroll the table sideways on a phone. */}
      <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={t("cooperatingNote")}>
        <table className="min-w-full text-sm" data-testid="cooperating-parts">
          <thead>
            <tr className="border-b border-slate-200 text-left">
              <th className="py-1 pr-3 font-medium">{t("unit")}</th>
              <th className="py-1 pr-3 font-medium">{t("latestApprovedMonth")}</th>
              <th className="py-1 pr-3 font-medium">{t("percent")}</th>
              {kpiUnit !== null && <th className="py-1 pr-3 font-medium">{t("kpiActual", { unit: kpiUnit })}</th>}
              {hasInvestment && <th className="py-1 pr-3 font-medium">{t("investmentCompleted")}</th>}
              <th className="py-1 font-medium">{t("progress")}</th>
            </tr>
          </thead>
          <tbody>
            {parts.map(({ unit, latestApproved: report }) => (
              <tr key={unit.id} className="border-b border-slate-100 align-top" data-unit-code={unit.code}>
                <td className="py-1 pr-3">{localized(unit, "name", locale)}</td>
                {report ? (
                  <>
                    <td className="py-1 pr-3">{format.dateTime(report.period, { year: "numeric", month: "long" })}</td>
                    <td className="py-1 pr-3">{report.percentComplete}%</td>
                    {kpiUnit !== null && <td className="py-1 pr-3">{amount(report.kpiActual)}</td>}
                    {hasInvestment && <td className="py-1 pr-3">{amount(report.investmentCompleted)}</td>}
                    <td className="whitespace-pre-line py-1">{report.progress}</td>
                  </>
                ) : (
                  <td className="py-1 text-slate-500" colSpan={3 + (kpiUnit !== null ? 1 : 0) + (hasInvestment ? 1 : 0)}>
                    {t("noApprovedReport")}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
