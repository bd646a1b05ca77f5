import { monthIndex, periodOfIndex, type Forecast } from "./forecast";

/** One month of the measure page's forecast chart: reported percent, projection and the pace required to finish on time. */
export interface ForecastChartPoint {
  period: string;
  actual: number | null;
  projected: number | null;
  required: number | null;
}

/** Months the projection is drawn past the due month at most. */
const OVERRUN_MONTHS = 12;

/**
 * The chart's series, from the first fitted report to the due month (or the
 * projected finish, up to a year later): the reports, the projection at the
 * fitted pace from the latest report, and the straight line from the latest
 * percent to 100 % in the due month (the pace needed). Empty without a projection.
 */
export function forecastChartPoints(forecast: Forecast): ForecastChartPoint[] {
  if (forecast.pace === null || !forecast.due || !forecast.lastPeriod || !forecast.points.length) return [];
  const first = monthIndex(forecast.points[0]!.period);
  const last = monthIndex(forecast.lastPeriod);
  const due = monthIndex(forecast.due);
  // A stalled measure (no finish) is drawn to its due month only.
  const finish = forecast.finish ? monthIndex(forecast.finish) : due;
  const end = Math.max(due, Math.min(finish, due + OVERRUN_MONTHS), last);
  const reported = new Map(forecast.points.map((point) => [monthIndex(point.period), point.percent]));
  const round = (value: number) => Math.round(Math.min(100, value) * 10) / 10;
  const points: ForecastChartPoint[] = [];
  for (let month = first; month <= end; month++) {
    const after = month - last;
    points.push({
      period: periodOfIndex(month),
      actual: reported.get(month) ?? null,
      projected: after >= 0 ? round(forecast.percent + forecast.pace * after) : null,
      required: after >= 0 && month <= due ? round(forecast.percent + (forecast.requiredPace ?? 0) * after) : null,
    });
  }
  return points;
}
