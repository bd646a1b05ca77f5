import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { endAllSessions, revokeAllApiTokens } from "@/lib/auth/auth-session";
import { hashNewPassword } from "@/lib/auth/new-password";
import { generateTemporaryPassword } from "@/lib/auth/password";
import type { SessionUser } from "@/lib/auth/session-user";
import type { PrismaClient } from "@/lib/db/create-client";
import { lockUserAtVersion } from "./lock-user";
import type { ResetUserPasswordInput } from "./schemas";

/**
 * Gives the user a one-time password they must change at next login, ends the
 * sessions they have open and revokes their API tokens.
 */
export async function resetUserPassword(db: PrismaClient, actor: SessionUser, input: ResetUserPasswordInput, now = new Date()) {
  const temporaryPassword = generateTemporaryPassword();
  const passwordHash = await hashNewPassword(temporaryPassword);
  await db.$transaction(async (tx) => {
    const before = await lockUserAtVersion(tx, input.userId, input.version);
    await tx.user.update({
      where: { id: before.id },
      data: { passwordHash, mustChangePassword: true, sessionsValidFrom: now, version: { increment: 1 } },
    });
    await endAllSessions(tx, before.id, now, { markUser: false });
    const revokedApiTokens = await revokeAllApiTokens(tx, before.id, now);
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "user.resetPassword",
      entityType: "User",
      entityId: before.id,
      after: { mustChangePassword: true, revokedApiTokens },
    });
  });
  return { temporaryPassword };
}
