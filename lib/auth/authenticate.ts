import { randomBytes } from "node:crypto";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { PrismaClient } from "@/lib/db/create-client";
import {
  claimLoginAttempt,
  type LoginThrottleSettings,
  loginThrottleSettings,
  pruneLoginThrottleNowAndThen,
  recordThrottledAttempt,
  releaseLoginAttempt,
} from "./login-throttle";
import { requireChangeIfWeak } from "./new-password";
import { bcryptCostOf, hashPassword, passwordNeedsRehash, verifyPassword } from "./password";

export type AuthenticateResult =
  | { ok: true; user: { id: string; loginName: string; displayName: string } }
  | { ok: false; reason: "INVALID" | "THROTTLED" };

// Compared against when the login name is unknown, so both cases take as long
// (made at the current cost, so LUOSHI_BCRYPT_COST changes both alike).
let dummyHash: Promise<string> | undefined;
const unknownUserHash = () => (dummyHash ??= hashPassword(randomBytes(16).toString("hex")));

/**
 * Checks a login name and password. Unknown names, wrong passwords and
 * disabled accounts all answer INVALID, so the answer never reveals which.
 * `ip` is the client address as scripts/serve.mjs determined it (never a
 * client-supplied header). THROTTLED: this address, or this name from this
 * address, must wait before the next attempt (lib/auth/login-throttle.ts).
 */
export async function authenticate(
  db: PrismaClient,
  credentials: { loginName: string; password: string; ip: string },
  options: { settings?: LoginThrottleSettings; now?: Date } = {},
): Promise<AuthenticateResult> {
  const settings = options.settings ?? loginThrottleSettings();
  const loginName = credentials.loginName.trim().toLowerCase().slice(0, 100);
  const ip = credentials.ip.slice(0, 100);
  const claim = await claimLoginAttempt(db, { loginName, address: ip }, settings, options.now);
  if (!claim.ok) {
    await recordThrottledAttempt(db, claim.blockedBy, settings, options.now);
    return { ok: false, reason: "THROTTLED" };
  }

  const user = await db.user.findUnique({
    where: { loginName },
    select: { id: true, loginName: true, displayName: true, active: true, passwordHash: true },
  });
  const password = credentials.password.slice(0, 200);
  // Placeholders that are no bcrypt hash ("!no-login") cost as much as a real check too.
  const usableHash = user && bcryptCostOf(user.passwordHash) !== null ? user.passwordHash : null;
  const passwordMatches = (await verifyPassword(password, usableHash ?? (await unknownUserHash()))) && usableHash !== null;

  if (!user || !user.active || !passwordMatches) {
    await db.$transaction((tx) =>
      recordAuditEvent(tx, { actorId: null, action: "auth.login.failed", entityType: "Login", entityId: loginName, after: { ip } }),
    );
    await pruneLoginThrottleNowAndThen(db, settings, options.now);
    return { ok: false, reason: "INVALID" };
  }

  await releaseLoginAttempt(db, claim.keys, settings, options.now);
  if (passwordNeedsRehash(user.passwordHash)) {
    // Only if the hash is still the one just verified: a concurrent change wins.
    const passwordHash = await hashPassword(password);
    await db.user.updateMany({ where: { id: user.id, passwordHash: user.passwordHash }, data: { passwordHash } });
  }
  await db.$transaction(async (tx) => {
    // Not an edit of the account: its version stays, so no open admin form goes stale.
    await tx.user.update({ where: { id: user.id }, data: { lastSignInAt: options.now ?? new Date() } });
    await recordAuditEvent(tx, { actorId: user.id, action: "auth.login.succeeded", entityType: "User", entityId: user.id, after: { ip } });
  });
  await requireChangeIfWeak(db, user.id, password);
  return { ok: true, user: { id: user.id, loginName: user.loginName, displayName: user.displayName } };
}
