import { Prisma } from "@/generated/prisma/client";
import type { TrackingSettings } from "./settings";

/** SQL for the inputs of the light rule: a measure's status, percent and latest submitted report's state. */
export interface MeasureStateSql {
  status: Prisma.Sql;
  percent: Prisma.Sql;
  latestState: Prisma.Sql;
  latestPeriod: Prisma.Sql;
  investmentCompleted: Prisma.Sql;
}

/**
 * computeLight (light.ts) as SQL, so the ledger and the dashboard can filter,
 * sort and count by light in the database. Dates come from the measure `m`;
 * the other inputs from `state`. A test checks both give the same light.
 */
export function lightSql(
  today: Date | Prisma.Sql,
  settings: Pick<TrackingSettings, "paceMarginPercent" | "dueSoonDays">,
  state: Pick<MeasureStateSql, "status" | "percent" | "latestState">,
): Prisma.Sql {
  // A date, or an SQL expression for it (the trend evaluates each month's last day).
  const day = today instanceof Date ? Prisma.sql`${today.toISOString().slice(0, 10)}::date` : today;
  const expected = Prisma.sql`(CASE
      WHEN m."startDate" IS NULL OR m."dueDate" IS NULL THEN NULL
      WHEN m."dueDate" <= m."startDate" THEN CASE WHEN ${day} >= m."dueDate" THEN 100 ELSE 0 END
      ELSE LEAST(100, GREATEST(0, (${day} - m."startDate")::float8 * 100 / (m."dueDate" - m."startDate")))
    END)`;
  return Prisma.sql`(CASE
    WHEN ${state.status} = 'COMPLETED' THEN 'COMPLETED'
    WHEN m."dueDate" < ${day} THEN 'RED'
    WHEN ${state.percent} < ${expected} - ${settings.paceMarginPercent}::int THEN 'YELLOW'
    WHEN ${state.latestState} = 'RETURNED' THEN 'YELLOW'
    WHEN m."dueDate" - ${day} <= ${settings.dueSoonDays}::int THEN 'BLUE'
    ELSE 'GREEN'
  END)`;
}
