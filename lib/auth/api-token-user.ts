import { cache } from "react";
import { hashApiToken, looksLikeApiToken } from "@/lib/api-tokens/token-secret";
import { db } from "@/lib/db";
import { type SessionUser, userCheckSelect, userIfValid } from "./session-user";

/** lastUsedAt is a hint for the owner, not a log: write it at most once a minute per token. */
const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * The user a personal API token stands for, or null when the token is unknown,
 * revoked or expired, or its user may not sign in (disabled; or the token was
 * made before a password reset or disabling, like a session would be).
 */
export const getApiTokenUser = cache(async (token: string): Promise<SessionUser | null> => {
  if (!looksLikeApiToken(token)) return null;
  const row = await db.apiToken.findUnique({
    where: { tokenHash: hashApiToken(token) },
    select: { id: true, createdAt: true, expiresAt: true, revokedAt: true, lastUsedAt: true, user: { select: userCheckSelect } },
  });
  const now = new Date();
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt <= now)) return null;
  const user = userIfValid(row.user, (validFrom) => row.createdAt < validFrom);
  if (user && (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS)) {
    await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: now } });
  }
  return user;
});
