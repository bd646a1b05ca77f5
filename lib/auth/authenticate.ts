import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { PrismaClient } from "@/lib/db/create-client";
import { isLoginThrottled } from "./login-throttle";
import { requireChangeIfWeak } from "./new-password";
import { verifyPassword } from "./password";

export type AuthenticateResult =
  | { ok: true; user: { id: string; loginName: string; displayName: string } }
  | { ok: false; reason: "INVALID" | "THROTTLED" };

// Compared against when the login name is unknown, so both cases take as long.
const DUMMY_HASH = "$2b$12$I/DeZ7dC65raESxqd1Z6G.hldGmYm.DVF04R0rFHxwqAR1z/z3I/m";

/**
 * Checks a login name and password. Unknown names, wrong passwords and
 * disabled accounts all answer INVALID, so the answer never reveals which.
 */
export async function authenticate(
  db: PrismaClient,
  credentials: { loginName: string; password: string; ip: string },
): Promise<AuthenticateResult> {
  const loginName = credentials.loginName.trim().toLowerCase().slice(0, 100);
  const ip = credentials.ip.slice(0, 100);
  if (await isLoginThrottled(db, loginName, ip)) {
    await db.$transaction((tx) =>
      recordAuditEvent(tx, { actorId: null, action: "auth.login.throttled", entityType: "Login", entityId: loginName, after: { ip } }),
    );
    return { ok: false, reason: "THROTTLED" };
  }

  const user = await db.user.findUnique({
    where: { loginName },
    select: { id: true, loginName: true, displayName: true, active: true, passwordHash: true },
  });
  const passwordMatches = await verifyPassword(credentials.password.slice(0, 200), user?.passwordHash ?? DUMMY_HASH);

  if (!user || !user.active || !passwordMatches) {
    await db.$transaction(async (tx) => {
      await tx.loginFailure.create({ data: { loginName, ip } });
      await recordAuditEvent(tx, {
        actorId: null,
        action: "auth.login.failed",
        entityType: "Login",
        entityId: loginName,
        after: { ip },
      });
    });
    return { ok: false, reason: "INVALID" };
  }

  await db.$transaction(async (tx) => {
    await tx.loginFailure.deleteMany({ where: { loginName } });
    await recordAuditEvent(tx, { actorId: user.id, action: "auth.login.succeeded", entityType: "User", entityId: user.id, after: { ip } });
  });
  await requireChangeIfWeak(db, user.id, credentials.password);
  return { ok: true, user: { id: user.id, loginName: user.loginName, displayName: user.displayName } };
}
