import type { PrismaClient } from "@/lib/db/create-client";
import { fieldError } from "@/lib/errors/app-error";
import type { MeasureScope } from "@/lib/measures/measure-sql";
import { asOfDay } from "@/lib/tracking/as-of";
import { formatPeriod, monthEnd, monthOf, parsePeriod, todayInChina } from "@/lib/tracking/dates";
import type { Light } from "@/lib/tracking/light";
import { getTrackingSettings, type TrackingSettings } from "@/lib/tracking/settings";
import { getScoringRules, type ScoringRules } from "./rules";
import { expectedReportsForScoringSql, measureLightsSql, noticesDueSql, returnsSql, type ScoringMonth } from "./scoring-sql";

export const SCORE_COMPONENTS = ["reports", "onTrack", "overdue", "notices", "returns"] as const;
export type ScoreComponentKey = (typeof SCORE_COMPONENTS)[number];

/** One component of a score: its raw figure (count of `of`, or a plain count) and the points it cost (≤ 0). */
export interface ScoreComponent {
  /** On-time reports, measures on track, overdue measures, notices answered on time, returns. */
  count: number;
  /** What the count is out of (reports due, measures tracked, notices due); null for plain counts. */
  of: number | null;
  /** count / of, or null when nothing was due (the component then costs nothing). */
  rate: number | null;
  points: number;
}

export type CostReason = "reportLate" | "reportMissing" | "offTrack" | "overdue" | "noticeLate" | "noticeUnanswered" | "returned";

/** A measure that cost the unit points, and why. */
export interface ScoreCost {
  component: ScoreComponentKey;
  reason: CostReason;
  measure: { code: string; titleZh: string; titleEn: string; isSample: boolean };
  /** The light (offTrack), the notice's number (notices), the instant of a late submission, reply or return. */
  light?: Light;
  notice?: string;
  at?: Date | null;
  dueDate?: Date | null;
}

export interface UnitScore {
  unit: { id: string; code: string; nameZh: string; nameEn: string };
  total: number;
  /** 1 = best; units with the same total share a rank. */
  rank: number;
  /** 红榜 (top) or 黑榜 (bottom), by the rules' listSize. */
  list: "red" | "black" | null;
  components: Record<ScoreComponentKey, ScoreComponent>;
  costs: ScoreCost[];
  /** Whether any measure behind the score holds invented sample data. */
  hasSample: boolean;
}

export interface UnitScores {
  month: string;
  rules: ScoringRules;
  units: UnitScore[];
  hasSample: boolean;
}

export interface ComputeOptions {
  /** The instant "now" (default: the clock); decides which deadlines have passed in the current month. */
  now?: Date;
  rules?: ScoringRules;
  settings?: TrackingSettings;
}

const round2 = (value: number) => Math.round(value * 100) / 100;
/** Midnight China time (UTC+8, no daylight saving) at the start of a calendar day given as UTC midnight. */
const chinaMidnight = (day: Date) => new Date(day.getTime() - 8 * 3_600_000);
const nextDay = (day: Date) => new Date(day.getTime() + 86_400_000);

export function scoringMonth(month: string, today: Date): ScoringMonth {
  const period = parsePeriod(month);
  return {
    month,
    previous: formatPeriod(monthOf(period, -1)),
    period,
    periodEnd: monthEnd(period),
    day: asOfDay(month, today),
    startsAt: chinaMidnight(period),
    endsAt: chinaMidnight(monthOf(period, 1)),
  };
}

type MeasureColumns = { measureId: string; code: string; titleZh: string; titleEn: string; isSample: boolean; unitId: string };
type LightRow = MeasureColumns & { dueDate: Date | null; light: Light };
type ExpectedRow = MeasureColumns & { reportId: string | null; reportState: string | null; firstSubmittedAt: Date | null };
type NoticeRow = MeasureColumns & { noticeId: string; year: number; number: number; replyDueDate: Date; firstReplyAt: Date | null };
type ReturnRow = MeasureColumns & { reportId: string; period: Date; returnedAt: Date };

interface Tally {
  reports: { due: number; onTime: number };
  lights: { tracked: number; onTrack: number; overdue: number };
  notices: { due: number; onTime: number };
  returns: number;
  costs: ScoreCost[];
  hasSample: boolean;
}

const emptyTally = (): Tally => ({
  reports: { due: 0, onTime: 0 },
  lights: { tracked: 0, onTrack: 0, overdue: 0 },
  notices: { due: 0, onTime: 0 },
  returns: 0,
  costs: [],
  hasSample: false,
});

const measureOf = (row: MeasureColumns) => ({ code: row.code, titleZh: row.titleZh, titleEn: row.titleEn, isSample: row.isSample });

/** Points lost on a rate: weight × (1 − rate); nothing when nothing was due. */
const ratePoints = (weight: number, count: number, of: number) => (of === 0 ? 0 : -round2(weight * (1 - count / of)));
const rate = (count: number, of: number) => (of === 0 ? null : count / of);

/**
 * The month's score of every unit with something to score in the scope, from the
 * history, by the current rules (docs/scoring.md). Nothing is cached: a change of
 * rules scores every past month anew. Four statements, run together.
 */
export async function computeUnitScores(
  db: PrismaClient,
  { month, scope = {} }: { month: string; scope?: MeasureScope },
  options: ComputeOptions = {},
): Promise<UnitScores> {
  const now = options.now ?? new Date();
  const today = todayInChina(now);
  if (month > formatPeriod(monthOf(today))) throw fieldError("month", "monthInFuture");
  const [rules, settings] = await Promise.all([
    options.rules ?? getScoringRules(db),
    options.settings ?? getTrackingSettings(db),
  ]);
  const scoring = scoringMonth(month, today);
  const [lights, expected, notices, returns] = await Promise.all([
    db.$queryRaw<LightRow[]>(measureLightsSql(scoring, scope, settings)),
    db.$queryRaw<ExpectedRow[]>(expectedReportsForScoringSql(scoring, scope)),
    db.$queryRaw<NoticeRow[]>(noticesDueSql(scoring, scope)),
    db.$queryRaw<ReturnRow[]>(returnsSql(scoring, scope)),
  ]);

  const tallies = new Map<string, Tally>();
  const tally = (row: MeasureColumns) => {
    const entry = tallies.get(row.unitId) ?? emptyTally();
    tallies.set(row.unitId, entry);
    if (row.isSample) entry.hasSample = true;
    return entry;
  };

  for (const row of lights) {
    if (row.light === "COMPLETED") continue;
    const entry = tally(row);
    entry.lights.tracked++;
    if (row.light === "GREEN" || row.light === "BLUE") entry.lights.onTrack++;
    else entry.costs.push({ component: "onTrack", reason: "offTrack", measure: measureOf(row), light: row.light, dueDate: row.dueDate });
    if (row.light === "RED") {
      entry.lights.overdue++;
      entry.costs.push({ component: "overdue", reason: "overdue", measure: measureOf(row), dueDate: row.dueDate });
    }
  }

  // The report of a month is due by the end of its reporting day, China time.
  const reportDeadline = chinaMidnight(new Date(Date.UTC(scoring.period.getUTCFullYear(), scoring.period.getUTCMonth(), settings.reportingDay + 1)));
  for (const row of expected) {
    // What was known at `now`: a submission after it has not happened yet.
    const submitted = row.firstSubmittedAt && row.firstSubmittedAt <= now ? row.firstSubmittedAt : null;
    // Not yet due (this month, before the deadline, nothing submitted): not counted yet.
    if (!submitted && now < reportDeadline) continue;
    const entry = tally(row);
    entry.reports.due++;
    if (submitted && submitted < reportDeadline) entry.reports.onTime++;
    else entry.costs.push({ component: "reports", reason: submitted ? "reportLate" : "reportMissing", measure: measureOf(row), at: submitted });
  }

  for (const row of notices) {
    const deadline = chinaMidnight(nextDay(row.replyDueDate));
    const replied = row.firstReplyAt && row.firstReplyAt <= now ? row.firstReplyAt : null;
    if (!replied && now < deadline) continue;
    const entry = tally(row);
    entry.notices.due++;
    if (replied && replied < deadline) entry.notices.onTime++;
    else {
      entry.costs.push({
        component: "notices",
        reason: replied ? "noticeLate" : "noticeUnanswered",
        measure: measureOf(row),
        notice: `${row.year}-${row.number}`,
        at: replied,
        dueDate: row.replyDueDate,
      });
    }
  }

  for (const row of returns) {
    if (row.returnedAt > now) continue;
    const entry = tally(row);
    entry.returns++;
    entry.costs.push({ component: "returns", reason: "returned", measure: measureOf(row), at: row.returnedAt });
  }

  const units = await db.unit.findMany({
    where: { id: { in: [...tallies.keys()] } },
    select: { id: true, code: true, nameZh: true, nameEn: true },
  });
  const scored = units.map((unit) => score(unit, tallies.get(unit.id)!, rules));
  const ranked = rankUnits(scored, rules);
  return { month, rules, units: ranked, hasSample: ranked.some((unit) => unit.hasSample) };
}

function score(unit: UnitScore["unit"], tally: Tally, rules: ScoringRules): Omit<UnitScore, "rank" | "list"> {
  const { reports, lights, notices } = tally;
  const components: Record<ScoreComponentKey, ScoreComponent> = {
    reports: { count: reports.onTime, of: reports.due, rate: rate(reports.onTime, reports.due), points: ratePoints(rules.reportWeight, reports.onTime, reports.due) },
    onTrack: { count: lights.onTrack, of: lights.tracked, rate: rate(lights.onTrack, lights.tracked), points: ratePoints(rules.onTrackWeight, lights.onTrack, lights.tracked) },
    overdue: { count: lights.overdue, of: null, rate: null, points: -Math.min(rules.overdueCap, lights.overdue * rules.overduePenalty) },
    notices: { count: notices.onTime, of: notices.due, rate: rate(notices.onTime, notices.due), points: ratePoints(rules.noticeWeight, notices.onTime, notices.due) },
    returns: { count: tally.returns, of: null, rate: null, points: -Math.min(rules.returnCap, tally.returns * rules.returnPenalty) },
  };
  for (const component of Object.values(components)) component.points = component.points === 0 ? 0 : component.points;
  const lost = SCORE_COMPONENTS.reduce((sum, key) => sum + components[key].points, 0);
  const costOrder = (cost: ScoreCost) => SCORE_COMPONENTS.indexOf(cost.component);
  return {
    unit,
    total: Math.max(0, round2(rules.baseScore + lost)),
    components,
    costs: tally.costs.sort((a, b) => costOrder(a) - costOrder(b) || a.measure.code.localeCompare(b.measure.code)),
    hasSample: tally.hasSample,
  };
}

/**
 * Highest total first (ties share a rank, then by unit code). The 红榜 is the
 * units ranked within the first k, the 黑榜 those within the last k counted from
 * the bottom, k = min(listSize, half the units); a unit with the full base score
 * is never on the 黑榜, and none is on both.
 */
export function rankUnits(units: Omit<UnitScore, "rank" | "list">[], rules: Pick<ScoringRules, "listSize" | "baseScore">): UnitScore[] {
  const sorted = [...units].sort((a, b) => b.total - a.total || a.unit.code.localeCompare(b.unit.code));
  const k = Math.min(rules.listSize, Math.floor(sorted.length / 2));
  // Sorted best first: the units above a unit are those before its first equal, the units below those after its last equal.
  const firstIndex = new Map<number, number>();
  const lastIndex = new Map<number, number>();
  sorted.forEach((unit, index) => {
    if (!firstIndex.has(unit.total)) firstIndex.set(unit.total, index);
    lastIndex.set(unit.total, index);
  });
  return sorted.map((unit) => {
    const rankFromTop = 1 + firstIndex.get(unit.total)!;
    const rankFromBottom = sorted.length - lastIndex.get(unit.total)!;
    const list = rankFromTop <= k ? "red" : rankFromBottom <= k && unit.total < rules.baseScore ? "black" : null;
    return { ...unit, rank: rankFromTop, list };
  });
}
