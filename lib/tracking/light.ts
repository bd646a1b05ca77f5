import type { MeasureStatus, ReportState } from "@/generated/prisma/enums";
import { daysBetween } from "./dates";
import type { TrackingSettings } from "./settings";

/** Traffic lights are computed from dates and progress, never typed in. */
export const lights = ["RED", "YELLOW", "BLUE", "GREEN", "COMPLETED", "SUSPENDED"] as const;
export type Light = (typeof lights)[number];

/** Zero measures of every light: the start of every count by light. */
export const emptyLightCounts = (): Record<Light, number> => Object.fromEntries(lights.map((light) => [light, 0])) as Record<Light, number>;

export interface LightInput {
  status: MeasureStatus;
  percentComplete: number;
  startDate: Date | null;
  dueDate: Date | null;
  /** State of the measure's latest submitted report (drafts do not count). */
  latestReportState: ReportState | null;
}

/**
 * The share of the time between start and due date that has passed (序时进度),
 * as a percentage 0–100; null without a start or due date.
 */
export function expectedPercent(startDate: Date | null, dueDate: Date | null, today: Date): number | null {
  if (!startDate || !dueDate) return null;
  const total = daysBetween(startDate, dueDate);
  if (total <= 0) return today >= dueDate ? 100 : 0;
  return Math.min(100, Math.max(0, (daysBetween(startDate, today) / total) * 100));
}

/**
 * red = overdue; yellow = behind the expected pace by more than the margin, or
 * the latest report was returned; blue = due within the window; green = on
 * track. Completed and suspended measures are shown apart (a suspended measure is
 * neither behind nor overdue). Keep in step with lightSql in lib/measures/measure-sql.ts.
 */
export function computeLight(measure: LightInput, today: Date, settings: Pick<TrackingSettings, "paceMarginPercent" | "dueSoonDays">): Light {
  if (measure.status === "COMPLETED") return "COMPLETED";
  if (measure.status === "SUSPENDED") return "SUSPENDED";
  if (measure.dueDate && measure.dueDate < today) return "RED";
  const expected = expectedPercent(measure.startDate, measure.dueDate, today);
  if (expected !== null && measure.percentComplete < expected - settings.paceMarginPercent) return "YELLOW";
  if (measure.latestReportState === "RETURNED") return "YELLOW";
  if (measure.dueDate && daysBetween(today, measure.dueDate) <= settings.dueSoonDays) return "BLUE";
  return "GREEN";
}
