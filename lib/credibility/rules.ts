import { formatPeriod, monthOf } from "@/lib/tracking/dates";
import type { CredibilitySettings } from "./settings";
import { textSimilarity } from "./similarity";

/** Every credibility rule, in the order reviewers see their flags. */
export const CREDIBILITY_RULES = [
  "jump",
  "drop",
  "fullWithoutCompletion",
  "kpiOutOfStep",
  "investmentOutOfStep",
  "investmentAbovePlan",
  "copiedProgress",
  "lastMinute",
] as const;
export type CredibilityRule = (typeof CREDIBILITY_RULES)[number];

/** A raised flag: the rule and the figures its reason sentence names (messages: credibility.rules.<rule>). */
export interface RawFlag {
  rule: CredibilityRule;
  values: Record<string, string | number>;
}

/** What the rules read about one submitted report (lib/credibility/load-flags.ts gathers it for many at once). */
export interface CredibilityFacts {
  period: Date;
  percentComplete: number;
  kpiActual: number | null;
  investmentCompleted: number | null;
  progress: string;
  isCompletion: boolean;
  submittedAt: Date | null;
  measure: { kpiBaseline: number | null; kpiTarget: number | null; investmentPlanned: number | null };
  /** The same unit's newest approved report of an earlier month. */
  previousApproved: { period: Date; percentComplete: number } | null;
  /** Milestones of the measure completed after the previous approved report's month, up to the end of this report's month. */
  milestonesCompleted: number;
  /** The same unit's report of the month before (any state but draft): the text a copy is compared with. */
  lastMonth: { progress: string } | null;
  /** When the same unit submitted each of the months before this one (newest first, months without a report absent). */
  earlierSubmissions: { period: Date; submittedAt: Date | null }[];
}

const round1 = (value: number) => Math.round(value * 10) / 10;

/**
 * The instant a month's report is due: the end of its reporting day, China time
 * (as lib/scoring counts reports on time).
 */
export function reportingDeadlineInstant(period: Date, reportingDay: number): Date {
  return new Date(Date.UTC(period.getUTCFullYear(), period.getUTCMonth(), reportingDay + 1) - 8 * 3_600_000);
}

/** Whether a submission came within `minutes` before the month's deadline (not after it). */
function lastMinute(period: Date, submittedAt: Date | null, reportingDay: number, minutes: number): boolean {
  if (!submittedAt) return false;
  const ahead = reportingDeadlineInstant(period, reportingDay).getTime() - submittedAt.getTime();
  return ahead >= 0 && ahead <= minutes * 60_000;
}

/**
 * The credibility rules on one submitted report: each raised flag with the
 * figures of its reason. Pure; thresholds from the settings (docs/credibility.md).
 */
export function evaluateCredibility(facts: CredibilityFacts, settings: CredibilitySettings, reportingDay: number): RawFlag[] {
  const flags: RawFlag[] = [];
  const percent = facts.percentComplete;
  const previous = facts.previousApproved;

  if (previous) {
    const rise = percent - previous.percentComplete;
    if (rise > settings.jumpPoints && facts.milestonesCompleted === 0) {
      flags.push({ rule: "jump", values: { since: formatPeriod(previous.period), from: previous.percentComplete, to: percent, points: rise, limit: settings.jumpPoints } });
    }
    if (rise < 0) flags.push({ rule: "drop", values: { since: formatPeriod(previous.period), from: previous.percentComplete, to: percent, points: -rise } });
  }

  if (percent >= 100 && !facts.isCompletion) flags.push({ rule: "fullWithoutCompletion", values: {} });

  const { kpiBaseline, kpiTarget, investmentPlanned } = facts.measure;
  if (facts.kpiActual !== null && kpiTarget !== null && kpiTarget !== (kpiBaseline ?? 0)) {
    const base = kpiBaseline ?? 0;
    const share = round1(((facts.kpiActual - base) / (kpiTarget - base)) * 100);
    const gap = round1(Math.abs(share - percent));
    if (gap > settings.outOfStepPoints) {
      flags.push({ rule: "kpiOutOfStep", values: { share, percent, gap, limit: settings.outOfStepPoints, actual: facts.kpiActual, target: kpiTarget } });
    }
  }
  if (facts.investmentCompleted !== null && investmentPlanned !== null && investmentPlanned > 0) {
    const share = round1((facts.investmentCompleted / investmentPlanned) * 100);
    const gap = round1(Math.abs(share - percent));
    if (gap > settings.outOfStepPoints) {
      flags.push({ rule: "investmentOutOfStep", values: { share, percent, gap, limit: settings.outOfStepPoints, completed: facts.investmentCompleted, planned: investmentPlanned } });
    }
    if (facts.investmentCompleted > investmentPlanned) {
      flags.push({ rule: "investmentAbovePlan", values: { completed: facts.investmentCompleted, planned: investmentPlanned, share } });
    }
  }

  if (facts.lastMonth) {
    const similarity = textSimilarity(facts.progress, facts.lastMonth.progress);
    if (similarity !== null && similarity * 100 >= settings.copySimilarityPercent) {
      flags.push({ rule: "copiedProgress", values: { similarity: Math.floor(similarity * 100), limit: settings.copySimilarityPercent, since: formatPeriod(monthOf(facts.period, -1)) } });
    }
  }

  // Every one of the last N months (this one included) submitted just before its deadline.
  const months = settings.lastMinuteMonths;
  if (lastMinute(facts.period, facts.submittedAt, reportingDay, settings.lastMinuteMinutes)) {
    const byPeriod = new Map(facts.earlierSubmissions.map((row) => [formatPeriod(row.period), row.submittedAt]));
    let streak = 1;
    for (let back = 1; back < months; back++) {
      const period = monthOf(facts.period, -back);
      if (!lastMinute(period, byPeriod.get(formatPeriod(period)) ?? null, reportingDay, settings.lastMinuteMinutes)) break;
      streak++;
    }
    if (streak >= months) flags.push({ rule: "lastMinute", values: { months, limit: settings.lastMinuteMinutes } });
  }
  return flags;
}
