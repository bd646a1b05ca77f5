import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { SessionUser } from "@/lib/auth/session-user";
import type { PrismaClient } from "@/lib/db/create-client";
import { getNoticeSettings, type NoticeSettings } from "./settings";

export async function updateNoticeSettings(db: PrismaClient, user: SessionUser, input: NoticeSettings) {
  const before = await getNoticeSettings(db);
  await db.$transaction(async (tx) => {
    for (const [key, value] of Object.entries(input)) {
      await tx.setting.upsert({ where: { key }, update: { value }, create: { key, value } });
    }
    await recordAuditEvent(tx, { actorId: user.id, action: "settings.update", entityType: "Setting", entityId: "notices", before, after: input });
  });
}
