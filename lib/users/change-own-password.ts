import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { hashNewPassword } from "@/lib/auth/new-password";
import { verifyPassword } from "@/lib/auth/password";
import type { SessionUser } from "@/lib/auth/session-user";
import type { PrismaClient } from "@/lib/db/create-client";
import { fieldError } from "@/lib/errors/app-error";
import type { ChangeOwnPasswordInput } from "./schemas";

/** The signed-in user replaces their password after proving they know the current one. */
export async function changeOwnPassword(db: PrismaClient, user: SessionUser, input: ChangeOwnPasswordInput) {
  const { passwordHash } = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
  if (!(await verifyPassword(input.currentPassword, passwordHash))) throw fieldError("currentPassword", "currentPasswordWrong");
  const newHash = await hashNewPassword(input.newPassword);
  await db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: user.id },
      data: { passwordHash: newHash, mustChangePassword: false, version: { increment: 1 } },
    });
    await recordAuditEvent(tx, { actorId: user.id, action: "user.changeOwnPassword", entityType: "User", entityId: user.id });
  });
}
