/**
 * The trend from its first month with data. Months before the first approved
 * report hold no progress at all: drawn, they read as 0 % and then a jump that
 * never happened, so they are left out and the chart says from when it starts.
 * `hidden` counts the months left out (all of them when there is no data).
 */
export function trendFromFirstData<T extends { month: string }>(points: T[], firstMonth: string | null): { points: T[]; hidden: number } {
  const shown = firstMonth === null ? [] : points.filter((point) => point.month >= firstMonth);
  return { points: shown, hidden: points.length - shown.length };
}
