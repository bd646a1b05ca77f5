"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { scoringRulesSchema } from "./rules";
import { updateScoringRules } from "./update-scoring-rules";

export const updateScoringRulesAction = defineAction({
  name: "scoring.updateRules",
  permission: "settings.manage",
  input: scoringRulesSchema,
  handler: async ({ user, input }) => {
    await updateScoringRules(db, user, input);
    revalidatePath("/scores", "layout");
    revalidatePath("/admin/settings");
    return { messageKey: "saved" };
  },
});
