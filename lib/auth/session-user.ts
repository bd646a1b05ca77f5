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

/**
 * The signed-in user of this request, read fresh from the database: a disabled
 * account, a changed role or a revoked session takes effect on the next request.
 */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const raw = (await cookies()).get(sessionCookieName())?.value;
  if (!raw) return null;
  const token = await decode({ token: raw, secret: authSecret() }).catch(() => null);
  if (!token?.sub) return null;
  const user = await db.user.findUnique({
    where: { id: token.sub },
    select: { ...sessionUserSelect, active: true, sessionsValidFrom: true },
  });
  if (!user?.active) return null;
  const issuedAt = typeof token.iat === "number" ? token.iat : 0;
  if (user.sessionsValidFrom && issuedAt < Math.floor(user.sessionsValidFrom.getTime() / 1000)) return null;
  const { active: _active, sessionsValidFrom: _validFrom, ...sessionUser } = user;
  return sessionUser;
});
