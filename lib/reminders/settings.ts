import { z } from "zod";
import type { PrismaClient } from "@/lib/db/create-client";

/**
 * The tunable rules of the daily reminders, stored in Setting under these keys.
 * Measures use the tracking setting dueSoonDays (the blue-light window) for their
 * "due soon" reminder, so the reminder and the blue light agree; milestones, which
 * are shorter steps, have their own window.
 */
/**
 * A whole number of days in [min, max]; a blank field is refused, not read as 0.
 * The error map names the range in the message ("请输入 1–31 之间的整数").
 */
const days = (min: number, max: number) =>
  z.preprocess((value) => (typeof value === "string" ? value.trim() || undefined : value), z.coerce.number().int().min(min).max(max));

export const reminderSettingsSchema = z.object({
  /** Remind the lead unit this many days before the reporting day (0 = only on the day). */
  reportDueDays: days(0, 27),
  /** Remind of a milestone due within this many days (0 = on its due day only). */
  milestoneDueDays: days(0, 90),
  /** Repeat the "report missing" reminder every this many days after the reporting day. */
  missingRepeatDays: days(1, 31),
});
export type ReminderSettings = z.infer<typeof reminderSettingsSchema>;

export const defaultReminderSettings: ReminderSettings = { reportDueDays: 3, milestoneDueDays: 7, missingRepeatDays: 3 };

export async function getReminderSettings(db: Pick<PrismaClient, "setting">): Promise<ReminderSettings> {
  const rows = await db.setting.findMany({ where: { key: { in: Object.keys(defaultReminderSettings) } } });
  const stored = Object.fromEntries(rows.map((row) => [row.key, row.value]));
  const parsed = reminderSettingsSchema.safeParse({ ...defaultReminderSettings, ...stored });
  return parsed.success ? parsed.data : defaultReminderSettings;
}
