import { Prisma } from "@/generated/prisma/client";
import type { TrackingSettings } from "./settings";

/**
 * computeLight (light.ts) as SQL, so the ledger can filter and sort by light
 * in the database. Expects the measure as `m`; `latestState` is the SQL of its
 * latest submitted report's state. A test checks both give the same light.
 */
export function lightSql(
  today: Date,
  settings: Pick<TrackingSettings, "paceMarginPercent" | "dueSoonDays">,
  latestState: Prisma.Sql,
): Prisma.Sql {
  const day = Prisma.sql`${today.toISOString().slice(0, 10)}::date`;
  const expected = Prisma.sql`(CASE
      WHEN m."startDate" IS NULL OR m."dueDate" IS NULL THEN NULL
      WHEN m."dueDate" <= m."startDate" THEN CASE WHEN ${day} >= m."dueDate" THEN 100 ELSE 0 END
      ELSE LEAST(100, GREATEST(0, (${day} - m."startDate")::float8 * 100 / (m."dueDate" - m."startDate")))
    END)`;
  return Prisma.sql`(CASE
    WHEN m.status = 'COMPLETED' THEN 'COMPLETED'
    WHEN m."dueDate" < ${day} THEN 'RED'
    WHEN m."percentComplete" < ${expected} - ${settings.paceMarginPercent}::int THEN 'YELLOW'
    WHEN ${latestState} = 'RETURNED' THEN 'YELLOW'
    WHEN m."dueDate" - ${day} <= ${settings.dueSoonDays}::int THEN 'BLUE'
    ELSE 'GREEN'
  END)`;
}
