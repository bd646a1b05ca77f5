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
  /** Median |projected finish − actual finish| in months, over every month a finished measure was forecast before it finished. */
  medianFinishErrorMonths: number | null;
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
  if (!measure.startDate) return null;
  const last = measure.history.filter((point) => point.period <= asOf).sort((a, b) => (a.period < b.period ? -1 : 1)).at(-1);
  const percent = last?.percent ?? 0;
  const asOfIndex = monthIndex(asOf);
  // Months from the start date to the end of the as-of month (fractional).
  const startIndex = monthIndex(periodOfDate(measure.startDate)) + (measure.startDate.getUTCDate() - 1) / 30.44;
  const elapsed = Math.max(asOfIndex + 1 - startIndex, 0.5);
  if (percent >= 100) return asOfIndex;
  if (percent <= 0) return null;
  return asOfIndex + Math.ceil((100 - percent) / (percent / elapsed) - 1e-9);
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
        const projected = forecast.finish === null ? null : monthIndex(forecast.finish);
        const naive = baselineFinish(input, periodOfIndex(asOf));
        method.errors.push(projected === null ? Infinity : Math.abs(projected - finishIndex));
        baseline.errors.push(naive === null ? Infinity : Math.abs(naive - finishIndex));
      }
    }
  }
  const scores = (side: typeof method): MethodScores => ({
    byHorizon: Object.fromEntries(Object.entries(side.byHorizon).map(([horizon, matrix]) => [horizon, finishRatios(matrix)])),
    medianFinishErrorMonths: median(side.errors),
    finishCases: side.errors.length,
  });
  return { measures: counted, dataEnd, method: scores(method), baseline: scores(baseline) };
}
