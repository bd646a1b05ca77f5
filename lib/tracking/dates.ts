import { timeZone } from "@/lib/i18n/config";

const DAY_MS = 86_400_000;

/** Today's calendar date in China, as a Date at UTC midnight (how `date` columns arrive). */
export function todayInChina(now = new Date()): Date {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
  return new Date(`${parts}T00:00:00Z`);
}

/** Whole days from a to b (both calendar dates at UTC midnight). */
export function daysBetween(a: Date, b: Date): number {
  return Math.round((b.getTime() - a.getTime()) / DAY_MS);
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

/** ISO date (YYYY-MM-DD) → Date at UTC midnight, as Postgres `date` columns round-trip. */
export function isoDate(value: string): Date {
  return new Date(`${value}T00:00:00Z`);
}

/** First day of the month `offset` months from the month of `date` (UTC). */
export function monthOf(date: Date, offset = 0): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + offset, 1));
}

/** Last day of the month of `date` (UTC). */
export function monthEnd(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0));
}

/** "2026-11" ↔ Date at the first of that month. */
export function formatPeriod(period: Date): string {
  return period.toISOString().slice(0, 7);
}

/** "2026-11" → Date at the first of that month (UTC); the inverse of formatPeriod. */
export function parsePeriod(period: string): Date {
  return new Date(`${period}-01T00:00:00Z`);
}

export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The day a month's report is due: the reporting day (setting, 1–28) of that month. */
export function reportingDeadline(period: Date, reportingDay: number): Date {
  return new Date(Date.UTC(period.getUTCFullYear(), period.getUTCMonth(), reportingDay));
}
