/** The figures and texts of a report that the review panel compares month to month. */
export const comparedFields = ["percentComplete", "kpiActual", "investmentCompleted", "progress", "problems", "nextSteps"] as const;
export type ComparedField = (typeof comparedFields)[number];
export type ReportFigures = Record<"percentComplete", number> &
  Record<"kpiActual" | "investmentCompleted", number | null> &
  Record<"progress" | "problems" | "nextSteps", string>;

/** The fields whose value differs from last month's report (none without one). */
export function changedFields(current: ReportFigures, previous: ReportFigures | null): ComparedField[] {
  if (!previous) return [];
  return comparedFields.filter((field) => current[field] !== previous[field]);
}
