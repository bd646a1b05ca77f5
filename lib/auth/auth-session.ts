import type { JWT } from "next-auth/jwt";
import type { Prisma } from "@/generated/prisma/client";
import type { PrismaClient } from "@/lib/db/create-client";
import { sessionLimits } from "./session-cookie";

/**
 * Browser sessions. The session cookie is a next-auth JWT carrying the user id
 * (`sub`), the id of an `AuthSession` row (`sid`) and the ORIGINAL sign-in time
 * (`signedInAt`, epoch ms). next-auth re-issues the cookie with a fresh `iat`
 * whenever /api/auth/session is read, so `iat` proves nothing; `signedInAt` is
 * set once at sign-in and copied unchanged on every re-issue.
 *
 * A session counts only while its row exists and is not ended, it is younger
 * than the absolute lifetime, it was used within the idle timeout, and its user
 * is active and signed in after `sessionsValidFrom`. Every page, action, route
 * and the session endpoint check this against the database.
 */
export interface SessionClaims {
  userId: string;
  sessionId: string;
  signedInAt: number;
}

type Db = PrismaClient | Prisma.TransactionClient;

/** The claims of a decoded session JWT, or null when any is missing (e.g. a cookie from before sessions had rows). */
export function sessionClaimsOf(token: JWT | null | undefined): SessionClaims | null {
  if (!token) return null;
  const { sub, sid, signedInAt } = token as JWT & { sid?: unknown; signedInAt?: unknown };
  if (typeof sub !== "string" || typeof sid !== "string" || typeof signedInAt !== "number" || !Number.isFinite(signedInAt)) return null;
  return { userId: sub, sessionId: sid, signedInAt };
}

/** Opens a session at sign-in; also drops the user's sessions that can no longer count. */
export async function startSession(db: Db, userId: string, now = new Date()): Promise<SessionClaims> {
  const { maxAgeMs } = sessionLimits();
  const row = await db.authSession.create({ data: { userId, createdAt: now, lastSeenAt: now }, select: { id: true } });
  await db.authSession.deleteMany({
    where: { userId, OR: [{ endedAt: { not: null } }, { createdAt: { lt: new Date(now.getTime() - maxAgeMs) } }] },
  });
  return { userId, sessionId: row.id, signedInAt: now.getTime() };
}

/** Ends one session (logout): its cookie, and any copy of it, no longer counts. */
export async function endSession(db: Db, claims: SessionClaims | null, now = new Date()): Promise<void> {
  if (!claims) return;
  await db.authSession.updateMany({ where: { id: claims.sessionId, userId: claims.userId, endedAt: null }, data: { endedAt: now } });
}

/**
 * Ends every session of the user (sign out everywhere, password change or
 * reset, disabling): sessions signed in before `now` no longer count. Callers
 * that update the user row anyway pass `sessionsValidFrom: now` themselves and
 * set `markUser` false.
 */
export async function endAllSessions(db: Db, userId: string, now = new Date(), { markUser = true } = {}): Promise<void> {
  if (markUser) await db.user.update({ where: { id: userId }, data: { sessionsValidFrom: now } });
  await db.authSession.updateMany({ where: { userId, endedAt: null }, data: { endedAt: now } });
}

/** Revokes every live API token of the user (password reset, disabling). Returns how many. */
export async function revokeAllApiTokens(db: Db, userId: string, now = new Date()): Promise<number> {
  const { count } = await db.apiToken.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } });
  return count;
}
