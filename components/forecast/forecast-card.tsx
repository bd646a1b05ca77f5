import { getFormatter, getTranslations } from "next-intl/server";
import { forecastChartPoints } from "@/lib/forecast/forecast-chart-points";
import { MIN_HISTORY, type Forecast, type ForecastClass } from "@/lib/forecast/forecast";
import { parsePeriod } from "@/lib/tracking/dates";
import { Section } from "@/components/measure/section";
import { ForecastChart } from "./forecast-chart";

const classStyle: Record<ForecastClass, string> = {
  ON_COURSE: "bg-green-100 text-green-900",
  AT_RISK: "bg-amber-100 text-amber-900",
  WILL_MISS: "bg-red-100 text-red-900",
  MISSED: "bg-red-100 text-red-900",
  COMPLETED: "bg-slate-100 text-slate-800",
  SUSPENDED: "bg-slate-100 text-slate-800",
  ONGOING: "bg-slate-100 text-slate-800",
  NO_DATES: "bg-slate-100 text-slate-800",
  INSUFFICIENT_HISTORY: "bg-slate-100 text-slate-800",
};

/** The measure page's delivery forecast: its class, the sentence and, when projected, the chart. */
export async function ForecastCard({ forecast }: { forecast: Forecast }) {
  const [t, format] = await Promise.all([getTranslations("forecast"), getFormatter()]);
  const month = (period: string | null) => (period ? format.dateTime(parsePeriod(period), { year: "numeric", month: "long" }) : t("never"));
  const points = (value: number | null) => format.number(value ?? 0, { maximumFractionDigits: 1 });
  const projected = forecast.pace !== null;
  const rows = forecastChartPoints(forecast).map((point) => ({ ...point, label: format.dateTime(parsePeriod(point.period), { year: "2-digit", month: "numeric" }) }));
  return (
    <Section title={t("title")}>
      <p className="mb-2" data-testid="forecast-class">
        <span className={`rounded px-2 py-0.5 text-sm font-medium ${classStyle[forecast.class]}`}>{t(`class.${forecast.class}`)}</span>
      </p>
      {projected ? (
        <>
          <p data-testid="forecast-sentence">
            {t("pace", { required: points(forecast.requiredPace), due: month(forecast.due), pace: points(forecast.pace), reports: forecast.points.length })}
          </p>
          <p className="mb-2 text-sm text-slate-600">
            {forecast.finish
              ? t("finish", { finish: month(forecast.finish), early: month(forecast.finishEarly), late: month(forecast.finishLate) })
              : t("stalled")}
          </p>
          <ForecastChart rows={rows} names={{ actual: t("chart.actual"), projected: t("chart.projected"), required: t("chart.required") }} />
        </>
      ) : (
        <p data-testid="forecast-sentence">{t(`why.${forecast.class as Exclude<ForecastClass, "ON_COURSE" | "AT_RISK" | "WILL_MISS">}`, { reports: forecast.points.length, minimum: MIN_HISTORY, due: month(forecast.due) })}</p>
      )}
      <p className="mt-2 text-xs text-slate-500">{t("method", { asOf: month(forecast.asOf) })}</p>
    </Section>
  );
}
