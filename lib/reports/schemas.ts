import { z } from "zod";
import { monthString } from "@/lib/validation/period";
import { multiLineText } from "@/lib/validation/text";

/** An optional decimal typed into a form: empty means "not reported". */
const optionalAmount = z
  .string()
  .optional()
  // The form leaves the field out when the measure has no such figure.
  .transform((value) => value ?? "")
  .pipe(z.string().trim().max(20))
  .refine((value) => value === "" || (/^\d+(\.\d{1,4})?$/.test(value) && Number(value) <= 1e12), "amountFormat")
  .transform((value) => (value === "" ? null : Number(value)));

export const periodSchema = monthString("invalid");

export const saveReportInputSchema = z
  .object({
    measureCode: z.string().trim().min(1).max(32),
    period: periodSchema,
    /** Version of the existing report this edit is based on; absent for a new one. */
    version: z
      .string()
      .optional()
      .transform((value) => (value ? Number(value) : null))
      .pipe(z.number().int().min(1).nullable()),
    percentComplete: z.coerce.number().int("invalid").min(0, "invalid").max(100, "invalid"),
    progress: multiLineText(4000).pipe(z.string().min(1)),
    problems: multiLineText(4000),
    nextSteps: multiLineText(4000),
    kpiActual: optionalAmount,
    investmentCompleted: optionalAmount,
    isCompletion: z
      .string()
      .optional()
      .transform((value) => value === "on" || value === "true"),
    intent: z.enum(["save", "submit"]),
  })
  .refine((input) => !input.isCompletion || input.percentComplete === 100, {
    path: ["percentComplete"],
    message: "completionNeeds100",
  });

export const reviewReportInputSchema = z
  .object({
    reportId: z.string().trim().min(1).max(40),
    version: z.coerce.number().int().min(1),
    decision: z.enum(["approve", "return"]),
    comment: multiLineText(2000),
  })
  .refine((input) => input.decision === "approve" || input.comment.length > 0, {
    path: ["comment"],
    message: "returnNeedsComment",
  });

export type SaveReportInput = z.infer<typeof saveReportInputSchema>;
export type ReviewReportInput = z.infer<typeof reviewReportInputSchema>;
