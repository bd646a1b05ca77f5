"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { markAllNotificationsRead, markNotificationRead } from "./inbox";
import { saveNotificationPreferences } from "./preferences";
import { markAllReadInputSchema, markReadInputSchema, savePreferencesInputSchema } from "./schemas";

export const markNotificationReadAction = defineAction({
  name: "notifications.markRead",
  permission: "account.notifications",
  input: markReadInputSchema,
  handler: async ({ user, input }) => {
    await markNotificationRead(db, user, input);
    revalidatePath("/", "layout");
    return { messageKey: "notificationsRead" };
  },
});

export const markAllNotificationsReadAction = defineAction({
  name: "notifications.markAllRead",
  permission: "account.notifications",
  input: markAllReadInputSchema,
  handler: async ({ user }) => {
    await markAllNotificationsRead(db, user);
    revalidatePath("/", "layout");
    return { messageKey: "notificationsRead" };
  },
});

export const saveNotificationPreferencesAction = defineAction({
  name: "notifications.savePreferences",
  permission: "account.notifications",
  input: savePreferencesInputSchema,
  handler: async ({ user, input }) => {
    await saveNotificationPreferences(db, user, input);
    revalidatePath("/account/notifications");
    return { messageKey: "notificationPreferencesSaved" };
  },
});
