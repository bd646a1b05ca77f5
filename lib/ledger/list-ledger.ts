import { Prisma } from "@/generated/prisma/client";
import type { MeasureStatus, ReportState } from "@/generated/prisma/enums";
import type { PrismaClient } from "@/lib/db/create-client";
import {
  expectedPercentSql,
  lightSql,
  measureStateSql,
  scopedMeasuresFrom,
  scopeWhereSql,
  unitCooperatesSql,
  unitLeadsSql,
  type MeasureStateSql,
} from "@/lib/measures/measure-sql";
import type { Light } from "@/lib/tracking/light";
import { asOfDay } from "@/lib/tracking/as-of";
import type { TrackingSettings } from "@/lib/tracking/settings";
import { monthEnd, monthOf } from "@/lib/tracking/dates";
import { reportExpectedSql } from "@/lib/reports/expected-reports-sql";
import type { SortableLedgerColumn } from "./ledger-columns";
import type { LedgerQuery, MonthReportFilter } from "./schemas";
import { forecastClassSql } from "@/lib/forecast/forecast-cache";

export interface LedgerRow {
  id: string;
  code: string;
  titleZh: string;
  titleEn: string;
  areaCode: string;
  areaZh: string;
  areaEn: string;
  leadUnitCode: string;
  leadUnitZh: string;
  leadUnitEn: string;
  dueDate: Date | null;
  /** An ongoing task (长期坚持): shown as 长期 in place of the due date. */
  ongoing: boolean;
  status: MeasureStatus;
  percentComplete: number;
  light: Light;
  latestPeriod: Date | null;
  latestState: ReportState | null;
  isSample: boolean;
  responsiblePerson: string | null;
  /** 序时进度 (0–100) on the ledger's day; null without start and due dates. */
  expectedPercent: number | null;
  kpiNameZh: string | null;
  kpiNameEn: string | null;
  kpiUnit: string | null;
  kpiTarget: Prisma.Decimal | null;
  kpiActual: Prisma.Decimal | null;
  investmentPlanned: Prisma.Decimal | null;
  /** As of the ledger's month when it shows a past month. */
  investmentCompleted: Prisma.Decimal | null;
}

const sortSql: Record<SortableLedgerColumn, Prisma.Sql> = {
  code: Prisma.sql`area_sort, "sortOrder", code`,
  title: Prisma.sql`"titleZh"`,
  area: Prisma.sql`area_sort, "areaCode"`,
  leadUnit: Prisma.sql`"leadUnitCode"`,
  responsiblePerson: Prisma.sql`"responsiblePerson"`,
  dueDate: Prisma.sql`"dueDate"`,
  status: Prisma.sql`status`,
  percent: Prisma.sql`"percentComplete"`,
  expectedPercent: Prisma.sql`"expectedPercent"`,
  // Most urgent first when ascending.
  light: Prisma.sql`CASE light WHEN 'RED' THEN 0 WHEN 'YELLOW' THEN 1 WHEN 'BLUE' THEN 2 WHEN 'GREEN' THEN 3 WHEN 'COMPLETED' THEN 4 ELSE 5 END`,
  latestPeriod: Prisma.sql`"latestPeriod"`,
  latestState: Prisma.sql`"latestState"`,
  investmentPlanned: Prisma.sql`"investmentPlanned"`,
  investmentCompleted: Prisma.sql`"investmentCompleted"`,
};

const groupSql = { area: Prisma.sql`area_sort, "areaCode"`, leadUnit: Prisma.sql`"leadUnitCode"` } as const;

/** LIKE pattern for a search text, with its wildcards taken literally. */
function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

/**
 * The month's report filter: the same expected-report rule as the dashboard's
 * reporting figures (expected-reports-sql.ts), on the lead unit's report of that month.
 */
function monthReportSql(filter: MonthReportFilter, day: Date, state: MeasureStateSql): Prisma.Sql {
  const expected = reportExpectedSql(state.status, Prisma.sql`m."startDate"`, monthEnd(day));
  const reportState = Prisma.sql`(SELECT r.state::text FROM "ProgressReport" r
    WHERE r."measureId" = m.id AND r."unitId" = m."leadUnitId" AND r.period = ${monthOf(day)}::date)`;
  const submitted = Prisma.sql`COALESCE(${reportState} IN ('SUBMITTED', 'APPROVED'), FALSE)`;
  const condition = {
    due: Prisma.sql`TRUE`,
    submitted,
    approved: Prisma.sql`COALESCE(${reportState} = 'APPROVED', FALSE)`,
    missing: Prisma.sql`NOT ${submitted}`,
  }[filter];
  return Prisma.sql`(${expected} AND ${condition})`;
}

/** The ledger's filters: the shared scope plus search text, the viewer's unit, responsible person, status, due dates and reports. */
function whereSql(query: LedgerQuery, state: MeasureStateSql, day: Date): Prisma.Sql {
  const extra: Prisma.Sql[] = [];
  if (query.q) {
    const pattern = containsPattern(query.q);
    extra.push(Prisma.sql`(m.code ILIKE ${pattern} OR m."titleZh" ILIKE ${pattern} OR m."titleEn" ILIKE ${pattern})`);
  }
  if (query.myUnit) {
    // Without a unit (or a viewer), "my unit" matches nothing.
    const unitId = query.viewerUnitId;
    extra.push(unitId ? (query.myUnit === "lead" ? unitLeadsSql(unitId) : unitCooperatesSql(unitId)) : Prisma.sql`FALSE`);
  }
  if (query.person) extra.push(Prisma.sql`m."responsiblePerson" ILIKE ${containsPattern(query.person)}`);
  if (query.status) extra.push(Prisma.sql`${state.status} = ${query.status}::"MeasureStatus"`);
  if (query.dueFrom) extra.push(Prisma.sql`m."dueDate" >= ${query.dueFrom}::date`);
  if (query.dueTo) extra.push(Prisma.sql`m."dueDate" <= ${query.dueTo}::date`);
  if (query.latestState) extra.push(Prisma.sql`${state.latestState}::text = ${query.latestState}`);
  if (query.monthReport) extra.push(monthReportSql(query.monthReport, day, state));
  return scopeWhereSql(query, extra);
}

/**
 * The ledger's SQL: filters, the computed light, sorting and one page, with the
 * total in the same statement. Exposed so the benchmark can time the bare SQL.
 */
export function ledgerSql(query: LedgerQuery, today: Date, settings: TrackingSettings, forecastCondition?: Prisma.Sql, allPages = false): Prisma.Sql {
  const { joins, state } = measureStateSql(query.asOf);
  const day = asOfDay(query.asOf, today);
  const light = lightSql(day, settings, state);
  const direction = query.dir === "desc" ? Prisma.sql`DESC` : Prisma.sql`ASC`;
  const order = query.group
    ? Prisma.sql`${groupSql[query.group]}, ${sortSql[query.sort]} ${direction} NULLS LAST, code`
    : Prisma.sql`${sortSql[query.sort]} ${direction} NULLS LAST, code`;
  return Prisma.sql`
    WITH ledger AS (
      SELECT m.id, m.code, m."titleZh", m."titleEn", m."dueDate", m.ongoing, ${state.status} AS status, ${state.percent} AS "percentComplete",
             m."sortOrder", m."isSample",
             a.code AS "areaCode", a."titleZh" AS "areaZh", a."titleEn" AS "areaEn", a."sortOrder" AS area_sort,
             u.code AS "leadUnitCode", u."nameZh" AS "leadUnitZh", u."nameEn" AS "leadUnitEn",
             ${state.latestPeriod} AS "latestPeriod", ${state.latestState} AS "latestState",
             ${light} AS light,
             m."responsiblePerson", ${expectedPercentSql(day)} AS "expectedPercent",
             m."kpiNameZh", m."kpiNameEn", m."kpiUnit", m."kpiTarget", m."kpiActual",
             m."investmentPlanned", ${state.investmentCompleted} AS "investmentCompleted"
      FROM ${scopedMeasuresFrom}
      JOIN "Unit" u ON u.id = m."leadUnitId"
      ${joins}
      WHERE ${whereSql(query, state, day)}${forecastCondition ? Prisma.sql` AND ${forecastCondition}` : Prisma.empty}
    )
    SELECT *, count(*) OVER () AS total, bool_or("isSample") OVER () AS "anySample" FROM ledger
    ${query.light ? Prisma.sql`WHERE light = ${query.light}` : Prisma.empty}
    ORDER BY ${order}
    ${allPages ? Prisma.empty : Prisma.sql`LIMIT ${query.perPage} OFFSET ${(query.page - 1) * query.perPage}`}`;
}

/**
 * One page of the ledger (every page with `allPages`: the exports, in one statement
 * rather than one per batch), the number of measures matching its filters and
 * whether any of them is sample data.
 */
export async function listLedger(
  db: PrismaClient,
  query: LedgerQuery,
  today: Date,
  settings: TrackingSettings,
  { allPages = false }: { allPages?: boolean } = {},
): Promise<{ rows: LedgerRow[]; total: number; hasSample: boolean }> {
  // The forecast filter: the cache's class this month, or the ids of the scope's forecasts as of a past month.
  const forecastCondition = query.forecast ? await forecastClassSql(db, query, query.forecast, today) : undefined;
  const rows = await db.$queryRaw<(LedgerRow & { total: bigint; anySample: boolean })[]>(ledgerSql(query, today, settings, forecastCondition, allPages));
  if (rows.length === 0 && query.page > 1 && !allPages) {
    // Past the last page: still report how many match.
    const { total, hasSample } = await listLedger(db, { ...query, page: 1 }, today, settings);
    return { rows: [], total, hasSample };
  }
  const total = rows[0] ? Number(rows[0].total) : 0;
  // Sample figures anywhere in the filtered set, not only on this page.
  const hasSample = rows[0]?.anySample ?? false;
  return { rows: rows.map(({ total: _total, anySample: _anySample, ...row }) => row as LedgerRow), total, hasSample };
}
