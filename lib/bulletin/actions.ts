"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { bulletinSettingsSchema } from "./settings";
import { updateBulletinSettings } from "./update-bulletin-settings";

export const updateBulletinSettingsAction = defineAction({
  name: "bulletinSettings.update",
  permission: "settings.manage",
  input: bulletinSettingsSchema,
  handler: async ({ user, input }) => {
    await updateBulletinSettings(db, user, input);
    revalidatePath("/admin/settings");
    return { messageKey: "saved" };
  },
});
