import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { hashNewPassword } from "@/lib/auth/new-password";
import { generateTemporaryPassword, verifyPassword } from "@/lib/auth/password";
import type { PrismaClient } from "@/lib/db/create-client";
import { demoAccounts, PUBLISHED_PASSWORDS } from "@/prisma/seed/seed-users";
import { loginNameSchema } from "./schemas";

export const FIRST_ADMIN_LOGIN = "admin";

export type OneTimePassword = { loginName: string; temporaryPassword: string; created: boolean };

/**
 * First start on a real database: when no administrator exists yet, creates
 * ONE (`admin`) with a random one-time password that must be changed at first
 * sign-in. Returns it so the caller prints it once; null when an admin exists.
 */
export async function ensureFirstAdmin(db: PrismaClient): Promise<OneTimePassword | null> {
  if (await db.user.count({ where: { role: "ADMIN" } })) return null;
  return createOrResetAdmin(db, FIRST_ADMIN_LOGIN, { action: "user.bootstrapAdmin" });
}

/**
 * `npm run admin:create [login]`: creates an administrator, or gives an
 * existing one a new one-time password (re-enabled, must change it, its
 * sessions ended). Refuses to turn a non-admin account into an admin.
 */
export async function createOrResetAdmin(
  db: PrismaClient,
  rawLoginName: string = FIRST_ADMIN_LOGIN,
  { action = "user.adminCreate" }: { action?: "user.adminCreate" | "user.bootstrapAdmin" } = {},
): Promise<OneTimePassword> {
  const loginName = loginNameSchema.parse(rawLoginName);
  const temporaryPassword = generateTemporaryPassword();
  const passwordHash = await hashNewPassword(temporaryPassword);
  return db.$transaction(async (tx) => {
    const existing = await tx.user.findUnique({ where: { loginName } });
    if (existing && existing.role !== "ADMIN") {
      throw new Error(`The account "${loginName}" exists and is not an administrator; choose another login name.`);
    }
    const user = existing
      ? await tx.user.update({
          where: { id: existing.id },
          data: { passwordHash, mustChangePassword: true, active: true, sessionsValidFrom: new Date(), version: { increment: 1 } },
        })
      : await tx.user.create({
          data: { loginName, displayName: "系统管理员", role: "ADMIN", passwordHash, mustChangePassword: true },
        });
    await recordAuditEvent(tx, {
      actorId: null,
      action,
      entityType: "User",
      entityId: user.id,
      after: { loginName, role: "ADMIN", mustChangePassword: true, reset: Boolean(existing) },
    });
    return { loginName, temporaryPassword, created: !existing };
  });
}

/**
 * Outside demo mode no account may keep a published password (a database
 * seeded by an earlier version has the demo accounts with `Demo@2026`): each
 * demo account that still has one gets a random one-time password, must change
 * it, and its sessions end. Only the demo login names are checked (bcrypt is
 * slow on purpose). Returns the new passwords for the caller to print once.
 */
export async function replacePublishedPasswords(db: PrismaClient): Promise<OneTimePassword[]> {
  const candidates = await db.user.findMany({
    where: { loginName: { in: demoAccounts.map((account) => account.loginName) } },
    select: { id: true, loginName: true, passwordHash: true },
  });
  const replaced: OneTimePassword[] = [];
  for (const user of candidates) {
    let published = false;
    for (const password of PUBLISHED_PASSWORDS) {
      if (await verifyPassword(password, user.passwordHash)) published = true;
    }
    if (!published) continue;
    const temporaryPassword = generateTemporaryPassword();
    const passwordHash = await hashNewPassword(temporaryPassword);
    await db.$transaction(async (tx) => {
      await tx.user.update({
        where: { id: user.id },
        data: { passwordHash, mustChangePassword: true, sessionsValidFrom: new Date(), version: { increment: 1 } },
      });
      await recordAuditEvent(tx, {
        actorId: null,
        action: "user.replacePublishedPassword",
        entityType: "User",
        entityId: user.id,
        after: { mustChangePassword: true },
      });
    });
    replaced.push({ loginName: user.loginName, temporaryPassword, created: false });
  }
  return replaced;
}
