/** ISO date (YYYY-MM-DD) → Date at UTC midnight, as Postgres `date` columns round-trip. */
export function isoDate(value: string): Date {
  return new Date(`${value}T00:00:00Z`);
}

/** First day of the month `offset` months from the month of `date` (UTC). */
export function monthStart(date: Date, offset = 0): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + offset, 1));
}

/** Last day of the month that starts at `start` (UTC). */
export function monthEnd(start: Date): Date {
  return new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 0));
}
