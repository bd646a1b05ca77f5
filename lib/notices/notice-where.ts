import type { Prisma } from "@/generated/prisma/client";
import { scopeOf } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session-user";

/** The notices a user may read: all, or (officials) those addressed to their unit. */
export function noticeWhereFor(user: Pick<SessionUser, "role" | "unitId">): Prisma.NoticeWhereInput {
  const scope = scopeOf(user.role, "notice.read");
  if (scope === "all") return {};
  if (scope === "ownUnit" && user.unitId) return { recipients: { some: { unitId: user.unitId } } };
  return { id: { in: [] } };
}

/** Awaiting the unit's reply past the deadline (today is the calendar day in China). */
export function overdueNoticeWhere(today: Date): Prisma.NoticeWhereInput {
  return { state: { in: ["OPEN", "RETURNED"] }, replyDueDate: { lt: today } };
}
