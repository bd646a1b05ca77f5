import { Prisma } from "@/generated/prisma/client";
import type { TrackingSettings } from "@/lib/tracking/settings";
import { suspendedAsOfSql } from "@/lib/tracking/suspension";

/*
 * Every SQL fragment that relies on fixed table aliases lives here, so the aliases
 * are written down once: `m` (Measure), `a` (Area), `p` (Programme), and, for a past
 * month, the lateral joins `approved` and `submitted` of measureStateSql. Callers
 * select FROM scopedMeasuresFrom and may add conditions on these aliases.
 */

/** The scope filters the ledger and the dashboard share: programme, area, city and lead unit, by code. */
export interface MeasureScope {
  programme?: string;
  area?: string;
  city?: string;
  leadUnit?: string;
}

/** Measure `m` with its area `a` and programme `p`. */
export const scopedMeasuresFrom = Prisma.sql`"Measure" m JOIN "Area" a ON a.id = m."areaId" JOIN "Programme" p ON p.id = a."programmeId"`;

/** The scope filters on `m`, `a` and `p`, ANDed with any extra conditions of the caller. */
export function scopeWhereSql(scope: MeasureScope, extra: Prisma.Sql[] = []): Prisma.Sql {
  const conditions: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (scope.programme) conditions.push(Prisma.sql`p.code = ${scope.programme}`);
  if (scope.area) conditions.push(Prisma.sql`a.code = ${scope.area}`);
  if (scope.city) {
    // A set of ids the planner can hash, rather than a probe per measure.
    conditions.push(Prisma.sql`m.id IN (SELECT mc."measureId" FROM "MeasureCity" mc
      WHERE mc."cityId" = (SELECT c.id FROM "City" c WHERE c.code = ${scope.city}))`);
  }
  if (scope.leadUnit) conditions.push(Prisma.sql`m."leadUnitId" = (SELECT u.id FROM "Unit" u WHERE u.code = ${scope.leadUnit})`);
  return Prisma.join([...conditions, ...extra], " AND ");
}

/** SQL for the inputs of the light rule: a measure's status, percent and latest submitted report's state. */
export interface MeasureStateSql {
  status: Prisma.Sql;
  percent: Prisma.Sql;
  latestState: Prisma.Sql;
  latestPeriod: Prisma.Sql;
  investmentCompleted: Prisma.Sql;
}

/** A date, or an SQL expression for it (the trend evaluates each month's last day). */
function daySql(today: Date | Prisma.Sql): Prisma.Sql {
  return today instanceof Date ? Prisma.sql`${today.toISOString().slice(0, 10)}::date` : today;
}

/** expectedPercent (light.ts) as SQL on measure `m`: 序时进度, 0–100, NULL without both dates. */
export function expectedPercentSql(today: Date | Prisma.Sql): Prisma.Sql {
  const day = daySql(today);
  return Prisma.sql`(CASE
      WHEN m."startDate" IS NULL OR m."dueDate" IS NULL THEN NULL
      WHEN m."dueDate" <= m."startDate" THEN CASE WHEN ${day} >= m."dueDate" THEN 100 ELSE 0 END
      ELSE LEAST(100, GREATEST(0, (${day} - m."startDate")::float8 * 100 / (m."dueDate" - m."startDate")))
    END)`;
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
  const day = daySql(today);
  const expected = expectedPercentSql(day);
  return Prisma.sql`(CASE
    WHEN ${state.status} = 'COMPLETED' THEN 'COMPLETED'
    WHEN ${state.status} = 'SUSPENDED' THEN 'SUSPENDED'
    WHEN m."dueDate" < ${day} THEN 'RED'
    WHEN ${state.percent} < ${expected} - ${settings.paceMarginPercent}::int THEN 'YELLOW'
    WHEN ${state.latestState} = 'RETURNED' THEN 'YELLOW'
    WHEN m."dueDate" - ${day} <= ${settings.dueSoonDays}::int THEN 'BLUE'
    ELSE 'GREEN'
  END)`;
}

/**
 * How to read a measure's state on measure `m`: now (its own columns), or as of
 * the end of a month, rebuilt from the LEAD unit's report history (cooperating
 * units' reports never count) — percent from the latest approved report up to that month (0 before any), completed if that report was
 * a completion report, suspended if it was at the month's end (its suspension
 * periods, lib/tracking/suspension.ts), investment completed as that report gave it, and the
 * latest submitted report up to that month.
 * Due dates are today's (extensions are not replayed).
 * One unit has one report per measure and month (the unique key), so ordering by
 * period alone is exact, and lets each lateral stop at the first index entry
 * instead of sorting all of a measure's months (10× faster at province volume).
 */
export function measureStateSql(asOf: string | undefined): { joins: Prisma.Sql; state: MeasureStateSql } {
  if (!asOf) {
    return {
      joins: Prisma.empty,
      state: {
        status: Prisma.sql`m.status`,
        percent: Prisma.sql`m."percentComplete"`,
        latestState: Prisma.sql`m."latestReportState"`,
        latestPeriod: Prisma.sql`m."latestReportPeriod"`,
        investmentCompleted: Prisma.sql`m."investmentCompleted"`,
      },
    };
  }
  const month = Prisma.sql`${`${asOf}-01`}::date`;
  return {
    joins: Prisma.sql`
      LEFT JOIN LATERAL (
        SELECT r."percentComplete", r."isCompletion", r."investmentCompleted" FROM "ProgressReport" r
        WHERE r."measureId" = m.id AND r."unitId" = m."leadUnitId" AND r.state = 'APPROVED' AND r.period <= ${month}
        ORDER BY r.period DESC LIMIT 1
      ) approved ON TRUE
      LEFT JOIN LATERAL (
        SELECT r.state, r.period FROM "ProgressReport" r
        WHERE r."measureId" = m.id AND r."unitId" = m."leadUnitId" AND r.state <> 'DRAFT' AND r.period <= ${month}
        ORDER BY r.period DESC LIMIT 1
      ) submitted ON TRUE`,
    state: {
      status: Prisma.sql`(CASE WHEN approved."isCompletion" THEN 'COMPLETED' WHEN ${suspendedAsOfSql(Prisma.sql`m`, month)} THEN 'SUSPENDED'
        WHEN approved."percentComplete" IS NULL THEN 'NOT_STARTED' ELSE 'IN_PROGRESS' END)::"MeasureStatus"`,
      percent: Prisma.sql`COALESCE(approved."percentComplete", 0)`,
      latestState: Prisma.sql`submitted.state`,
      latestPeriod: Prisma.sql`submitted.period`,
      investmentCompleted: Prisma.sql`approved."investmentCompleted"`,
    },
  };
}

/** Measures `m` that this unit leads (the ledger's "my unit leads"). */
export function unitLeadsSql(unitId: string): Prisma.Sql {
  return Prisma.sql`m."leadUnitId" = ${unitId}`;
}

/** Measures `m` this unit cooperates on, as an id set the planner can hash (the ledger's "my unit cooperates"). */
export function unitCooperatesSql(unitId: string): Prisma.Sql {
  return Prisma.sql`m.id IN (SELECT mcu."measureId" FROM "MeasureCooperatingUnit" mcu WHERE mcu."unitId" = ${unitId})`;
}

/**
 * measureWhereFor's "ownUnit" scope as a set of measure ids (column "measureId"):
 * the measures the unit leads or cooperates on, each found through its index.
 */
export function ownUnitMeasureIdsSql(unitId: string): Prisma.Sql {
  return Prisma.sql`SELECT ml.id AS "measureId" FROM "Measure" ml WHERE ml."leadUnitId" = ${unitId}
    UNION SELECT mcu."measureId" FROM "MeasureCooperatingUnit" mcu WHERE mcu."unitId" = ${unitId}`;
}
