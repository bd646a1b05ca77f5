import { forecastMeasure, monthIndex, periodOfDate, periodOfIndex, projectedClasses, type ForecastInput } from "./forecast";

/** A measure with its whole approved history, as the backtest replays it. */
export interface BacktestMeasure extends ForecastInput {
  id: string;
}

/** The months ahead of the due month at which "will miss" is scored. */
export const BACKTEST_HORIZONS = [3, 6] as const;

export interface Confusion {
  /** Forecasts scored (measure × horizon cases with a known outcome). */
  cases: number;
  truePositive: number;
  falsePositive: number;
  falseNegative: number;
  precision: number | null;
  recall: number | null;
}

export interface MethodScores {
  byHorizon: Record<number, Confusion>;
  /**
   * Median |projected finish date − actual finish date| in days, over every month a finished
   * measure was forecast before it finished. The actual date is the middle of the month of the
   * first report at 100 % (reports tell the month, not the day); the projection is continuous.
   */
  medianFinishErrorDays: number | null;
  finishCases: number;
}

export interface BacktestResult {
  measures: number;
  /** The last month whose outcome is known (the data's last closed month). */
  dataEnd: string;
  method: MethodScores;
  baseline: MethodScores;
}

/**
 * The naive baseline: a straight line from the start date to the latest
 * approved percent as of `asOf`, extended to 100 %. Returns the projected
 * finish month, or null (never: no progress yet).
 */
export function baselineFinish(measure: ForecastInput, asOf: string): number | null {
  const time = baselineFinishTime(measure, asOf);
  return time === null ? null : Math.max(monthIndex(asOf), Math.ceil(time - 1 - 1e-9));
}

/** Months since the start date (fractional, 30.44-day months) of a date, on the monthIndex axis: the start of month m is m. */
function timeOf(date: Date): number {
  return monthIndex(periodOfDate(date)) + (date.getUTCDate() - 1) / 30.44;
}

/** The baseline's projected finish as a continuous time on the monthIndex axis (the end of month m is m + 1); null: never. */
export function baselineFinishTime(measure: ForecastInput, asOf: string): number | null {
  if (!measure.startDate) return null;
  const last = measure.history.filter((point) => point.period <= asOf).sort((a, b) => (a.period < b.period ? -1 : 1)).at(-1);
  const percent = last?.percent ?? 0;
  // Months from the start date to the end of the as-of month.
  const start = timeOf(measure.startDate);
  const now = monthIndex(asOf) + 1;
  const elapsed = Math.max(now - start, 0.5);
  if (percent >= 100) return now;
  if (percent <= 0) return null;
  return start + (100 * elapsed) / percent;
}

const confusion = (): Confusion => ({ cases: 0, truePositive: 0, falsePositive: 0, falseNegative: 0, precision: null, recall: null });

function score(matrix: Confusion, predicted: boolean, actual: boolean) {
  matrix.cases++;
  if (predicted && actual) matrix.truePositive++;
  else if (predicted) matrix.falsePositive++;
  else if (actual) matrix.falseNegative++;
}

function finishRatios(matrix: Confusion): Confusion {
  const predicted = matrix.truePositive + matrix.falsePositive;
  const actual = matrix.truePositive + matrix.falseNegative;
  return { ...matrix, precision: predicted ? matrix.truePositive / predicted : null, recall: actual ? matrix.truePositive / actual : null };
}

function median(values: number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * Replays the history: for each measure with dates (not ongoing, not
 * suspended), forecasts it as of each past month from the reports approved by
 * then, and compares with what happened later. "Will miss" at horizon h is
 * scored on the forecast made h months before the due month, for measures whose
 * outcome is known (finished, or due month ≤ dataEnd). The baseline is scored
 * on exactly the same cases. A measure's finish month is its first approved
 * report at 100 % (or a completion report).
 */
export function runBacktest(measures: BacktestMeasure[], dataEnd: string): BacktestResult {
  const end = monthIndex(dataEnd);
  const method = { byHorizon: {} as Record<number, Confusion>, errors: [] as number[] };
  const baseline = { byHorizon: {} as Record<number, Confusion>, errors: [] as number[] };
  for (const horizon of BACKTEST_HORIZONS) {
    method.byHorizon[horizon] = confusion();
    baseline.byHorizon[horizon] = confusion();
  }
  let counted = 0;
  for (const measure of measures) {
    if (!measure.startDate || !measure.dueDate || measure.status === "SUSPENDED") continue;
    const history = measure.history.filter((point) => monthIndex(point.period) <= end).sort((a, b) => (a.period < b.period ? -1 : 1));
    if (!history.length) continue;
    counted++;
    const finished = history.find((point) => point.isCompletion || point.percent >= 100);
    const finishIndex = finished ? monthIndex(finished.period) : null;
    const dueIndex = monthIndex(periodOfDate(measure.dueDate));
    const known = finishIndex !== null || dueIndex <= end;
    const missed = finishIndex === null || finishIndex > dueIndex;
    const input = { ...measure, history };

    if (known) {
      for (const horizon of BACKTEST_HORIZONS) {
        const asOf = dueIndex - horizon;
        if (asOf > end) continue;
        const forecast = forecastMeasure(input, periodOfIndex(asOf));
        if (!projectedClasses.includes(forecast.class)) continue;
        score(method.byHorizon[horizon]!, forecast.class === "WILL_MISS", missed);
        const naive = baselineFinish(input, periodOfIndex(asOf));
        score(baseline.byHorizon[horizon]!, naive === null || naive > dueIndex, missed);
      }
    }
    if (finishIndex !== null) {
      const first = monthIndex(history[0]!.period);
      for (let asOf = first; asOf < finishIndex; asOf++) {
        const forecast = forecastMeasure(input, periodOfIndex(asOf));
        if (!projectedClasses.includes(forecast.class)) continue;
        // On the monthIndex axis: the end of the latest report's month, plus the months to go.
        const projected = forecast.monthsToFinish === null ? null : monthIndex(forecast.lastPeriod!) + 1 + forecast.monthsToFinish;
        const naive = baselineFinishTime(input, periodOfIndex(asOf));
        const actual = finishIndex + 0.5;
        method.errors.push(projected === null ? Infinity : Math.abs(projected - actual) * 30.44);
        baseline.errors.push(naive === null ? Infinity : Math.abs(naive - actual) * 30.44);
      }
    }
  }
  const scores = (side: typeof method): MethodScores => ({
    byHorizon: Object.fromEntries(Object.entries(side.byHorizon).map(([horizon, matrix]) => [horizon, finishRatios(matrix)])),
    medianFinishErrorDays: median(side.errors),
    finishCases: side.errors.length,
  });
  return { measures: counted, dataEnd, method: scores(method), baseline: scores(baseline) };
}
