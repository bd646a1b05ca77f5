import type { Breakdown } from "./get-dashboard-data";

/**
 * A province has about 1,500 lead units: charting them all made the dashboard
 * 3.6 MB and its render the slowest request under load. The chart shows the
 * units with the most measures (ties by code, so the cut is stable); the
 * ledger grouped by lead unit has every one.
 */
export const CHARTED_LEAD_UNITS = 30;

export function chartedLeadUnits(byLeadUnit: Breakdown[], limit = CHARTED_LEAD_UNITS): { shown: Breakdown[]; total: number } {
  const ranked = [...byLeadUnit].sort((a, b) => b.total - a.total || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return { shown: ranked.slice(0, limit), total: byLeadUnit.length };
}
