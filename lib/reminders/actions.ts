"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { reminderSettingsSchema } from "./settings";
import { updateReminderSettings } from "./update-settings";

export const updateReminderSettingsAction = defineAction({
  name: "reminders.settings.update",
  permission: "settings.manage",
  input: reminderSettingsSchema,
  handler: async ({ user, input }) => {
    await updateReminderSettings(db, user, input);
    revalidatePath("/admin/settings");
    return { messageKey: "saved" };
  },
});
