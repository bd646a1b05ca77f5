import { addDays } from "./dates";
import { computeLight, expectedPercent, type Light } from "./light";
import type { TrackingSettings } from "./settings";

export type LightExample = {
  percent: number;
  daysLeft: number;
  /** 序时进度 at "today": the share of the measure's time already passed. */
  expected: number;
  margin: number;
  window: number;
  light: Light;
};

/** A 150-day measure seen 30 days before its due date: 80 % of its time has passed. */
const TOTAL_DAYS = 150;

/**
 * Worked examples of the light rule for the settings page, computed by the
 * rule itself (computeLight) from the given settings, never written by hand:
 * one measure behind the pace by more than the margin, one just within it,
 * one on pace inside the due-soon window and one just outside it.
 */
export function lightExamples(settings: Pick<TrackingSettings, "paceMarginPercent" | "dueSoonDays">, today: Date) {
  /** `percentOf`: the measure's percent complete, from its 序时进度. */
  const example = (percentOf: (expected: number) => number, daysLeft: number): LightExample => {
    const dueDate = addDays(today, daysLeft);
    const startDate = addDays(dueDate, -Math.max(TOTAL_DAYS, daysLeft + 1));
    const exact = expectedPercent(startDate, dueDate, today) ?? 0;
    // Whole percents as a report gives them, rounded up so "on pace" is not read as behind.
    const percent = Math.max(0, Math.min(100, Math.ceil(percentOf(exact))));
    const expected = Math.round(exact);
    const light = computeLight({ status: "IN_PROGRESS", percentComplete: percent, startDate, dueDate, latestReportState: null }, today, settings);
    return { percent, daysLeft, expected, margin: settings.paceMarginPercent, window: settings.dueSoonDays, light };
  };
  const margin = settings.paceMarginPercent;
  return {
    behind: example((expected) => expected - margin - 10, 30),
    withinMargin: example((expected) => expected - margin, 30),
    dueSoon: example((expected) => expected, settings.dueSoonDays),
    notYetDue: example((expected) => expected, settings.dueSoonDays + 1),
  };
}
