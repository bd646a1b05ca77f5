import { Prisma } from "@/generated/prisma/client";
import { lightSql, measureStateSql } from "@/lib/measures/measure-sql";
import { isoDay } from "@/lib/tracking/dates";
import type { TrackingSettings } from "@/lib/tracking/settings";
import { type CandidateRow, type KeyedEvent, toReminderEvent } from "./reminder-event";

type LightRow = CandidateRow & { light: string; previous: string | null; underWay: boolean };

/**
 * Today's light of every measure (lightSql, the ledger's rule) against the last
 * light the run saw (MeasureLightState). A measure under way whose light turned
 * YELLOW or RED since → measure.lightChanged to the lead unit, the inspectors and
 * the leaders, key `measure.lightChanged:<measureId>:<light>:<YYYY-MM-DD>`. The
 * first sighting of a measure only records its light (no event: there is no
 * "before"). Then the stored lights become today's, in the same transaction.
 */
export async function lightChangeReminders(
  tx: Prisma.TransactionClient,
  today: Date,
  settings: Pick<TrackingSettings, "paceMarginPercent" | "dueSoonDays">,
): Promise<KeyedEvent[]> {
  const day = isoDay(today);
  const { state } = measureStateSql(undefined);
  const current = Prisma.sql`SELECT m.id, m.code, m."titleZh", m."titleEn", m."leadUnitId", m.status,
      ${lightSql(today, settings, state)} AS light FROM "Measure" m`;
  const rows = await tx.$queryRaw<LightRow[]>(Prisma.sql`
    WITH cur AS (${current})
    SELECT ${"measure.lightChanged:"} || cur.id || ':' || cur.light || ${`:${day}`} AS key, cur.id AS "measureId",
           'Measure' AS "entityType", cur.id AS "entityId", cur.code, cur."titleZh", cur."titleEn", cur."leadUnitId",
           u.active AS "unitActive", cur.light, s.light AS previous, cur.status IN ('NOT_STARTED', 'IN_PROGRESS') AS "underWay"
    FROM cur JOIN "Unit" u ON u.id = cur."leadUnitId"
    JOIN "MeasureLightState" s ON s."measureId" = cur.id
    WHERE s.light <> cur.light AND cur.light IN ('YELLOW', 'RED')`);
  await tx.$executeRaw(Prisma.sql`
    INSERT INTO "MeasureLightState" ("measureId", light, "changedOn")
    SELECT cur.id, cur.light, ${day}::date FROM (${current}) cur
    ON CONFLICT ("measureId") DO UPDATE SET light = EXCLUDED.light, "changedOn" = EXCLUDED."changedOn"
    WHERE "MeasureLightState".light <> EXCLUDED.light`);
  return rows
    .filter((row) => row.underWay)
    .map(({ light, previous, underWay: _underWay, ...row }) =>
      toReminderEvent("measure.lightChanged", row, ["INSPECTOR", "LEADER"], { light, previous, day }),
    );
}
