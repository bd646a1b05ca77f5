import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { endAllSessions, type SessionClaims, startSession } from "@/lib/auth/auth-session";
import { hashNewPassword } from "@/lib/auth/new-password";
import { verifyPassword } from "@/lib/auth/password";
import type { SessionUser } from "@/lib/auth/session-user";
import type { PrismaClient } from "@/lib/db/create-client";
import { fieldError } from "@/lib/errors/app-error";
import type { ChangeOwnPasswordInput } from "./schemas";

/**
 * The signed-in user replaces their password after proving they know the
 * current one. Every session of the user ends (a copied cookie of this one
 * too); the new session returned is for the browser that made the change.
 */
export async function changeOwnPassword(
  db: PrismaClient,
  user: SessionUser,
  input: ChangeOwnPasswordInput,
  now = new Date(),
): Promise<{ session: SessionClaims }> {
  const { passwordHash } = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
  if (!(await verifyPassword(input.currentPassword, passwordHash))) throw fieldError("currentPassword", "currentPasswordWrong");
  const newHash = await hashNewPassword(input.newPassword);
  return db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: user.id },
      data: { passwordHash: newHash, mustChangePassword: false, sessionsValidFrom: now, version: { increment: 1 } },
    });
    await endAllSessions(tx, user.id, now, { markUser: false });
    await recordAuditEvent(tx, { actorId: user.id, action: "user.changeOwnPassword", entityType: "User", entityId: user.id });
    return { session: await startSession(tx, user.id, now) };
  });
}
