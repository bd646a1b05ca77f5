/**
 * Delivery forecast of one measure, from its lead unit's approved monthly
 * percentages (pure: no database, no clock; the caller passes the as-of month).
 *
 * Method (docs/forecast.md): the pace is the Theil–Sen slope (the median of the
 * slopes between every pair of reports) over the last FORECAST_WINDOW approved
 * reports; one wild month moves a median of pairwise slopes little, where it
 * would tilt a least-squares line. The projection runs from the fitted line at
 * the latest report to 100 %. The confidence band projects with the first and
 * third quartiles of the pairwise slopes: on course when even the slow pace
 * (Q1) finishes by the due month, will miss when even the fast pace (Q3) does
 * not, at risk in between.
 */

/** One approved report of the lead unit: its month ("YYYY-MM") and percent complete at the month's end. */
export interface ForecastPoint {
  period: string;
  percent: number;
  /** A completion report (销号). */
  isCompletion?: boolean;
}

export interface ForecastInput {
  startDate: Date | null;
  dueDate: Date | null;
  /** A standing task (no due date by design). */
  ongoing: boolean;
  /** The measure's status column; only SUSPENDED is read here (completion comes from the reports, so as-of views hold). */
  status: string;
  /** Approved reports of the lead unit, any order; those after the as-of month are ignored. */
  history: ForecastPoint[];
}

export const forecastClasses = [
  "ON_COURSE",
  "AT_RISK",
  "WILL_MISS",
  "MISSED",
  "COMPLETED",
  "SUSPENDED",
  "ONGOING",
  "NO_DATES",
  "INSUFFICIENT_HISTORY",
] as const;
export type ForecastClass = (typeof forecastClasses)[number];

/** The classes that are a forecast (a projection was made). */
export const projectedClasses: readonly ForecastClass[] = ["ON_COURSE", "AT_RISK", "WILL_MISS"];

/** Reports the pace is fitted on: the last 6 at most, 3 at least (fewer: no forecast). */
export const FORECAST_WINDOW = 6;
export const MIN_HISTORY = 3;

export interface Forecast {
  class: ForecastClass;
  asOf: string;
  /** Latest approved percent up to the as-of month (0 without reports). */
  percent: number;
  /** Month of that report, if any. */
  lastPeriod: string | null;
  /** Reports the fit used. */
  points: ForecastPoint[];
  /** Fitted pace, percentage points a month (Theil–Sen), and its band (quartiles of the pairwise slopes). */
  pace: number | null;
  paceLow: number | null;
  paceHigh: number | null;
  /** Points a month still needed to finish by the due month, from the latest report. */
  requiredPace: number | null;
  /** Months (fractional) from the end of the latest report's month to 100 % at the fitted pace; null: never. */
  monthsToFinish: number | null;
  /** Projected month of reaching 100 % ("YYYY-MM"), null when the pace never gets there. */
  finish: string | null;
  /** The band of the projection: with the fast pace, and with the slow pace (null: never). */
  finishEarly: string | null;
  finishLate: string | null;
  /** Due month ("YYYY-MM"). */
  due: string | null;
  /** Months from the latest report to the due month. */
  monthsLeft: number | null;
}

/** "2026-11" → months since year 0 (so differences are month counts). */
export function monthIndex(period: string): number {
  const [year, month] = period.split("-").map(Number);
  return year! * 12 + (month! - 1);
}

export function periodOfIndex(index: number): string {
  const year = Math.floor(index / 12);
  return `${String(year).padStart(4, "0")}-${String(index - year * 12 + 1).padStart(2, "0")}`;
}

export function periodOfDate(date: Date): string {
  return date.toISOString().slice(0, 7);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Linear-interpolated quantile (q in 0–1) of a non-empty list. */
export function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (position - low);
}

/** Theil–Sen fit of y on x: median pairwise slope, median intercept, and the pairwise slopes. */
export function theilSen(xs: number[], ys: number[]): { slope: number; intercept: number; slopes: number[] } {
  const slopes: number[] = [];
  for (let i = 0; i < xs.length; i++) {
    for (let j = i + 1; j < xs.length; j++) {
      if (xs[j] !== xs[i]) slopes.push((ys[j]! - ys[i]!) / (xs[j]! - xs[i]!));
    }
  }
  const slope = slopes.length ? median(slopes) : 0;
  const intercept = median(ys.map((y, i) => y - slope * xs[i]!));
  return { slope, intercept, slopes };
}

/** Month in which a line at `level` in month `from` reaches 100 at `pace` points a month; null if never. */
function finishMonth(from: number, level: number, pace: number | null): number | null {
  if (level >= 100) return from;
  if (pace === null || pace <= 1e-9) return null;
  return from + Math.ceil((100 - level) / pace - 1e-9);
}

const empty = (asOf: string) => ({
  asOf,
  percent: 0,
  lastPeriod: null,
  points: [],
  pace: null,
  paceLow: null,
  paceHigh: null,
  requiredPace: null,
  monthsToFinish: null,
  finish: null,
  finishEarly: null,
  finishLate: null,
  due: null,
  monthsLeft: null,
});

/**
 * The forecast of one measure as of the end of `asOf` ("YYYY-MM"), from the
 * history available then. Completed (a completion report or 100 % approved),
 * suspended, ongoing and undated measures are classed as such, never projected;
 * fewer than MIN_HISTORY reports give INSUFFICIENT_HISTORY, never a guess; a
 * measure past its due month and not finished is MISSED (a fact, not a forecast).
 */
export function forecastMeasure(input: ForecastInput, asOf: string): Forecast {
  const history = input.history
    .filter((point) => point.period <= asOf)
    .sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0));
  const last = history.at(-1);
  const base = { ...empty(asOf), percent: last?.percent ?? 0, lastPeriod: last?.period ?? null };
  const due = input.dueDate ? periodOfDate(input.dueDate) : null;
  if (last && (last.isCompletion || last.percent >= 100)) return { ...base, class: "COMPLETED", due };
  if (input.status === "SUSPENDED") return { ...base, class: "SUSPENDED", due };
  if (input.ongoing && !input.dueDate) return { ...base, class: "ONGOING" };
  if (!input.dueDate || !input.startDate) return { ...base, class: "NO_DATES", due };
  if (monthIndex(asOf) > monthIndex(due!)) return { ...base, class: "MISSED", due };

  const points = history.slice(-FORECAST_WINDOW);
  if (points.length < MIN_HISTORY) return { ...base, class: "INSUFFICIENT_HISTORY", due, points };

  const xs = points.map((point) => monthIndex(point.period));
  const { slope, intercept, slopes } = theilSen(
    xs,
    points.map((point) => point.percent),
  );
  // Percent complete does not go back in a plan: a falling fit is a stall.
  const pace = Math.max(0, slope);
  const paceLow = Math.max(0, quantile(slopes, 0.25));
  const paceHigh = Math.max(0, quantile(slopes, 0.75));
  const lastIndex = xs.at(-1)!;
  const level = Math.min(100, Math.max(0, intercept + slope * lastIndex));
  const dueIndex = monthIndex(due!);
  const monthsLeft = dueIndex - lastIndex;
  const remaining = 100 - last!.percent;
  // In the due month itself, all that is left is needed at once.
  const requiredPace = remaining / Math.max(1, monthsLeft);

  const finish = finishMonth(lastIndex, level, pace);
  const finishEarly = finishMonth(lastIndex, level, paceHigh);
  const finishLate = finishMonth(lastIndex, level, paceLow);
  const makes = (month: number | null) => month !== null && month <= dueIndex;
  // finishEarly <= finish <= finishLate, as Q1 <= median <= Q3.
  const kind: ForecastClass = makes(finishLate) ? "ON_COURSE" : makes(finishEarly) ? "AT_RISK" : "WILL_MISS";
  const period = (month: number | null) => (month === null ? null : periodOfIndex(month));
  return {
    ...base,
    class: kind,
    due,
    points,
    pace,
    paceLow,
    paceHigh,
    requiredPace,
    monthsToFinish: pace > 1e-9 ? (100 - level) / pace : null,
    finish: period(finish),
    finishEarly: period(finishEarly),
    finishLate: period(finishLate),
    monthsLeft,
  };
}
