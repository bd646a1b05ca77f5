import { z } from "zod";

/**
 * The years a month or a date may fall in. PostgreSQL refuses year 0 (and
 * JavaScript reads years 0–99 as 19xx), so such a value would fail in the
 * database instead of at the boundary. Nothing tracked here predates 2000;
 * later years are the business rules' to refuse (e.g. "a future month").
 */
export const FIRST_YEAR = 2000;
export const LAST_YEAR = 9999;

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

const inRange = (year: number) => year >= FIRST_YEAR && year <= LAST_YEAR;

/** "YYYY-MM" with a month 01–12 and a year in range. */
export function isMonth(value: string): boolean {
  const match = MONTH.exec(value);
  return match !== null && inRange(Number(match[1]));
}

/** "YYYY-MM-DD": a real calendar day (no 02-30) with a year in range. */
export function isCalendarDay(value: string): boolean {
  const match = DAY.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return inRange(year) && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A month as YYYY-MM; `message` is the field error's key. */
export function monthString(message = "invalid") {
  return z.string().regex(MONTH, message).refine(isMonth, message);
}

/** A day as YYYY-MM-DD; `message` is the field error's key. */
export function calendarDayString(message = "invalid") {
  return z.string().regex(DAY, message).refine(isCalendarDay, message);
}
