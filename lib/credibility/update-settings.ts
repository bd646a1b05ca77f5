import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { SessionUser } from "@/lib/auth/session-user";
import type { PrismaClient } from "@/lib/db/create-client";
import { type CredibilitySettings, credibilitySettingKey, getCredibilitySettings } from "./settings";

export async function updateCredibilitySettings(db: PrismaClient, user: SessionUser, input: CredibilitySettings) {
  const before = await getCredibilitySettings(db);
  await db.$transaction(async (tx) => {
    for (const [name, value] of Object.entries(input)) {
      const key = credibilitySettingKey(name as keyof CredibilitySettings);
      await tx.setting.upsert({ where: { key }, update: { value }, create: { key, value } });
    }
    await recordAuditEvent(tx, { actorId: user.id, action: "settings.update", entityType: "Setting", entityId: "credibility", before, after: input });
  });
}
