"use server";

import { z } from "zod";
import { db } from "@/lib/db";
import { defineAction } from "./guard";
import { signOutEverywhere } from "./sign-out-everywhere";

/** Ends all of the user's browser sessions; the form then signs this browser out too. */
export const signOutEverywhereAction = defineAction({
  name: "session.signOutEverywhere",
  permission: "account.endOwnSessions",
  input: z.object({}),
  allowWhileMustChangePassword: true,
  handler: async ({ user }) => {
    await signOutEverywhere(db, user);
    return { messageKey: "signedOutEverywhere" };
  },
});
