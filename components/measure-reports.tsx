import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { localized } from "@/lib/i18n/localized";
import type { MeasureDetail } from "@/lib/measures/get-measure-by-code";

type Report = MeasureDetail["progressReports"][number];

/** The latest monthly reports of a measure, newest first (read-only for now). */
export async function MeasureReports({ reports }: { reports: Report[] }) {
  const [locale, format, t, tState] = await Promise.all([
    getLocale(),
    getFormatter(),
    getTranslations("measure"),
    getTranslations("reportState"),
  ]);
  if (reports.length === 0) return <p>{t("noReports")}</p>;
  return (
    <ul className="space-y-3">
      {reports.map((report) => (
        <li key={report.id} className="border-t border-slate-100 pt-2">
          <p className="text-sm text-slate-600">
            {t("period")} {format.dateTime(report.period, { year: "numeric", month: "long" })} · {t("reportingUnit")}{" "}
            {localized(report.unit, "name", locale)} · {t("reportState")} {tState(report.state)} · {t("percent")}{" "}
            {report.percentComplete}%
          </p>
          <dl className="mt-1 grid grid-cols-1 gap-x-4 sm:grid-cols-[max-content_1fr]">
            <dt className="font-medium">{t("progress")}</dt>
            <dd className="whitespace-pre-line">{report.progress || t("none")}</dd>
            <dt className="font-medium">{t("problems")}</dt>
            <dd className="whitespace-pre-line">{report.problems || t("none")}</dd>
            <dt className="font-medium">{t("nextSteps")}</dt>
            <dd className="whitespace-pre-line">{report.nextSteps || t("none")}</dd>
          </dl>
        </li>
      ))}
    </ul>
  );
}
