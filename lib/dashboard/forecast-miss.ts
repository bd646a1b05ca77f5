import { Prisma } from "@/generated/prisma/client";
import type { PrismaClient } from "@/lib/db/create-client";
import { forecastClassIds } from "@/lib/forecast/forecast-cache";
import { MISS_HORIZON_DAYS, missHorizonDay } from "@/lib/forecast/scope-forecasts";
import { asOfDay } from "@/lib/tracking/as-of";
import type { DashboardQuery } from "./schemas";

export interface ForecastMissCard {
  /** Measures of the scope forecast to miss (WILL_MISS) and due on or before `dueTo`. */
  value: number;
  /** The horizon's last day (YYYY-MM-DD): the dashboard's day plus MISS_HORIZON_DAYS. */
  dueTo: string;
  days: number;
  /** The same measures by area, city (a measure in two cities counts in both) and lead unit, most first. */
  byArea: ForecastMissGroup[];
  byCity: ForecastMissGroup[];
  byLeadUnit: ForecastMissGroup[];
}

export interface ForecastMissGroup {
  code: string;
  nameZh: string;
  nameEn: string;
  count: number;
}

/**
 * "Forecast to miss in the next 90 days": measures of the dashboard's scope due
 * by the dashboard's day + 90 days whose forecast (as of the dashboard's month)
 * is will miss. The ledger with forecast=WILL_MISS and dueTo=`dueTo` lists
 * exactly these (dashboard-links.ts).
 */
export async function getForecastMissCard(db: PrismaClient, query: DashboardQuery, today: Date): Promise<ForecastMissCard> {
  const dueTo = missHorizonDay(asOfDay(query.asOf, today));
  // This month from the forecast cache; a past month computes the scope's forecasts as of then.
  const ids = await forecastClassIds(db, query, "WILL_MISS", today, [Prisma.sql`m."dueDate" <= ${dueTo}::date`]);
  const [byArea, byCity, byLeadUnit] = ids.length === 0 ? [[], [], []] : await Promise.all(breakdownSql.map((sql) => db.$queryRaw<ForecastMissGroup[]>(sql(ids))));
  return { value: ids.length, dueTo, days: MISS_HORIZON_DAYS, byArea: byArea!, byCity: byCity!, byLeadUnit: byLeadUnit! };
}

const breakdownSql = [
  (ids: string[]) => Prisma.sql`SELECT a.code, a."titleZh" AS "nameZh", a."titleEn" AS "nameEn", count(*)::int AS count
    FROM "Measure" m JOIN "Area" a ON a.id = m."areaId" WHERE m.id = ANY(${ids})
    GROUP BY a.id ORDER BY count DESC, a."sortOrder", a.code`,
  (ids: string[]) => Prisma.sql`SELECT c.code, c."nameZh", c."nameEn", count(*)::int AS count
    FROM "MeasureCity" mc JOIN "City" c ON c.id = mc."cityId" WHERE mc."measureId" = ANY(${ids})
    GROUP BY c.id ORDER BY count DESC, c.code`,
  (ids: string[]) => Prisma.sql`SELECT u.code, u."nameZh", u."nameEn", count(*)::int AS count
    FROM "Measure" m JOIN "Unit" u ON u.id = m."leadUnitId" WHERE m.id = ANY(${ids})
    GROUP BY u.id ORDER BY count DESC, u.code`,
];
