import { Prisma } from "@/generated/prisma/client";
import type { PrismaClient } from "@/lib/db/create-client";
import { scopedMeasuresFrom } from "@/lib/measures/measure-sql";
import { formatPeriod, monthOf } from "@/lib/tracking/dates";
import { FORECAST_WINDOW, forecastMeasure, type Forecast, type ForecastPoint } from "./forecast";

export interface MeasureForecast extends Forecast {
  measureId: string;
  code: string;
}

export interface LoadForecastsOptions {
  /** Conditions on `m`, `a`, `p` (lib/measures/measure-sql.ts, e.g. scopeWhereSql or measureWhere SQL); default all measures. */
  where?: Prisma.Sql;
  /** Forecast as of the end of this month ("YYYY-MM"), from the reports approved for it and before; default the month of `today`. */
  asOf?: string;
  today: Date;
}

type Row = {
  measureId: string;
  code: string;
  startDate: Date | null;
  dueDate: Date | null;
  ongoing: boolean;
  status: string;
  points: ForecastPoint[] | null;
};

/**
 * The forecast of every measure in scope, in ONE statement: each measure with
 * its lead unit's last FORECAST_WINDOW approved reports up to the as-of month
 * (one index probe per measure, the shape of measureStateSql), then the pure
 * forecast in memory. Cooperating units' reports never count. The ledger, the
 * dashboard and the bulletin pass their own `where`.
 */
export async function loadForecasts(db: PrismaClient, { where = Prisma.sql`TRUE`, asOf, today }: LoadForecastsOptions): Promise<MeasureForecast[]> {
  const month = asOf ?? formatPeriod(monthOf(today));
  const rows = await db.$queryRaw<Row[]>(forecastRowsSql(where, month));
  return rows.map((row) => ({
    measureId: row.measureId,
    code: row.code,
    ...forecastMeasure({ startDate: row.startDate, dueDate: row.dueDate, ongoing: row.ongoing, status: row.status, history: row.points ?? [] }, month),
  }));
}

/** The rows loadForecasts reads: measure dates and status, and its recent approved points as JSON. */
export function forecastRowsSql(where: Prisma.Sql, month: string): Prisma.Sql {
  return Prisma.sql`SELECT m.id AS "measureId", m.code, m."startDate", m."dueDate", m.ongoing, m.status::text AS status, h.points
    FROM ${scopedMeasuresFrom}
    LEFT JOIN LATERAL (
      SELECT json_agg(json_build_object('period', to_char(r.period, 'YYYY-MM'), 'percent', r."percentComplete", 'isCompletion', r."isCompletion")) AS points
      FROM (
        SELECT r.period, r."percentComplete", r."isCompletion" FROM "ProgressReport" r
        WHERE r."measureId" = m.id AND r."unitId" = m."leadUnitId" AND r.state = 'APPROVED' AND r.period <= ${`${month}-01`}::date
        ORDER BY r.period DESC LIMIT ${FORECAST_WINDOW}
      ) r
    ) h ON TRUE
    WHERE ${where}
    ORDER BY m."sortOrder", m.code`;
}

/** One measure's forecast (the measure page). */
export async function loadMeasureForecast(db: PrismaClient, measureId: string, today: Date, asOf?: string): Promise<MeasureForecast | null> {
  const [forecast] = await loadForecasts(db, { where: Prisma.sql`m.id = ${measureId}`, today, asOf });
  return forecast ?? null;
}
