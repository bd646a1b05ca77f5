"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/auth/guard";
import { issueSessionCookie } from "@/lib/auth/session-user";
import { db } from "@/lib/db";
import { changeOwnPassword } from "./change-own-password";
import { createUser } from "./create-user";
import { resetUserPassword } from "./reset-user-password";
import {
  changeOwnPasswordInputSchema,
  createUserInputSchema,
  resetUserPasswordInputSchema,
  setUserActiveInputSchema,
  updateUserAccessInputSchema,
} from "./schemas";
import { setUserActive } from "./set-user-active";
import { updateUserAccess } from "./update-user-access";

export const createUserAction = defineAction({
  name: "user.create",
  permission: "user.manage",
  input: createUserInputSchema,
  handler: async ({ user, input }) => {
    const { temporaryPassword } = await createUser(db, user, input);
    revalidatePath("/admin/users");
    return { messageKey: "userCreated", data: { loginName: input.loginName, temporaryPassword } };
  },
});

export const updateUserAccessAction = defineAction({
  name: "user.updateAccess",
  permission: "user.manage",
  input: updateUserAccessInputSchema,
  handler: async ({ user, input }) => {
    await updateUserAccess(db, user, input);
    revalidatePath("/admin/users");
    return { messageKey: "saved" };
  },
});

export const setUserActiveAction = defineAction({
  name: "user.setActive",
  permission: "user.manage",
  input: setUserActiveInputSchema,
  handler: async ({ user, input }) => {
    await setUserActive(db, user, input);
    revalidatePath("/admin/users");
    return { messageKey: input.active ? "userEnabled" : "userDisabled" };
  },
});

export const resetUserPasswordAction = defineAction({
  name: "user.resetPassword",
  permission: "user.manage",
  input: resetUserPasswordInputSchema,
  handler: async ({ user, input }) => {
    const { temporaryPassword } = await resetUserPassword(db, user, input);
    revalidatePath("/admin/users");
    return { messageKey: "passwordReset", data: { temporaryPassword } };
  },
});

export const changeOwnPasswordAction = defineAction({
  name: "user.changeOwnPassword",
  permission: "account.changeOwnPassword",
  input: changeOwnPasswordInputSchema,
  allowWhileMustChangePassword: true,
  handler: async ({ user, input }) => {
    const { session } = await changeOwnPassword(db, user, input);
    // Every earlier session ended, this browser's too: it gets a fresh one.
    await issueSessionCookie(session, user.displayName);
    return { messageKey: "passwordChanged" };
  },
});
