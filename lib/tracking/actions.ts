"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { trackingSettingsSchema } from "./settings";
import { updateTrackingSettings } from "./update-settings";

export const updateTrackingSettingsAction = defineAction({
  name: "settings.update",
  permission: "settings.manage",
  input: trackingSettingsSchema,
  handler: async ({ user, input }) => {
    await updateTrackingSettings(db, user, input);
    revalidatePath("/", "layout");
    return { messageKey: "saved" };
  },
});
