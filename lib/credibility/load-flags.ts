import { Prisma } from "@/generated/prisma/client";
import type { PrismaClient } from "@/lib/db/create-client";
import { getTrackingSettings } from "@/lib/tracking/settings";
import { type CredibilityRule, CREDIBILITY_RULES, evaluateCredibility, type RawFlag } from "./rules";
import { type CredibilitySettings, getCredibilitySettings } from "./settings";

/** A raised flag as reviewers see it: explained (with the note) or open. */
export interface CredibilityFlag extends RawFlag {
  explained: { note: string; by: string; at: Date } | null;
}

type FactsRow = {
  id: string;
  period: Date;
  percentComplete: number;
  kpiActual: Prisma.Decimal | null;
  investmentCompleted: Prisma.Decimal | null;
  progress: string;
  isCompletion: boolean;
  submittedAt: Date | null;
  kpiBaseline: Prisma.Decimal | null;
  kpiTarget: Prisma.Decimal | null;
  investmentPlanned: Prisma.Decimal | null;
  prevPeriod: Date | null;
  prevPercent: number | null;
  lastMonthProgress: string | null;
  milestonesCompleted: number;
  earlier: { period: string; submittedAt: string | null }[] | null;
};

const num = (value: Prisma.Decimal | null) => (value === null ? null : Number(value));

/**
 * The facts of many reports in one statement: each report with its measure's
 * targets, the unit's previous approved report, last month's report, the
 * milestones completed since, and the unit's submissions of the months before
 * (lateral index lookups per report: no query per row).
 */
function factsSql(reportIds: string[], lookBackMonths: number): Prisma.Sql {
  return Prisma.sql`
    SELECT r.id, r.period, r."percentComplete", r."kpiActual", r."investmentCompleted", r.progress, r."isCompletion", r."submittedAt",
           m."kpiBaseline", m."kpiTarget", m."investmentPlanned",
           prev.period AS "prevPeriod", prev."percentComplete" AS "prevPercent",
           last.progress AS "lastMonthProgress",
           (SELECT count(*)::int FROM "Milestone" ms
             WHERE ms."measureId" = r."measureId" AND ms."completedOn" IS NOT NULL
               AND ms."completedOn" >= COALESCE((prev.period + interval '1 month')::date, r.period)
               AND ms."completedOn" < (r.period + interval '1 month')::date) AS "milestonesCompleted",
           (SELECT json_agg(json_build_object('period', e.period, 'submittedAt', e."submittedAt") ORDER BY e.period DESC)
              FROM "ProgressReport" e
             WHERE e."measureId" = r."measureId" AND e."unitId" = r."unitId" AND e.state <> 'DRAFT'
               AND e.period < r.period AND e.period >= (r.period - make_interval(months => ${lookBackMonths}))::date) AS earlier
    FROM "ProgressReport" r
    JOIN "Measure" m ON m.id = r."measureId"
    LEFT JOIN LATERAL (
      SELECT p.period, p."percentComplete" FROM "ProgressReport" p
      WHERE p."measureId" = r."measureId" AND p."unitId" = r."unitId" AND p.state = 'APPROVED' AND p.period < r.period
      ORDER BY p.period DESC LIMIT 1
    ) prev ON TRUE
    LEFT JOIN "ProgressReport" last ON last."measureId" = r."measureId" AND last."unitId" = r."unitId"
      AND last.period = (r.period - interval '1 month')::date AND last.state <> 'DRAFT'
    WHERE r.id IN (${Prisma.join(reportIds)})`;
}

export interface LoadFlagsOptions {
  settings?: CredibilitySettings;
  reportingDay?: number;
}

/**
 * The credibility flags of the given reports, by report id, each marked
 * explained or open: two reads in all (the facts, the explanations) whatever
 * the number of reports. Callers decide who may see them (report.review).
 */
export async function loadCredibilityFlags(db: PrismaClient, reportIds: string[], options: LoadFlagsOptions = {}): Promise<Map<string, CredibilityFlag[]>> {
  const result = new Map<string, CredibilityFlag[]>();
  if (reportIds.length === 0) return result;
  const [settings, reportingDay] = await Promise.all([
    options.settings ?? getCredibilitySettings(db),
    options.reportingDay ?? getTrackingSettings(db).then((tracking) => tracking.reportingDay),
  ]);
  const ids = [...new Set(reportIds)];
  const [rows, explanations] = await Promise.all([
    db.$queryRaw<FactsRow[]>(factsSql(ids, settings.lastMinuteMonths - 1)),
    db.credibilityExplanation.findMany({
      where: { reportId: { in: ids } },
      select: { reportId: true, rule: true, note: true, explainedAt: true, explainedBy: { select: { displayName: true } } },
    }),
  ]);
  const explainedOf = new Map(explanations.map((row) => [`${row.reportId}:${row.rule}`, { note: row.note, by: row.explainedBy.displayName, at: row.explainedAt }]));
  for (const row of rows) {
    const flags = evaluateCredibility(
      {
        period: row.period,
        percentComplete: row.percentComplete,
        kpiActual: num(row.kpiActual),
        investmentCompleted: num(row.investmentCompleted),
        progress: row.progress,
        isCompletion: row.isCompletion,
        submittedAt: row.submittedAt,
        measure: { kpiBaseline: num(row.kpiBaseline), kpiTarget: num(row.kpiTarget), investmentPlanned: num(row.investmentPlanned) },
        previousApproved: row.prevPeriod && row.prevPercent !== null ? { period: row.prevPeriod, percentComplete: row.prevPercent } : null,
        milestonesCompleted: row.milestonesCompleted,
        lastMonth: row.lastMonthProgress !== null ? { progress: row.lastMonthProgress } : null,
        earlierSubmissions: (row.earlier ?? []).map((entry) => ({
          period: new Date(`${entry.period.slice(0, 10)}T00:00:00Z`),
          submittedAt: entry.submittedAt ? new Date(entry.submittedAt) : null,
        })),
      },
      settings,
      reportingDay,
    );
    // An explanation holds for the submission it was given on: resubmitted since (returned, corrected), the flag is open again.
    const current = (rule: string) => {
      const explained = explainedOf.get(`${row.id}:${rule}`);
      return explained && (!row.submittedAt || explained.at >= row.submittedAt) ? explained : null;
    };
    result.set(row.id, flags.map((flag) => ({ ...flag, explained: current(flag.rule) })));
  }
  return result;
}

/** How many of a report's flags are still open (not explained). */
export const openFlagCount = (flags: CredibilityFlag[] | undefined) => (flags ?? []).filter((flag) => !flag.explained).length;

export const isCredibilityRule = (value: string): value is CredibilityRule => (CREDIBILITY_RULES as readonly string[]).includes(value);
