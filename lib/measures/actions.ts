"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { updateMeasureOwnerInputSchema } from "./schemas";
import { updateMeasureOwner } from "./update-measure-owner";

export const updateMeasureOwnerAction = defineAction({
  name: "measure.updateOwner",
  permission: "measure.editOwner",
  input: updateMeasureOwnerInputSchema,
  handler: async ({ user, input }) => {
    await updateMeasureOwner(db, user, input);
    revalidatePath(`/measures/${input.code}`);
    return { messageKey: "saved" };
  },
});
