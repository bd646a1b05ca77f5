import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { endAllSessions, revokeAllApiTokens } from "@/lib/auth/auth-session";
import type { SessionUser } from "@/lib/auth/session-user";
import type { PrismaClient } from "@/lib/db/create-client";
import { fieldError } from "@/lib/errors/app-error";
import { lockUserAtVersion } from "./lock-user";
import type { SetUserActiveInput } from "./schemas";
import { userSnapshot } from "./user-rules";

/** Disables or re-enables an account; disabling ends its sessions and revokes its API tokens. */
export async function setUserActive(db: PrismaClient, actor: SessionUser, input: SetUserActiveInput, now = new Date()) {
  await db.$transaction(async (tx) => {
    const before = await lockUserAtVersion(tx, input.userId, input.version);
    if (before.id === actor.id && !input.active) throw fieldError("active", "cannotDisableSelf");
    const after = await tx.user.update({
      where: { id: before.id },
      data: {
        active: input.active,
        version: { increment: 1 },
        ...(input.active ? {} : { sessionsValidFrom: now }),
      },
    });
    if (!input.active) {
      await endAllSessions(tx, before.id, now, { markUser: false });
      await revokeAllApiTokens(tx, before.id, now);
    }
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: input.active ? "user.enable" : "user.disable",
      entityType: "User",
      entityId: before.id,
      before: userSnapshot(before),
      after: userSnapshot(after),
    });
  });
}
