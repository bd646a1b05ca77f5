"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { todayInChina } from "@/lib/tracking/dates";
import { addMilestone } from "./add-milestone";
import { changeMilestone } from "./change-milestone";
import { undoMilestoneCompletion } from "./undo-milestone-completion";
import { addMilestoneInputSchema, completeMilestoneInputSchema, rescheduleMilestoneInputSchema, undoMilestoneCompletionInputSchema } from "./schemas";

export const addMilestoneAction = defineAction({
  name: "milestone.add",
  permission: "milestone.manage",
  input: addMilestoneInputSchema,
  handler: async ({ user, input }) => {
    await addMilestone(db, user, input);
    revalidatePath(`/measures/${input.measureCode}`);
    return { messageKey: "saved" };
  },
});

export const completeMilestoneAction = defineAction({
  name: "milestone.complete",
  permission: "milestone.manage",
  input: completeMilestoneInputSchema,
  handler: async ({ user, input }) => {
    await changeMilestone(db, user, input, todayInChina());
    revalidatePath("/", "layout");
    return { messageKey: "saved" };
  },
});

export const rescheduleMilestoneAction = defineAction({
  name: "milestone.reschedule",
  permission: "milestone.manage",
  input: rescheduleMilestoneInputSchema,
  handler: async ({ user, input }) => {
    await changeMilestone(db, user, input, todayInChina());
    revalidatePath("/", "layout");
    return { messageKey: "saved" };
  },
});

export const undoMilestoneCompletionAction = defineAction({
  name: "milestone.undoComplete",
  permission: "milestone.undoComplete",
  input: undoMilestoneCompletionInputSchema,
  handler: async ({ user, input }) => {
    await undoMilestoneCompletion(db, user, input);
    revalidatePath("/", "layout");
    return { messageKey: "saved" };
  },
});
