import { daysBetween, formatPeriod, monthOf, reportingDeadline } from "@/lib/tracking/dates";

/** Which report reminder a day calls for, for the month's report (the period of that day). */
export type ReportReminderDay =
  | { kind: "dueSoon"; period: string; deadline: Date; daysLeft: number }
  | { kind: "dueToday"; period: string; deadline: Date }
  | { kind: "missing"; period: string; deadline: Date; daysLate: number; slot: number }
  | { kind: "none"; period: string; deadline: Date };

/**
 * The report rule of a day (today at UTC midnight, China's calendar date): a month's
 * report is due on the reporting day of that month (reportingDeadline). Within
 * `reportDueDays` before it → "dueSoon"; on it → "dueToday"; after it, until the
 * month ends → "missing", repeated every `missingRepeatDays` days: the repeat slot
 * is 0 from the day after the deadline, 1 from `missingRepeatDays` days later, …
 * A new month starts a new period (its own reporting day); the previous month's
 * gap stays on /missing and is not reminded again.
 */
export function reportReminderDay(
  today: Date,
  reportingDay: number,
  settings: { reportDueDays: number; missingRepeatDays: number },
): ReportReminderDay {
  const periodStart = monthOf(today);
  const period = formatPeriod(periodStart);
  const deadline = reportingDeadline(periodStart, reportingDay);
  const daysLeft = daysBetween(today, deadline);
  if (daysLeft === 0) return { kind: "dueToday", period, deadline };
  if (daysLeft > 0) return daysLeft <= settings.reportDueDays ? { kind: "dueSoon", period, deadline, daysLeft } : { kind: "none", period, deadline };
  const daysLate = -daysLeft;
  return { kind: "missing", period, deadline, daysLate, slot: missingSlot(daysLate, settings.missingRepeatDays) };
}

/** The repeat slot of a missing report `daysLate` (≥ 1) days after the deadline. */
export function missingSlot(daysLate: number, missingRepeatDays: number): number {
  return Math.floor((daysLate - 1) / missingRepeatDays);
}
