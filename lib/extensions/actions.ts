"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { todayInChina } from "@/lib/tracking/dates";
import { decideExtension } from "./decide-extension";
import { reopenMeasure } from "./reopen-measure";
import { requestExtension } from "./request-extension";
import { decideExtensionInputSchema, reopenMeasureInputSchema, requestExtensionInputSchema } from "./schemas";

export const requestExtensionAction = defineAction({
  name: "extension.request",
  permission: "extension.request",
  input: requestExtensionInputSchema,
  handler: async ({ user, input }) => {
    await requestExtension(db, user, input, todayInChina());
    revalidatePath(`/measures/${input.measureCode}`);
    return { messageKey: "extensionRequested" };
  },
});

export const decideExtensionAction = defineAction({
  name: "extension.decide",
  permission: "extension.decide",
  input: decideExtensionInputSchema,
  handler: async ({ user, input }) => {
    await decideExtension(db, user, input);
    revalidatePath("/", "layout");
    return { messageKey: input.decision === "approve" ? "extensionApproved" : "extensionRejected" };
  },
});

export const reopenMeasureAction = defineAction({
  name: "measure.reopen",
  permission: "measure.reopen",
  input: reopenMeasureInputSchema,
  handler: async ({ user, input }) => {
    await reopenMeasure(db, user, input);
    revalidatePath(`/measures/${input.measureCode}`);
    return { messageKey: "measureReopened" };
  },
});
