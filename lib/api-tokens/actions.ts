"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { createApiToken } from "./create-api-token";
import { revokeApiToken } from "./revoke-api-token";
import { createApiTokenInputSchema, revokeApiTokenInputSchema } from "./schemas";

export const createApiTokenAction = defineAction({
  name: "apiToken.create",
  permission: "account.manageOwnTokens",
  input: createApiTokenInputSchema,
  handler: async ({ user, input }) => {
    const { token } = await createApiToken(db, user, input);
    revalidatePath("/account/tokens");
    // Shown once: the page cannot show it again, only its prefix.
    return { messageKey: "apiTokenCreated", data: { token } };
  },
});

export const revokeApiTokenAction = defineAction({
  name: "apiToken.revoke",
  permission: "account.manageOwnTokens",
  input: revokeApiTokenInputSchema,
  handler: async ({ user, input }) => {
    await revokeApiToken(db, user, input);
    revalidatePath("/account/tokens");
    return { messageKey: "apiTokenRevoked" };
  },
});
