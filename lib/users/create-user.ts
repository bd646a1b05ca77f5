import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { hashNewPassword } from "@/lib/auth/new-password";
import { generateTemporaryPassword } from "@/lib/auth/password";
import type { SessionUser } from "@/lib/auth/session-user";
import type { PrismaClient } from "@/lib/db/create-client";
import { fieldError } from "@/lib/errors/app-error";
import type { CreateUserInput } from "./schemas";
import { assertValidUnitForRole, userSnapshot } from "./user-rules";

/** Creates an account with a one-time password that must be changed at first login. */
export async function createUser(db: PrismaClient, actor: SessionUser, input: CreateUserInput) {
  const temporaryPassword = generateTemporaryPassword();
  const passwordHash = await hashNewPassword(temporaryPassword);
  const user = await db.$transaction(async (tx) => {
    if (await tx.user.count({ where: { loginName: input.loginName } })) throw fieldError("loginName", "loginNameTaken");
    await assertValidUnitForRole(tx, input.role, input.unitId);
    const created = await tx.user.create({ data: { ...input, passwordHash, mustChangePassword: true } });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "user.create",
      entityType: "User",
      entityId: created.id,
      after: userSnapshot(created),
    });
    return created;
  });
  return { user, temporaryPassword };
}
