import type { PrismaClient } from "@/lib/db/create-client";

/**
 * Failed sign-ins allowed per window, per login name and per client IP. The IP
 * limit is higher because a unit's officials often share one office address.
 */
export const loginThrottle = { windowMs: 15 * 60 * 1000, maxPerLoginName: 5, maxPerIp: 20 };

export async function isLoginThrottled(db: PrismaClient, loginName: string, ip: string, now = new Date()) {
  const since = new Date(now.getTime() - loginThrottle.windowMs);
  const [byName, byIp] = await Promise.all([
    db.loginFailure.count({ where: { loginName, createdAt: { gte: since } } }),
    db.loginFailure.count({ where: { ip, createdAt: { gte: since } } }),
  ]);
  return byName >= loginThrottle.maxPerLoginName || byIp >= loginThrottle.maxPerIp;
}
