import { Prisma } from "@/generated/prisma/client";
import type { PrismaClient } from "@/lib/db/create-client";
import { forecastClassSql } from "@/lib/forecast/forecast-cache";
import { MISS_HORIZON_DAYS, missHorizonDay } from "@/lib/forecast/scope-forecasts";
import { scopedMeasuresFrom, scopeWhereSql } from "@/lib/measures/measure-sql";
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
  const due = Prisma.sql`m."dueDate" <= ${dueTo}::date`;
  // From the forecast cache for this month and the past months of its window; an older month computes the scope's forecasts as of then.
  const condition = await forecastClassSql(db, query, "WILL_MISS", today, [due]);
  // The count and the three breakdowns in one statement.
  const rows = await db.$queryRaw<(ForecastMissGroup & { key: "total" | "area" | "city" | "leadUnit" })[]>`
    WITH miss AS (SELECT m.id, m."areaId", m."leadUnitId" FROM ${scopedMeasuresFrom} WHERE ${scopeWhereSql(query, [due, condition])})
    SELECT * FROM (
      SELECT 'total' AS key, '' AS code, '' AS "nameZh", '' AS "nameEn", count(*)::int AS count, 0 AS sort FROM miss
      UNION ALL
      SELECT 'area', a.code, a."titleZh", a."titleEn", count(*)::int, min(a."sortOrder") FROM miss JOIN "Area" a ON a.id = miss."areaId" GROUP BY a.id
      UNION ALL
      SELECT 'city', c.code, c."nameZh", c."nameEn", count(*)::int, 0 FROM miss JOIN "MeasureCity" mc ON mc."measureId" = miss.id JOIN "City" c ON c.id = mc."cityId" GROUP BY c.id
      UNION ALL
      SELECT 'leadUnit', u.code, u."nameZh", u."nameEn", count(*)::int, 0 FROM miss JOIN "Unit" u ON u.id = miss."leadUnitId" GROUP BY u.id
    ) g ORDER BY count DESC, sort, code`;
  const of = (key: "area" | "city" | "leadUnit") =>
    rows.filter((row) => row.key === key).map(({ code, nameZh, nameEn, count }) => ({ code, nameZh, nameEn, count }));
  return { value: rows.find((row) => row.key === "total")?.count ?? 0, dueTo, days: MISS_HORIZON_DAYS, byArea: of("area"), byCity: of("city"), byLeadUnit: of("leadUnit") };
}
