import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { SessionUser } from "@/lib/auth/session-user";
import type { PrismaClient } from "@/lib/db/create-client";
import { getBulletinSettings, type BulletinSettings } from "./settings";

export async function updateBulletinSettings(db: PrismaClient, user: SessionUser, input: BulletinSettings) {
  const before = await getBulletinSettings(db);
  await db.$transaction(async (tx) => {
    const value = input.bulletinIssuer;
    await tx.setting.upsert({ where: { key: "bulletinIssuer" }, update: { value }, create: { key: "bulletinIssuer", value } });
    await recordAuditEvent(tx, { actorId: user.id, action: "settings.update", entityType: "Setting", entityId: "bulletin", before, after: input });
  });
}
