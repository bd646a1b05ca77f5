import { daysBetween } from "@/lib/tracking/dates";

export const zooms = ["month", "quarter", "year"] as const;
export type Zoom = (typeof zooms)[number];

/** Pixels per day at each zoom. */
const pixelsPerDay: Record<Zoom, number> = { month: 4, quarter: 1.2, year: 0.35 };

/** Maps dates to horizontal pixels over a range that covers every bar. */
export function timeScale(dates: (Date | null)[], today: Date, zoom: Zoom) {
  const known = dates.filter((date): date is Date => date !== null).concat(today);
  const min = new Date(Math.min(...known.map((date) => date.getTime())));
  const max = new Date(Math.max(...known.map((date) => date.getTime())));
  // Whole years around the data, so ticks fall on clean boundaries.
  const start = new Date(Date.UTC(min.getUTCFullYear(), 0, 1));
  const end = new Date(Date.UTC(max.getUTCFullYear() + 1, 0, 1));
  const perDay = pixelsPerDay[zoom];
  const x = (date: Date) => daysBetween(start, date) * perDay;
  const ticks: { date: Date; x: number }[] = [];
  const stepMonths = zoom === "month" ? 1 : zoom === "quarter" ? 3 : 12;
  for (let d = start; d < end; d = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + stepMonths, 1))) ticks.push({ date: d, x: x(d) });
  return { x, width: x(end), ticks };
}
