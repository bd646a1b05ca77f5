// `npm run forecast:backtest [-- --measures N] [-- --only province|sample] [-- --reuse]`: replays the report
// history month by month (lib/forecast/backtest.ts) on the generated province data
// (scripts/bench/province-data.ts, database luoshi_forecast_province, re-created) and on the
// sample data (prisma/seed, database luoshi_forecast_sample, re-created), and prints the
// precision and recall of "will miss" 3 and 6 months ahead and the median error of the
// projected finish date, for the forecast and for the naive baseline. `--reuse` reads the two
// databases of a previous run as they are instead of re-creating them.
import { createPrismaClient } from "@/lib/db/create-client";
import { loadBacktestMeasures } from "@/lib/forecast/load-backtest-measures";
import { loadForecasts } from "@/lib/forecast/load-forecasts";
import { runBacktest, type BacktestResult, type MethodScores } from "@/lib/forecast/backtest";
import { seedAll } from "@/prisma/seed/seed-all";
import { freshBenchDatabase } from "./bench/bench-database";
import { provinceVolume } from "./bench/province-data";
import { seedProvince } from "./bench/seed";
import { machineLine } from "./bench/stats";

/** The generator's and the seed's "today"; its month is still open, so outcomes are known up to the month before. */
const NOW = new Date("2026-11-28T04:00:00Z");
const DATA_END = "2026-10";

const percent = (value: number | null) => (value === null ? "–" : `${(value * 100).toFixed(1)} %`);

/** One side's figures, as a table row. */
function row(name: string, scores: MethodScores) {
  const cells = [3, 6].flatMap((horizon) => {
    const matrix = scores.byHorizon[horizon]!;
    return [percent(matrix.precision), percent(matrix.recall), `${matrix.cases}`];
  });
  const error = scores.medianFinishErrorDays;
  return `| ${name} | ${cells.join(" | ")} | ${error === null ? "–" : Number.isFinite(error) ? Math.round(error) : "never"} (${scores.finishCases}) |`;
}

/** Whether the method beats the baseline: better or equal F1 at both horizons and a smaller or equal finish error, strictly better somewhere. */
export function beatsBaseline(result: BacktestResult): boolean {
  const f1 = (scores: MethodScores, horizon: number) => {
    const { precision, recall } = scores.byHorizon[horizon]!;
    return precision && recall ? (2 * precision * recall) / (precision + recall) : 0;
  };
  const horizons = [3, 6].map((horizon) => [f1(result.method, horizon), f1(result.baseline, horizon)] as const);
  const error = [result.method.medianFinishErrorDays ?? Infinity, result.baseline.medianFinishErrorDays ?? Infinity] as const;
  const notWorse = horizons.every(([method, baseline]) => method >= baseline) && error[0] <= error[1];
  const better = horizons.some(([method, baseline]) => method > baseline) || error[0] < error[1];
  return notWorse && better;
}

export function report(title: string, result: BacktestResult): string {
  return [
    `### ${title}: ${result.measures} measures with dates and reports, outcomes known up to ${result.dataEnd}`,
    "",
    "| | precision 3 mo | recall 3 mo | cases | precision 6 mo | recall 6 mo | cases | median finish error, days (cases) |",
    "|---|---|---|---|---|---|---|---|",
    row("Theil–Sen forecast", result.method),
    row("naive baseline", result.baseline),
    "",
    `Beats the baseline: ${beatsBaseline(result) ? "yes" : "NO"}`,
  ].join("\n");
}

async function backtest(url: string): Promise<BacktestResult> {
  const db = createPrismaClient(url);
  try {
    const started = performance.now();
    const measures = await loadBacktestMeasures(db);
    const result = runBacktest(measures, DATA_END);
    console.log(`(read and replayed in ${((performance.now() - started) / 1000).toFixed(1)} s)`);
    return result;
  } finally {
    await db.$disconnect();
  }
}

/** How long loadForecasts takes for every measure (3 runs after a warm-up), and the count by class. */
async function timeAllForecasts(url: string): Promise<string> {
  const db = createPrismaClient(url);
  try {
    const today = new Date("2026-11-28T00:00:00Z");
    let forecasts = await loadForecasts(db, { today });
    const runs: number[] = [];
    for (let run = 0; run < 3; run++) {
      const started = performance.now();
      forecasts = await loadForecasts(db, { today });
      runs.push(performance.now() - started);
    }
    const counts: Record<string, number> = {};
    for (const forecast of forecasts) counts[forecast.class] = (counts[forecast.class] ?? 0) + 1;
    return `${forecasts.length} measures in ${runs.map((ms) => Math.round(ms)).join(", ")} ms; ${JSON.stringify(counts)}`;
  } finally {
    await db.$disconnect();
  }
}

async function main() {
  const argument = (name: string) => {
    const index = process.argv.indexOf(name);
    return index > 0 ? process.argv[index + 1] : undefined;
  };
  const measures = Number(argument("--measures") ?? provinceVolume.measures);
  const only = argument("--only");
  const reuse = process.argv.includes("--reuse");
  const existing = (name: string) => {
    const url = new URL(process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres");
    url.pathname = `/${name}`;
    return url.toString();
  };
  let machine = "";
  if (only !== "sample") {
    let url = existing("luoshi_forecast_province");
    if (!reuse) {
      const seeded = await seedProvince({ name: "luoshi_forecast_province", volume: { ...provinceVolume, measures } });
      url = seeded.url;
      console.log(`Generated province data (${measures} measures, ${provinceVolume.months} months) in ${seeded.seconds.toFixed(0)} s`);
    }
    machine = await machineLine(url);
    console.log(report("Generated province data", await backtest(url)));
    console.log(`\nForecast of every measure (loadForecasts, one read): ${await timeAllForecasts(url)}`);
  }
  if (only !== "province") {
    const url = reuse ? existing("luoshi_forecast_sample") : await freshBenchDatabase("luoshi_forecast_sample");
    if (!reuse) {
      const db = createPrismaClient(url);
      await seedAll(db, { now: NOW });
      await db.$disconnect();
    }
    machine ||= await machineLine(url);
    console.log(report("Sample data (prisma/seed)", await backtest(url)));
  }
  console.log(`\nMachine: ${machine}; run ${new Date().toISOString().slice(0, 10)}`);
}

if (process.argv[1]?.endsWith("forecast-backtest.ts")) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
