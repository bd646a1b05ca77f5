import type { NotificationMode } from "@/generated/prisma/enums";
import type { SessionUser } from "@/lib/auth/session-user";
import type { PrismaClient } from "@/lib/db/create-client";
import { EVENT_TYPES, type EventType } from "@/lib/events/event-types";
import type { SavePreferencesInput } from "./schemas";

/** Without a saved choice: inbox + one mail per event (mail only when SMTP is configured and an address is set). */
export const DEFAULT_MODE: NotificationMode = "MAIL";

export interface NotificationPreferences {
  email: string;
  modes: Record<EventType, NotificationMode>;
}

export async function getNotificationPreferences(db: PrismaClient, userId: string): Promise<NotificationPreferences> {
  const [user, prefs] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { id: userId }, select: { notificationEmail: true } }),
    db.notificationPreference.findMany({ where: { userId } }),
  ]);
  const saved = new Map(prefs.map((pref) => [pref.eventType, pref.mode]));
  return {
    email: user.notificationEmail ?? "",
    modes: Object.fromEntries(EVENT_TYPES.map((type) => [type, saved.get(type) ?? DEFAULT_MODE])) as Record<EventType, NotificationMode>,
  };
}

/** Saves the mail address and one mode per event type, in one transaction. */
export async function saveNotificationPreferences(db: PrismaClient, user: SessionUser, input: SavePreferencesInput) {
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { notificationEmail: input.email } });
    for (const type of EVENT_TYPES) {
      const mode = input.modes[type];
      await tx.notificationPreference.upsert({
        where: { userId_eventType: { userId: user.id, eventType: type } },
        create: { userId: user.id, eventType: type, mode },
        update: { mode },
      });
    }
  });
}
