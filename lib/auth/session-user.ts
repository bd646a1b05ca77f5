import { decode } from "next-auth/jwt";
import { cookies } from "next/headers";
import { cache } from "react";
import { db } from "@/lib/db";
import { authSecret, sessionCookieName } from "./session-cookie";

export const sessionUserSelect = {
  id: true,
  loginName: true,
  displayName: true,
  role: true,
  unitId: true,
  mustChangePassword: true,
} as const;

export type SessionUser = {
  id: string;
  loginName: string;
  displayName: string;
  role: import("@/generated/prisma/enums").Role;
  unitId: string | null;
  mustChangePassword: boolean;
};

/** What the user checks below need, besides the SessionUser fields. */
export const userCheckSelect = { ...sessionUserSelect, active: true, sessionsValidFrom: true } as const;
type CheckedUser = SessionUser & { active: boolean; sessionsValidFrom: Date | null };

/**
 * The user a credential stands for, or null: the account must be active, and
 * credentials issued before `sessionsValidFrom` (set by a password reset or by
 * disabling the account) no longer count.
 */
export function userIfValid(user: CheckedUser | null, issuedBefore: (validFrom: Date) => boolean): SessionUser | null {
  if (!user?.active) return null;
  if (user.sessionsValidFrom && issuedBefore(user.sessionsValidFrom)) return null;
  const { active: _active, sessionsValidFrom: _validFrom, ...sessionUser } = user;
  return sessionUser;
}

/**
 * The signed-in user of this request, read fresh from the database: a disabled
 * account, a changed role or a revoked session takes effect on the next request.
 * Only the session cookie counts here; API tokens are for /api/v1 (./api-token-user).
 */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const raw = (await cookies()).get(sessionCookieName())?.value;
  if (!raw) return null;
  const token = await decode({ token: raw, secret: authSecret() }).catch(() => null);
  if (!token?.sub) return null;
  const user = await db.user.findUnique({ where: { id: token.sub }, select: userCheckSelect });
  const issuedAt = typeof token.iat === "number" ? token.iat : 0;
  // A JWT's `iat` is in whole seconds.
  return userIfValid(user, (validFrom) => issuedAt < Math.floor(validFrom.getTime() / 1000));
});
