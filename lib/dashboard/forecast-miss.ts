import { Prisma } from "@/generated/prisma/client";
import type { PrismaClient } from "@/lib/db/create-client";
import { loadForecasts } from "@/lib/forecast/load-forecasts";
import { MISS_HORIZON_DAYS, missHorizonDay } from "@/lib/forecast/scope-forecasts";
import { scopeWhereSql } from "@/lib/measures/measure-sql";
import { asOfDay } from "@/lib/tracking/as-of";
import type { DashboardQuery } from "./schemas";

export interface ForecastMissCard {
  /** Measures of the scope forecast to miss (WILL_MISS) and due on or before `dueTo`. */
  value: number;
  /** The horizon's last day (YYYY-MM-DD): the dashboard's day plus MISS_HORIZON_DAYS. */
  dueTo: string;
  days: number;
}

/**
 * "Forecast to miss in the next 90 days": measures of the dashboard's scope due
 * by the dashboard's day + 90 days whose forecast (as of the dashboard's month)
 * is will miss. The ledger with forecast=WILL_MISS and dueTo=`dueTo` lists
 * exactly these (dashboard-links.ts).
 */
export async function getForecastMissCard(db: PrismaClient, query: DashboardQuery, today: Date): Promise<ForecastMissCard> {
  const dueTo = missHorizonDay(asOfDay(query.asOf, today));
  const forecasts = await loadForecasts(db, {
    where: scopeWhereSql(query, [Prisma.sql`m."dueDate" <= ${dueTo}::date`]),
    asOf: query.asOf,
    today,
  });
  return { value: forecasts.filter((forecast) => forecast.class === "WILL_MISS").length, dueTo, days: MISS_HORIZON_DAYS };
}
