import { Prisma } from "@/generated/prisma/client";
import type { PrismaClient } from "@/lib/db/create-client";
import { forecastClassIds } from "@/lib/forecast/forecast-cache";
import { type Breakdown, type DashboardData } from "@/lib/dashboard/get-dashboard-data";
import { cachedDashboardData } from "@/lib/dashboard/cached-views";
import type { LedgerRow } from "@/lib/ledger/list-ledger";
import { formatPeriod, monthOf, parsePeriod } from "@/lib/tracking/dates";
import type { TrackingSettings } from "@/lib/tracking/settings";
import { listScopeMeasures } from "./load-bulletin-data";
import { extractThemes } from "./narrative-themes";
import { dashboardScope, type BulletinQuery } from "./schemas";

/** How many months of 存在问题 texts the themes are counted over (the bulletin's month and the ones before). */
export const THEME_MONTHS = 3;
/** Months without any change of percent complete after which an open measure counts as stalled. */
export const STALLED_MONTHS = 2;

export interface NarrativeMeasure {
  code: string;
  titleZh: string;
  titleEn: string;
  leadUnitZh: string;
  leadUnitEn: string;
  percentComplete: number;
}
/** An area or lead unit whose share of measures on course changed most since the month before. */
export interface NarrativeMover {
  code: string;
  nameZh: string;
  nameEn: string;
  /** Share on course (not behind pace, not overdue), in percent, this month and the month before. */
  share: number;
  previousShare: number;
  /** Change in percentage points (one decimal). */
  change: number;
}

const round1 = (value: number) => Math.round(value * 10) / 10;
const percentOf = (part: number, whole: number) => (whole ? round1((part / whole) * 100) : 0);

/** The share of a breakdown's measures on course: neither behind pace (yellow) nor overdue (red). */
export function onCourseShare(entry: Pick<Breakdown, "total" | "lights">): number {
  return percentOf(entry.total - entry.lights.RED - entry.lights.YELLOW, entry.total);
}

/** The completed share of the dashboard's measures, in percent with one decimal. */
export function completedShare(dashboard: Pick<DashboardData, "total" | "lightCounts">): number {
  return percentOf(dashboard.lightCounts.COMPLETED, dashboard.total);
}

/** The entries present in both months, by change of on-course share: the best and the worst (changes of zero left out). */
function movers(now: Breakdown[], before: Breakdown[]): { improved: NarrativeMover | null; slipped: NarrativeMover | null } {
  const previous = new Map(before.map((entry) => [entry.code, entry]));
  const changes = now.flatMap((entry): NarrativeMover[] => {
    const old = previous.get(entry.code);
    if (!old) return [];
    const share = onCourseShare(entry);
    const previousShare = onCourseShare(old);
    return [{ code: entry.code, nameZh: entry.nameZh, nameEn: entry.nameEn, share, previousShare, change: round1(share - previousShare) }];
  });
  const sorted = changes.filter((entry) => entry.change !== 0).sort((a, b) => b.change - a.change || a.code.localeCompare(b.code));
  const best = sorted[0];
  const worst = sorted.at(-1);
  return { improved: best && best.change > 0 ? best : null, slipped: worst && worst.change < 0 ? worst : null };
}

const toMeasure = (row: LedgerRow): NarrativeMeasure => ({
  code: row.code,
  titleZh: row.titleZh,
  titleEn: row.titleEn,
  leadUnitZh: row.leadUnitZh,
  leadUnitEn: row.leadUnitEn,
  percentComplete: row.percentComplete,
});

/** The 存在问题 texts of the lead units' submitted reports of the months counted, in scope. */
async function problemTexts(db: PrismaClient, measureIds: string[], from: Date, to: Date): Promise<string[]> {
  if (measureIds.length === 0) return [];
  const rows = await db.$queryRaw<{ problems: string }[]>(Prisma.sql`
    SELECT r.problems FROM "ProgressReport" r JOIN "Measure" m ON m.id = r."measureId" AND r."unitId" = m."leadUnitId"
    WHERE r."measureId" = ANY(${measureIds}) AND r.state <> 'DRAFT' AND btrim(r.problems) <> ''
      AND r.period BETWEEN ${from.toISOString().slice(0, 10)}::date AND ${to.toISOString().slice(0, 10)}::date`);
  return rows.map((row) => row.problems);
}

/**
 * The figures the bulletin's drafted summary states, for its month and scope.
 * Counts and shares come from the dashboard's own computation (`getDashboardData`)
 * as of the month and as of the month before, so they equal /dashboard?asOf=….
 * Measures come from the ledger as of the month and the months before. The
 * forecast to miss reads the forecast cache as the dashboard's card and the
 * ledger's filter do (computed for a month outside the cache's window).
 */
export async function loadNarrativeFacts(
  db: PrismaClient,
  query: BulletinQuery,
  today: Date,
  settings: TrackingSettings,
  // The ledger of the month when the caller loads it anyway (the bulletin does): not read twice.
  currentMeasures?: Promise<LedgerRow[]>,
) {
  const month = parsePeriod(query.month);
  const previousMonth = formatPeriod(monthOf(month, -1));
  const earlier = Array.from({ length: STALLED_MONTHS }, (_, index) => formatPeriod(monthOf(month, -(index + 1))));
  const [missIds, dashboard, previous, measures, ...before] = await Promise.all([
    forecastClassIds(db, dashboardScope(query), "WILL_MISS", today),
    cachedDashboardData(db, dashboardScope(query), today, settings, { withTrend: false }),
    cachedDashboardData(db, dashboardScope({ ...query, month: previousMonth }), today, settings, { withTrend: false }),
    currentMeasures ?? listScopeMeasures(db, query, today, settings),
    ...earlier.map((past) => listScopeMeasures(db, { ...query, month: past }, today, settings)),
  ]);
  const pastById = before.map((rows) => new Map(rows.map((row) => [row.id, row])));
  const lastMonth = pastById[0]!;

  // Completed this month: completed now, not at the end of the month before.
  const completed = measures.filter((row) => row.light === "COMPLETED" && lastMonth.get(row.id)?.light !== "COMPLETED");
  // Stalled: open, and the same percent complete at the end of each of the months before.
  const stalled = measures.filter(
    (row) =>
      row.light !== "COMPLETED" &&
      row.light !== "SUSPENDED" &&
      pastById.every((past) => past.has(row.id) && past.get(row.id)!.percentComplete === row.percentComplete),
  );
  const texts = await problemTexts(db, measures.map((row) => row.id), monthOf(month, -(THEME_MONTHS - 1)), month);
  // Forecast to miss: the forecast as of the month, from the reports approved by then (lib/forecast).
  const miss = new Set(missIds);
  const forecastToMiss = measures
    .filter((row) => miss.has(row.id))
    .map(toMeasure)
    .sort((a, b) => a.code.localeCompare(b.code, "en", { numeric: true }));
  const areas = movers(dashboard.byArea, previous.byArea);
  const units = movers(dashboard.byLeadUnit, previous.byLeadUnit);
  return {
    month: query.month,
    previousMonth,
    total: dashboard.total,
    completedCount: dashboard.lightCounts.COMPLETED,
    completedShare: completedShare(dashboard),
    previousTotal: previous.total,
    previousCompletedCount: previous.lightCounts.COMPLETED,
    previousCompletedShare: completedShare(previous),
    /** Change of the completed share since the month before, in percentage points. */
    completedShareChange: round1(completedShare(dashboard) - completedShare(previous)),
    behind: dashboard.lightCounts.YELLOW,
    overdue: dashboard.lightCounts.RED,
    completedThisMonth: completed.map(toMeasure),
    stalled: stalled.map(toMeasure),
    improvedArea: areas.improved,
    slippedArea: areas.slipped,
    improvedUnit: units.improved,
    slippedUnit: units.slipped,
    themes: extractThemes(texts),
    themeReports: texts.length,
    themeFrom: formatPeriod(monthOf(month, -(THEME_MONTHS - 1))),
    /** Measures the delivery forecast says will miss their due date (as of the month). */
    forecastToMiss,
    hasSample: dashboard.hasSample,
  };
}

export type NarrativeFacts = Awaited<ReturnType<typeof loadNarrativeFacts>>;
