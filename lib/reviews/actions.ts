"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { approveReports } from "./approve-reports";
import { approveReportsInputSchema } from "./schemas";

export const approveReportsAction = defineAction({
  name: "report.bulkApprove",
  permission: "report.review",
  input: approveReportsInputSchema,
  handler: async ({ user, input }) => {
    const { approved, failed } = await approveReports(db, user, input);
    revalidatePath("/", "layout");
    // The client lists each failure by its measure; the ids travel as JSON.
    return { messageKey: "bulkApproved", data: { approved: String(approved.length), failed: JSON.stringify(failed) } };
  },
});
