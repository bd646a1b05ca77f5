import { z } from "zod";
import type { PrismaClient } from "@/lib/db/create-client";

/** The Setting row that holds the scoring rules (one JSON object, written at once). */
export const SCORING_SETTING_KEY = "scoring";

const weight = z.coerce.number({ message: "scoreRange" }).int("scoreRange").min(0, "scoreRange").max(100, "scoreRange");

/**
 * The rules of the monthly unit score (考评), editable by admins. Every unit starts
 * from `baseScore` and loses points (docs/scoring.md):
 * - on-time reports: reportWeight × (1 − on-time rate);
 * - measures on track: onTrackWeight × (1 − share of its measures with a green or blue light);
 * - overdue measures: overduePenalty each, at most overdueCap;
 * - notices answered on time: noticeWeight × (1 − on-time reply rate);
 * - returned reports: returnPenalty each, at most returnCap.
 * The score is never below 0. `listSize` units at each end form the 红榜 and the 黑榜.
 */
export const scoringRulesSchema = z.object({
  baseScore: z.coerce.number({ message: "scoreBaseRange" }).int("scoreBaseRange").min(1, "scoreBaseRange").max(1000, "scoreBaseRange"),
  reportWeight: weight,
  onTrackWeight: weight,
  overduePenalty: weight,
  overdueCap: weight,
  noticeWeight: weight,
  returnPenalty: weight,
  returnCap: weight,
  listSize: z.coerce.number({ message: "scoreListSize" }).int("scoreListSize").min(1, "scoreListSize").max(20, "scoreListSize"),
});
export type ScoringRules = z.infer<typeof scoringRulesSchema>;

export const defaultScoringRules: ScoringRules = {
  baseScore: 100,
  reportWeight: 30,
  onTrackWeight: 30,
  overduePenalty: 5,
  overdueCap: 20,
  noticeWeight: 20,
  returnPenalty: 2,
  returnCap: 10,
  listSize: 3,
};

/** The stored rules over the defaults; a stored value that no longer parses falls back to the defaults. */
export async function getScoringRules(db: PrismaClient): Promise<ScoringRules> {
  const row = await db.setting.findUnique({ where: { key: SCORING_SETTING_KEY } });
  const stored = row && typeof row.value === "object" && row.value !== null && !Array.isArray(row.value) ? row.value : {};
  const parsed = scoringRulesSchema.safeParse({ ...defaultScoringRules, ...stored });
  return parsed.success ? parsed.data : defaultScoringRules;
}
