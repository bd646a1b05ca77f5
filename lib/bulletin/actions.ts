"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { saveBulletinNarrative, saveBulletinNarrativeBodySchema } from "./save-bulletin-narrative";
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

/** Saves the inspector's text of a bulletin's opening summary (month, scope, language). */
export const saveBulletinNarrativeAction = defineAction({
  name: "bulletin.narrativeSave",
  permission: "bulletin.issue",
  input: saveBulletinNarrativeBodySchema,
  handler: async ({ user, input }) => {
    const row = await saveBulletinNarrative(db, user, input);
    revalidatePath("/bulletin");
    return { messageKey: "saved", data: { version: String(row.version) } };
  },
});
