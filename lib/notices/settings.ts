import { z } from "zod";
import type { PrismaClient } from "@/lib/db/create-client";

/** A checkbox: "on" from a form, a boolean from storage or the API; absent = off. */
const flag = z.preprocess((value) => value === true || value === "on" || value === "true", z.boolean());

/**
 * The automatic notice rules (see docs/workflow.md "Notices"). Stored as rows of
 * Setting under these keys; the light, pace and window come from the tracking settings.
 */
export const noticeSettingsSchema = z.object({
  /** 提醒 (blue) when the measure is due within the window (light BLUE) and this month's report is missing. */
  noticeRuleReminder: flag,
  /** 督办 (yellow) when the light was yellow at the end of last month and is yellow now. */
  noticeRuleSupervise: flag,
  /** 专项督办 (red) when the measure is overdue (light RED). */
  noticeRuleSpecial: flag,
  /** Escalate a notice one level when it went unanswered past its reply deadline. */
  noticeRuleEscalate: flag,
  /** Days the unit has to reply to an automatic notice. */
  noticeReplyDays: z.coerce.number().int().min(1).max(90),
});
export type NoticeSettings = z.infer<typeof noticeSettingsSchema>;

export const defaultNoticeSettings: NoticeSettings = {
  noticeRuleReminder: true,
  noticeRuleSupervise: true,
  noticeRuleSpecial: true,
  noticeRuleEscalate: true,
  noticeReplyDays: 7,
};

export async function getNoticeSettings(db: Pick<PrismaClient, "setting">): Promise<NoticeSettings> {
  const rows = await db.setting.findMany({ where: { key: { in: Object.keys(defaultNoticeSettings) } } });
  const stored = Object.fromEntries(rows.map((row) => [row.key, row.value]));
  const parsed = noticeSettingsSchema.safeParse({ ...defaultNoticeSettings, ...stored });
  return parsed.success ? parsed.data : defaultNoticeSettings;
}
