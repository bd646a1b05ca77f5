import { decode, encode } from "next-auth/jwt";
import { cookies } from "next/headers";
import { cache } from "react";
import { db } from "@/lib/db";
import { noteRequestUser } from "@/lib/observability/logger.mjs";
import type { PrismaClient } from "@/lib/db/create-client";
import { type SessionClaims, sessionClaimsOf } from "./auth-session";
import { authSecret, SESSION_MAX_AGE_SECONDS, sessionCookieName, sessionLimits, usesSecureCookies } from "./session-cookie";

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
 * credentials `issuedBefore` the user's `sessionsValidFrom` (set when all their
 * sessions end: reset, own password change, sign out everywhere, disabling)
 * no longer count.
 */
export function userIfValid(user: CheckedUser | null, issuedBefore: (validFrom: Date) => boolean): SessionUser | null {
  if (!user?.active) return null;
  if (user.sessionsValidFrom && issuedBefore(user.sessionsValidFrom)) return null;
  const { active: _active, sessionsValidFrom: _validFrom, ...sessionUser } = user;
  return sessionUser;
}

/** Activity is written at most once a minute per session: enough for an idle timeout counted in minutes. */
const LAST_SEEN_RESOLUTION_MS = 60_000;

/**
 * The user a session stands for, or null when it no longer counts (see ./auth-session).
 * `touch` records this request as activity (for the idle timeout); the session
 * endpoint does not touch, so a tab polling it does not keep a session alive.
 */
export async function checkSession(
  db: PrismaClient,
  claims: SessionClaims | null,
  { touch = true, now = new Date() }: { touch?: boolean; now?: Date } = {},
): Promise<SessionUser | null> {
  if (!claims) return null;
  const row = await db.authSession.findUnique({
    where: { id: claims.sessionId },
    select: { userId: true, createdAt: true, lastSeenAt: true, endedAt: true, user: { select: userCheckSelect } },
  });
  if (!row || row.userId !== claims.userId || row.endedAt) return null;
  const { maxAgeMs, idleMs } = sessionLimits();
  const signedInAt = Math.min(claims.signedInAt, row.createdAt.getTime());
  if (now.getTime() - signedInAt >= maxAgeMs) return null;
  if (now.getTime() - row.lastSeenAt.getTime() >= idleMs) return null;
  const user = userIfValid(row.user, (validFrom) => signedInAt < validFrom.getTime());
  if (user && touch && now.getTime() - row.lastSeenAt.getTime() >= LAST_SEEN_RESOLUTION_MS) {
    await db.authSession.updateMany({ where: { id: claims.sessionId, endedAt: null }, data: { lastSeenAt: now } });
  }
  return user;
}

/**
 * The signed-in user of this request, read fresh from the database: a disabled
 * account, a changed role, an ended or expired session takes effect on the
 * next request. Only the session cookie counts here; API tokens are for
 * /api/v1 (./api-token-user).
 */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const user = await checkSession(db, await requestSessionClaims());
  // The request's log line names who made it.
  if (user) noteRequestUser(user.id);
  return user;
});

/** The claims of this request's session cookie (not yet checked against the database), or null. */
export async function requestSessionClaims(): Promise<SessionClaims | null> {
  const raw = (await cookies()).get(sessionCookieName())?.value;
  if (!raw) return null;
  return sessionClaimsOf(await decode({ token: raw, secret: authSecret() }).catch(() => null));
}

/**
 * Gives this browser a cookie for a session just opened on the server (after
 * the user's own password change ended all earlier ones, this one included),
 * as next-auth would set it at sign-in.
 */
export async function issueSessionCookie(claims: SessionClaims, name: string): Promise<void> {
  const token = await encode({
    token: { sub: claims.userId, name, sid: claims.sessionId, signedInAt: claims.signedInAt },
    secret: authSecret(),
    maxAge: SESSION_MAX_AGE_SECONDS,
  });
  (await cookies()).set(sessionCookieName(), token, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: usesSecureCookies(),
    expires: new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000),
  });
}
