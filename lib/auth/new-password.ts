import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { PrismaClient } from "@/lib/db/create-client";
import { fieldError } from "@/lib/errors/app-error";
import { hashPassword, newPasswordSchema } from "./password";

/**
 * The only way a password becomes an account's password: it must pass the
 * app's rule (`newPasswordSchema`), whoever sets it (the user, an admin reset,
 * a new account, the seed's demo accounts, `npm run admin:create`).
 */
export async function hashNewPassword(plain: string, field = "newPassword"): Promise<string> {
  if (!passwordFollowsRule(plain)) throw fieldError(field, "passwordRule");
  return hashPassword(plain);
}

export function passwordFollowsRule(plain: string): boolean {
  return newPasswordSchema.safeParse(plain).success;
}

/**
 * At sign-in: a password set before the rule (or by hand in the database) that
 * fails it still signs in once, but the account must choose a new one first.
 */
export async function requireChangeIfWeak(db: PrismaClient, userId: string, plain: string): Promise<boolean> {
  if (passwordFollowsRule(plain)) return false;
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { mustChangePassword: true } });
    await recordAuditEvent(tx, { actorId: userId, action: "user.weakPasswordFlagged", entityType: "User", entityId: userId, after: { mustChangePassword: true } });
  });
  return true;
}
