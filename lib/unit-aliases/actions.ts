"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { createUnitAliasInputSchema, deleteUnitAliasInputSchema } from "./schemas";
import { createUnitAlias, deleteUnitAlias } from "./unit-aliases";

export const createUnitAliasAction = defineAction({
  name: "unitAlias.create",
  permission: "unit.manage",
  input: createUnitAliasInputSchema,
  handler: async ({ user, input }) => {
    await createUnitAlias(db, user, input);
    revalidatePath("/admin/unit-aliases");
    return { messageKey: "unitAliasCreated" };
  },
});

export const deleteUnitAliasAction = defineAction({
  name: "unitAlias.delete",
  permission: "unit.manage",
  input: deleteUnitAliasInputSchema,
  handler: async ({ user, input }) => {
    await deleteUnitAlias(db, user, input.id);
    revalidatePath("/admin/unit-aliases");
    return { messageKey: "unitAliasDeleted" };
  },
});
