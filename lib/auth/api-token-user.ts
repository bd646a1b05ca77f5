import { cache } from "react";
import type { ApiTokenScope } from "@/generated/prisma/enums";
import { hashApiToken, looksLikeApiToken } from "@/lib/api-tokens/token-secret";
import { db } from "@/lib/db";
import { type SessionUser, userCheckSelect, userIfValid } from "./session-user";

/** lastUsedAt is a hint for the owner, not a log: write it at most once a minute per token. */
const LAST_USED_RESOLUTION_MS = 60_000;

export type ApiTokenCredential = { user: SessionUser; scope: ApiTokenScope };

/**
 * The user a personal API token stands for and what the token may do, or null
 * when the token is unknown, revoked (by its owner, a password reset or
 * disabling the account) or expired, or its user is disabled.
 */
export const getApiTokenCredential = cache(async (token: string): Promise<ApiTokenCredential | null> => {
  if (!looksLikeApiToken(token)) return null;
  const row = await db.apiToken.findUnique({
    where: { tokenHash: hashApiToken(token) },
    select: { id: true, scope: true, expiresAt: true, revokedAt: true, lastUsedAt: true, user: { select: userCheckSelect } },
  });
  const now = new Date();
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt <= now)) return null;
  // Tokens are ended by revocation, not by sessionsValidFrom: signing out
  // everywhere or changing one's own password leaves them working.
  const user = userIfValid(row.user, () => false);
  if (!user) return null;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: now } });
  }
  return { user, scope: row.scope };
});
