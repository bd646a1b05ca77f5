import type { SessionUser } from "@/lib/auth/session-user";
import type { PrismaClient } from "@/lib/db/create-client";
import { AppError } from "@/lib/errors/app-error";
import type { InboxFilter } from "./schemas";

const PAGE = 100;

/** One's own notifications, newest first: unread, read or all. */
export async function listInbox(db: PrismaClient, userId: string, filter: InboxFilter) {
  const readAt = filter === "unread" ? null : filter === "read" ? { not: null } : undefined;
  return db.notification.findMany({
    where: { userId, ...(readAt === undefined ? {} : { readAt }) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: PAGE,
    select: { id: true, type: true, entityType: true, entityId: true, measureCode: true, payload: true, createdAt: true, readAt: true },
  });
}

export const unreadCount = (db: PrismaClient, userId: string) => db.notification.count({ where: { userId, readAt: null } });

/** Marks one of one's own notifications read; another person's is "not found". */
export async function markNotificationRead(db: PrismaClient, user: SessionUser, input: { notificationId: string }, now = new Date()) {
  const updated = await db.notification.updateMany({ where: { id: input.notificationId, userId: user.id, readAt: null }, data: { readAt: now } });
  if (updated.count === 0) {
    const own = await db.notification.count({ where: { id: input.notificationId, userId: user.id } });
    if (own === 0) throw new AppError("NOT_FOUND");
  }
}

export async function markAllNotificationsRead(db: PrismaClient, user: SessionUser, now = new Date()) {
  const updated = await db.notification.updateMany({ where: { userId: user.id, readAt: null }, data: { readAt: now } });
  return updated.count;
}
