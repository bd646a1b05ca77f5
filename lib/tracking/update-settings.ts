import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { SessionUser } from "@/lib/auth/session-user";
import type { PrismaClient } from "@/lib/db/create-client";
import { getTrackingSettings, type TrackingSettings } from "./settings";

export async function updateTrackingSettings(db: PrismaClient, user: SessionUser, input: TrackingSettings) {
  const before = await getTrackingSettings(db);
  await db.$transaction(async (tx) => {
    for (const [key, value] of Object.entries(input)) {
      await tx.setting.upsert({ where: { key }, update: { value }, create: { key, value } });
    }
    await recordAuditEvent(tx, { actorId: user.id, action: "settings.update", entityType: "Setting", entityId: "tracking", before, after: input });
  });
}
