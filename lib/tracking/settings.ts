import { cache } from "react";
import { z } from "zod";
import type { PrismaClient } from "@/lib/db/create-client";

/** The tunable rules of tracking, with the values used when none is stored. */
export const trackingSettingsSchema = z.object({
  /** Day of the month by which the month's report is due (1–28). */
  reportingDay: z.coerce.number().int().min(1).max(28),
  /** How many percentage points behind the expected pace still count as on track. */
  paceMarginPercent: z.coerce.number().int().min(0).max(50),
  /** A measure due within this many days is flagged blue. */
  dueSoonDays: z.coerce.number().int().min(1).max(365),
});
export type TrackingSettings = z.infer<typeof trackingSettingsSchema>;

export const defaultTrackingSettings: TrackingSettings = { reportingDay: 28, paceMarginPercent: 10, dueSoonDays: 30 };

/**
 * The stored settings (defaults for what is missing). Read once per page render
 * (React's per-request `cache`, keyed by the client): the header's "my work"
 * count and the page both need them. Outside a render (actions, routes, jobs,
 * tests) every call reads, so a save is seen at once.
 */
export const getTrackingSettings = cache(async function getTrackingSettings(db: PrismaClient): Promise<TrackingSettings> {
  const rows = await db.setting.findMany({ where: { key: { in: Object.keys(defaultTrackingSettings) } } });
  const stored = Object.fromEntries(rows.map((row) => [row.key, row.value]));
  const parsed = trackingSettingsSchema.safeParse({ ...defaultTrackingSettings, ...stored });
  return parsed.success ? parsed.data : defaultTrackingSettings;
});
