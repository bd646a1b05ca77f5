import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { SessionUser } from "@/lib/auth/session-user";
import type { PrismaClient } from "@/lib/db/create-client";
import { getScoringRules, SCORING_SETTING_KEY, type ScoringRules } from "./rules";

/**
 * Stores the scoring rules (one row, written at once, with its audit event).
 * Scores are computed from the history on demand, so every month, past ones
 * included, is scored by the new rules from now on: nothing cached to invalidate.
 */
export async function updateScoringRules(db: PrismaClient, user: SessionUser, input: ScoringRules) {
  const before = await getScoringRules(db);
  await db.$transaction(async (tx) => {
    const value = { ...input };
    await tx.setting.upsert({ where: { key: SCORING_SETTING_KEY }, update: { value }, create: { key: SCORING_SETTING_KEY, value } });
    await recordAuditEvent(tx, { actorId: user.id, action: "settings.update", entityType: "Setting", entityId: SCORING_SETTING_KEY, before: { ...before }, after: value });
  });
}
