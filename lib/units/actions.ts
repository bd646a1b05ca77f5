"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { createUnit } from "./create-unit";
import { createUnitInputSchema, updateUnitInputSchema } from "./schemas";
import { updateUnit } from "./update-unit";

export const createUnitAction = defineAction({
  name: "unit.create",
  permission: "unit.manage",
  input: createUnitInputSchema,
  handler: async ({ user, input }) => {
    await createUnit(db, user, input);
    revalidatePath("/admin/units");
    return { messageKey: "unitCreated" };
  },
});

export const updateUnitAction = defineAction({
  name: "unit.update",
  permission: "unit.manage",
  input: updateUnitInputSchema,
  handler: async ({ user, input }) => {
    await updateUnit(db, user, input);
    revalidatePath("/admin/units");
    return { messageKey: "saved" };
  },
});
