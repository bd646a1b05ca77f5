import { z } from "zod";
import { isoDateSchema } from "@/lib/milestones/schemas";
import { multiLineText, singleLineText } from "@/lib/validation/text";

export const requestExtensionInputSchema = z.object({
  measureCode: z.string().trim().min(1).max(32),
  requestedDueDate: isoDateSchema,
  reason: singleLineText(1000),
});

export const decideExtensionInputSchema = z
  .object({
    extensionId: z.string().trim().min(1).max(40),
    version: z.coerce.number().int().min(1),
    decision: z.enum(["approve", "reject"]),
    comment: multiLineText(1000),
  })
  .refine((input) => input.decision === "approve" || input.comment.length > 0, { path: ["comment"], message: "rejectNeedsComment" });

export const reopenMeasureInputSchema = z.object({
  measureCode: z.string().trim().min(1).max(32),
  version: z.coerce.number().int().min(1),
  reason: singleLineText(1000),
});

export type RequestExtensionInput = z.infer<typeof requestExtensionInputSchema>;
export type DecideExtensionInput = z.infer<typeof decideExtensionInputSchema>;
export type ReopenMeasureInput = z.infer<typeof reopenMeasureInputSchema>;
