"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { todayInChina } from "@/lib/tracking/dates";
import { reviewReport } from "./review-report";
import { saveReport } from "./save-report";
import { reviewReportInputSchema, saveReportInputSchema } from "./schemas";

export const saveReportAction = defineAction({
  name: "report.save",
  permission: "report.write",
  input: saveReportInputSchema,
  handler: async ({ user, input }) => {
    const { reportId } = await saveReport(db, user, input, todayInChina());
    revalidatePath("/", "layout");
    // The id lets the form's uploader put files on a draft it has just saved.
    return { messageKey: input.intent === "submit" ? "reportSubmitted" : "reportSaved", data: { reportId } };
  },
});

export const reviewReportAction = defineAction({
  name: "report.review",
  permission: "report.review",
  input: reviewReportInputSchema,
  handler: async ({ user, input }) => {
    await reviewReport(db, user, input);
    revalidatePath("/", "layout");
    return { messageKey: input.decision === "approve" ? "reportApproved" : "reportReturned" };
  },
});
