import { z } from "zod";
import type { PrismaClient } from "@/lib/db/create-client";

/**
 * The tunable rules of the daily reminders, stored in Setting under these keys.
 * Measures use the tracking setting dueSoonDays (the blue-light window) for their
 * "due soon" reminder, so the reminder and the blue light agree; milestones, which
 * are shorter steps, have their own window.
 */
export const reminderSettingsSchema = z.object({
  /** Remind the lead unit this many days before the reporting day (0 = only on the day). */
  reportDueDays: z.coerce.number().int().min(0).max(27),
  /** Remind of a milestone due within this many days (0 = on its due day only). */
  milestoneDueDays: z.coerce.number().int().min(0).max(90),
  /** Repeat the "report missing" reminder every this many days after the reporting day. */
  missingRepeatDays: z.coerce.number().int().min(1).max(31),
});
export type ReminderSettings = z.infer<typeof reminderSettingsSchema>;

export const defaultReminderSettings: ReminderSettings = { reportDueDays: 3, milestoneDueDays: 7, missingRepeatDays: 3 };

export async function getReminderSettings(db: Pick<PrismaClient, "setting">): Promise<ReminderSettings> {
  const rows = await db.setting.findMany({ where: { key: { in: Object.keys(defaultReminderSettings) } } });
  const stored = Object.fromEntries(rows.map((row) => [row.key, row.value]));
  const parsed = reminderSettingsSchema.safeParse({ ...defaultReminderSettings, ...stored });
  return parsed.success ? parsed.data : defaultReminderSettings;
}
