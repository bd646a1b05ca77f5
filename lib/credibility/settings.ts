import { z } from "zod";
import type { PrismaClient } from "@/lib/db/create-client";

/** A whole number in [min, max]; a blank field is refused, not read as 0. */
const whole = (min: number, max: number) =>
  z.preprocess((value) => (typeof value === "string" ? value.trim() || undefined : value), z.coerce.number().int().min(min).max(max));

/** The thresholds of the credibility checks (docs/credibility.md), stored in Setting under "credibility.<name>". */
export const credibilitySettingsSchema = z.object({
  /** A rise of more than this many points since the previous approved report, with no milestone completed meanwhile, is flagged. */
  jumpPoints: whole(1, 100),
  /** KPI or investment share of target differing from percent complete by more than this many points is flagged. */
  outOfStepPoints: whole(1, 100),
  /** 进展情况 at least this similar (character 3-grams, percent) to last month's is flagged as copied. */
  copySimilarityPercent: whole(50, 100),
  /** Submitted within this many minutes before the reporting deadline … */
  lastMinuteMinutes: whole(1, 10_080),
  /** … in each of this many months in a row (this report's month included) is flagged. */
  lastMinuteMonths: whole(2, 12),
});
export type CredibilitySettings = z.infer<typeof credibilitySettingsSchema>;

export const defaultCredibilitySettings: CredibilitySettings = {
  jumpPoints: 30,
  outOfStepPoints: 30,
  copySimilarityPercent: 90,
  lastMinuteMinutes: 120,
  lastMinuteMonths: 3,
};

export const credibilitySettingKey = (name: keyof CredibilitySettings) => `credibility.${name}`;

export async function getCredibilitySettings(db: Pick<PrismaClient, "setting">): Promise<CredibilitySettings> {
  const names = Object.keys(defaultCredibilitySettings) as (keyof CredibilitySettings)[];
  const rows = await db.setting.findMany({ where: { key: { in: names.map(credibilitySettingKey) } } });
  const stored = Object.fromEntries(rows.map((row) => [row.key.slice("credibility.".length), row.value]));
  const parsed = credibilitySettingsSchema.safeParse({ ...defaultCredibilitySettings, ...stored });
  return parsed.success ? parsed.data : defaultCredibilitySettings;
}
