"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { explainFlag } from "./explain-flag";
import { explainFlagInputSchema } from "./schemas";
import { credibilitySettingsSchema } from "./settings";
import { updateCredibilitySettings } from "./update-settings";

export const explainFlagAction = defineAction({
  name: "credibility.explain",
  permission: "report.review",
  input: explainFlagInputSchema,
  handler: async ({ user, input }) => {
    await explainFlag(db, user, input);
    revalidatePath("/reviews");
    revalidatePath("/measures", "layout");
    return { messageKey: "flagExplained" };
  },
});

export const updateCredibilitySettingsAction = defineAction({
  name: "credibility.settings.update",
  permission: "settings.manage",
  input: credibilitySettingsSchema,
  handler: async ({ user, input }) => {
    await updateCredibilitySettings(db, user, input);
    revalidatePath("/", "layout");
    return { messageKey: "saved" };
  },
});
