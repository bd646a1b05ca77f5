import { projectedClasses, type ForecastClass } from "@/lib/forecast/forecast";
import type { MeasureForecast } from "@/lib/forecast/load-forecasts";
import en from "@/messages/en.json";
import zh from "@/messages/zh-CN.json";

/**
 * The delivery forecast in the ledger exports (lib/forecast): the class as the
 * ledger column names it, the projected finish month, and the points a month
 * needed to finish on time beside those averaged (the fitted pace). The import
 * knows these headers and ignores them.
 */
export const FORECAST_EXPORT_COLUMN_IDS = ["forecast", "forecastFinish", "forecastRequiredPace", "forecastPace"] as const;
export type ForecastExportColumnId = (typeof FORECAST_EXPORT_COLUMN_IDS)[number];

export interface ForecastExportLabels {
  headers: Record<ForecastExportColumnId, string>;
  forecastClass: (forecastClass: ForecastClass) => string;
  /** In place of the finish month when the pace never reaches 100 %. */
  noFinish: string;
}

/** The forecast columns' wording in the export's language (zh-CN unless "en"). */
export function forecastExportLabels(locale: string): ForecastExportLabels {
  const messages = locale === "en" ? en : zh;
  return {
    headers: messages.forecastExport.columns,
    forecastClass: (forecastClass) => messages.forecast.class[forecastClass],
    noFinish: messages.forecastViews.noFinish,
  };
}

/** The headers of both languages, for the import. */
export const forecastExportHeaders = { zh: zh.forecastExport.columns, en: en.forecastExport.columns };

/** One decimal, as people quote a pace. */
const points = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);

/** A forecast's cells: the class label, the finish month ("YYYY-MM", or the no-finish text for a projection that never finishes), needed and averaged points a month (projections only). */
export function forecastExportValues(forecast: MeasureForecast | null, labels: ForecastExportLabels) {
  if (!forecast) return { forecast: null, finish: null, requiredPace: null, pace: null };
  const projected = projectedClasses.includes(forecast.class);
  return {
    forecast: labels.forecastClass(forecast.class),
    finish: projected ? (forecast.finish ?? labels.noFinish) : null,
    requiredPace: projected ? points(forecast.requiredPace) : null,
    pace: projected ? points(forecast.pace) : null,
  };
}

/** The CSV's forecast fields (text; paces with one decimal). */
export function forecastCsvFields(forecast: MeasureForecast | null, labels: ForecastExportLabels): string[] {
  const values = forecastExportValues(forecast, labels);
  const decimal = (value: number | null) => (value === null ? "" : value.toFixed(1));
  return [values.forecast ?? "", values.finish ?? "", decimal(values.requiredPace), decimal(values.pace)];
}
