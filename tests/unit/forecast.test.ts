import { describe, expect, it } from "vitest";
import { forecastMeasure, monthIndex, periodOfIndex, quantile, theilSen, type ForecastInput } from "@/lib/forecast/forecast";
import { baselineFinish, runBacktest } from "@/lib/forecast/backtest";
import { forecastChartPoints } from "@/lib/forecast/forecast-chart-points";

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const months = ["2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06"];
/** A measure started 2026-01-01, due at the end of 2026, with these approved percents from January. */
function measure(percents: number[], extra: Partial<ForecastInput> = {}): ForecastInput {
  return {
    startDate: d("2026-01-01"),
    dueDate: d("2026-12-31"),
    ongoing: false,
    status: "IN_PROGRESS",
    history: percents.map((percent, i) => ({ period: periodOfIndex(monthIndex("2026-01") + i), percent })),
    ...extra,
  };
}

describe("[FORECAST] Theil–Sen and quantiles", () => {
  it("fits a line and ignores one outlier", () => {
    expect(theilSen([0, 1, 2, 3], [0, 10, 20, 30]).slope).toBe(10);
    expect(theilSen([0, 1, 2, 3, 4], [0, 10, 90, 30, 40]).slope).toBe(10);
    expect(quantile([1, 2, 3, 4, 5], 0.25)).toBe(2);
    expect(quantile([1, 2], 0.5)).toBe(1.5);
  });
});

describe("[FORECAST] hand-made histories", () => {
  it("steady: 10 points a month finishes in October, on course; needs 40/6 a month, averages 10", () => {
    const forecast = forecastMeasure(measure([10, 20, 30, 40, 50, 60]), "2026-06");
    expect(forecast).toMatchObject({ class: "ON_COURSE", pace: 10, paceLow: 10, paceHigh: 10, finish: "2026-10", due: "2026-12", monthsLeft: 6, percent: 60 });
    expect(forecast.requiredPace).toBeCloseTo(40 / 6);
  });

  it("accelerating: the recent window's pace, not the average since the start", () => {
    // Monthly gains 2, 4, 6, 8, 10: the median pairwise slope is 6.
    const forecast = forecastMeasure(measure([2, 4, 8, 14, 22, 32]), "2026-06");
    expect(forecast.pace).toBe(6);
    expect(forecast.paceLow).toBe(4.5);
    expect(forecast.paceHigh).toBe(7.5);
    // From the fitted 28 % in June, 72 points at 6 a month: June 2027; even the fast pace misses December.
    expect(forecast).toMatchObject({ class: "WILL_MISS", finish: "2027-06", finishEarly: "2027-04" });
    // Later, on the last six months only, the pace has caught up.
    const later = forecastMeasure(measure([2, 4, 8, 14, 22, 32, 44, 58]), "2026-08");
    expect(later.pace).toBeGreaterThan(9);
  });

  it("stalled: no pace, never finishes, will miss", () => {
    const forecast = forecastMeasure(measure([30, 30, 30, 30, 30]), "2026-05");
    expect(forecast).toMatchObject({ class: "WILL_MISS", pace: 0, finish: null, finishEarly: null, finishLate: null });
    expect(forecast.requiredPace).toBeCloseTo(70 / 7);
  });

  it("one wild month (a typed 95 in April) does not move the pace", () => {
    const forecast = forecastMeasure(measure([10, 20, 30, 95, 50, 60]), "2026-06");
    expect(forecast).toMatchObject({ class: "ON_COURSE", pace: 10, finish: "2026-10" });
    // Least squares would have said about 13.4 a month and finished in September.
  });

  it("no history, or fewer than three reports: insufficient history, never a guess", () => {
    expect(forecastMeasure(measure([]), "2026-06")).toMatchObject({ class: "INSUFFICIENT_HISTORY", pace: null, finish: null });
    expect(forecastMeasure(measure([10, 20]), "2026-06")).toMatchObject({ class: "INSUFFICIENT_HISTORY", percent: 20, pace: null });
  });

  it("completed early: a completion report or 100 % ends the forecast", () => {
    expect(forecastMeasure(measure([40, 70, 100]), "2026-06")).toMatchObject({ class: "COMPLETED", percent: 100 });
    const done = measure([40, 70, 90]);
    done.history[2]!.isCompletion = true;
    expect(forecastMeasure(done, "2026-06").class).toBe("COMPLETED");
  });

  it("suspended, ongoing, undated and overdue measures are classed, not projected", () => {
    expect(forecastMeasure(measure([10, 20, 30], { status: "SUSPENDED" }), "2026-06")).toMatchObject({ class: "SUSPENDED", pace: null });
    expect(forecastMeasure(measure([10, 20, 30], { ongoing: true, dueDate: null }), "2026-06")).toMatchObject({ class: "ONGOING", pace: null });
    expect(forecastMeasure(measure([10, 20, 30], { startDate: null }), "2026-06").class).toBe("NO_DATES");
    expect(forecastMeasure(measure([10, 20, 30], { dueDate: d("2026-04-30") }), "2026-05")).toMatchObject({ class: "MISSED", due: "2026-04" });
    // In the due month itself it is still a forecast.
    expect(forecastMeasure(measure([10, 20, 30, 40], { dueDate: d("2026-04-30") }), "2026-04").class).toBe("WILL_MISS");
  });
});

describe("[FORECAST] classification edges", () => {
  it("finishing exactly in the due month is on course; one month later will miss", () => {
    const steady = [10, 20, 30, 40, 50, 60];
    expect(forecastMeasure(measure(steady, { dueDate: d("2026-10-01") }), "2026-06")).toMatchObject({ class: "ON_COURSE", finish: "2026-10" });
    expect(forecastMeasure(measure(steady, { dueDate: d("2026-09-30") }), "2026-06")).toMatchObject({ class: "WILL_MISS", finish: "2026-10" });
  });

  it("at risk when the median pace makes it and the slow quartile does not", () => {
    // Alternating gains of 5 and 15: pace 10, band 8.33–10; fitted 57.5 % in June.
    const uneven = [10, 15, 30, 35, 50, 55];
    const forecast = forecastMeasure(measure(uneven, { dueDate: d("2026-11-30") }), "2026-06");
    expect(forecast.pace).toBe(10);
    expect(forecast.paceLow).toBeCloseTo(25 / 3);
    expect(forecast).toMatchObject({ class: "AT_RISK", finish: "2026-11", finishLate: "2026-12" });
    // A month more of time: even the slow pace makes it.
    expect(forecastMeasure(measure(uneven), "2026-06").class).toBe("ON_COURSE");
  });

  it("exactly three reports is enough", () => {
    expect(forecastMeasure(measure([10, 20, 30]), "2026-03").class).toBe("ON_COURSE");
  });
});

describe("[FORECAST] as of a past month", () => {
  it("uses only the reports approved up to that month", () => {
    const full = measure([10, 20, 30, 30, 30, 30]);
    const cut = measure([10, 20, 30]);
    expect(forecastMeasure(full, "2026-03")).toEqual(forecastMeasure(cut, "2026-03"));
    expect(forecastMeasure(full, "2026-03").class).toBe("ON_COURSE");
    expect(forecastMeasure(full, "2026-06").class).toBe("WILL_MISS");
    expect(forecastMeasure(full, "2026-02").class).toBe("INSUFFICIENT_HISTORY");
  });
});

describe("[FORECAST] backtest scoring", () => {
  it("scores will-miss and finish error against what happened, beside the naive baseline", () => {
    // Reported from 2026-01 but started a year earlier: the baseline, averaging over the idle year, is too slow.
    const fast = { ...measure(months.map((_, i) => 10 * (i + 1)).concat([70, 80, 90, 100])), id: "fast", startDate: d("2025-01-01"), dueDate: d("2026-12-31") };
    const stalled = { ...measure([20, 25, 30, 30, 30, 30, 30, 30, 30, 30]), id: "stalled", dueDate: d("2026-09-30") };
    expect(baselineFinish(fast, "2026-06")).toBe(monthIndex("2026-06") + 12);
    const result = runBacktest([fast, stalled], "2026-10");
    expect(result.measures).toBe(2);
    // 3 months ahead: fast as of 2026-09 (on course, finished) and stalled as of 2026-06 (will miss, missed).
    expect(result.method.byHorizon[3]).toMatchObject({ cases: 2, truePositive: 1, falsePositive: 0, falseNegative: 0, precision: 1, recall: 1 });
    expect(result.baseline.byHorizon[3]).toMatchObject({ cases: 2, truePositive: 1, falsePositive: 0 });
    // 6 months ahead (fast as of 2026-06): the baseline's 60 % in 18 months projects June 2027, a false alarm.
    expect(result.method.byHorizon[6]).toMatchObject({ cases: 2, truePositive: 1, falsePositive: 0, precision: 1, recall: 1 });
    expect(result.baseline.byHorizon[6]).toMatchObject({ cases: 2, truePositive: 1, falsePositive: 1, precision: 0.5, recall: 1 });
    // Finished in 2026-10 (taken as mid-October); the forecasts from March to September all project the end of October.
    expect(result.method.medianFinishErrorDays).toBeCloseTo(15.22);
    expect(result.method.finishCases).toBe(7);
    expect(result.baseline.medianFinishErrorDays!).toBeGreaterThan(60);
  });
});

describe("[FORECAST] the measure page's chart series", () => {
  it("reports, then the projection and the pace needed from the latest report to the due month", () => {
    const points = forecastChartPoints(forecastMeasure(measure([10, 20, 30, 40, 50, 60]), "2026-06"));
    expect(points.map((point) => point.period)).toEqual([...months, "2026-07", "2026-08", "2026-09", "2026-10", "2026-11", "2026-12"]);
    expect(points[0]).toEqual({ period: "2026-01", actual: 10, projected: null, required: null });
    expect(points[5]).toEqual({ period: "2026-06", actual: 60, projected: 60, required: 60 });
    expect(points[9]).toMatchObject({ projected: 100, required: 86.7 });
    expect(points[11]).toMatchObject({ actual: null, projected: 100, required: 100 });
  });

  it("runs past the due month to a late finish (a year at most), and is empty without a projection", () => {
    const late = forecastChartPoints(forecastMeasure(measure([10, 20, 30, 40, 50, 60], { dueDate: d("2026-08-31") }), "2026-06"));
    expect(late.at(-1)).toMatchObject({ period: "2026-10", projected: 100, required: null });
    const stalled = forecastChartPoints(forecastMeasure(measure([30, 30, 30]), "2026-03"));
    expect(stalled.at(-1)!.period).toBe("2026-12");
    expect(forecastChartPoints(forecastMeasure(measure([10]), "2026-06"))).toEqual([]);
  });
});
