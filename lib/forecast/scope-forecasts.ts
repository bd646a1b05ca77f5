import type { PrismaClient } from "@/lib/db/create-client";
import { scopeWhereSql, type MeasureScope } from "@/lib/measures/measure-sql";
import { loadForecasts, type MeasureForecast } from "./load-forecasts";

/**
 * The forecast of every measure in a ledger/dashboard scope (programme, area,
 * city, lead unit), as of the end of `asOf`'s month (default: today's).
 * Computed, not cached: one statement plus the fit in memory (about 0.4 s for
 * the 10,000 measures of the province). The ledger filter and the dashboard
 * card read the cache instead, this month and as of the past months of the
 * trend cache's window (forecast-cache.ts).
 */
export function loadScopeForecasts(db: PrismaClient, scope: MeasureScope & { asOf?: string }, today: Date): Promise<MeasureForecast[]> {
  return loadForecasts(db, { where: scopeWhereSql(scope), asOf: scope.asOf, today });
}

/** Will-miss forecasts of measures due within `days` days of `today` (the dashboard's card). */
export const MISS_HORIZON_DAYS = 90;

/** The last day ("YYYY-MM-DD") of the dashboard's miss horizon: due on or before it. */
export function missHorizonDay(today: Date, days = MISS_HORIZON_DAYS): string {
  return new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + days)).toISOString().slice(0, 10);
}
