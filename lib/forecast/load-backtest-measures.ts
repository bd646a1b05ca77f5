import { Prisma } from "@/generated/prisma/client";
import type { PrismaClient } from "@/lib/db/create-client";
import { scopedMeasuresFrom } from "@/lib/measures/measure-sql";
import type { BacktestMeasure } from "./backtest";
import type { ForecastPoint } from "./forecast";

/** Every measure in scope with its lead unit's WHOLE approved history, in one statement (the backtest replays it). */
export async function loadBacktestMeasures(db: PrismaClient, where: Prisma.Sql = Prisma.sql`TRUE`): Promise<BacktestMeasure[]> {
  const rows = await db.$queryRaw<(Omit<BacktestMeasure, "history"> & { points: ForecastPoint[] | null })[]>(Prisma.sql`
    SELECT m.id, m."startDate", m."dueDate", m.ongoing, m.status::text AS status, h.points
    FROM ${scopedMeasuresFrom}
    LEFT JOIN LATERAL (
      SELECT json_agg(json_build_object('period', to_char(r.period, 'YYYY-MM'), 'percent', r."percentComplete", 'isCompletion', r."isCompletion") ORDER BY r.period) AS points
      FROM "ProgressReport" r
      WHERE r."measureId" = m.id AND r."unitId" = m."leadUnitId" AND r.state = 'APPROVED'
    ) h ON TRUE
    WHERE ${where}`);
  return rows.map(({ points, ...measure }) => ({ ...measure, history: points ?? [] }));
}
