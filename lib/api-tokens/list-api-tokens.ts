import type { PrismaClient } from "@/lib/db/create-client";

export type ApiTokenState = "active" | "expired" | "revoked";

/** The user's own tokens, newest first, with their state now. The hash never leaves the database. */
export async function listApiTokens(db: PrismaClient, userId: string, now = new Date()) {
  const tokens = await db.apiToken.findMany({
    where: { userId },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    select: { id: true, name: true, prefix: true, scope: true, createdAt: true, lastUsedAt: true, expiresAt: true, revokedAt: true },
  });
  return tokens.map((token) => ({ ...token, state: tokenState(token, now) }));
}

export function tokenState(token: { revokedAt: Date | null; expiresAt: Date | null }, now: Date): ApiTokenState {
  if (token.revokedAt) return "revoked";
  if (token.expiresAt && token.expiresAt <= now) return "expired";
  return "active";
}
