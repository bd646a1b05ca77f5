import { z } from "zod";
import { isCalendarDay } from "@/lib/validation/period";
import { singleLineText } from "@/lib/validation/text";

export const isoDateSchema = z
  .string()
  .trim()
  .refine(isCalendarDay, "dateFormat")
  .transform((value) => new Date(`${value}T00:00:00Z`));

const idSchema = z.string().trim().min(1).max(40);
const versionSchema = z.coerce.number().int().min(1);

export const addMilestoneInputSchema = z.object({
  measureCode: z.string().trim().min(1).max(32),
  titleZh: singleLineText(200),
  // English is optional, as for every user-entered text: an empty one reads as the Chinese (lib/i18n/localized.ts).
  titleEn: z.union([z.literal(""), singleLineText(300)]).default(""),
  dueDate: isoDateSchema,
});

export const completeMilestoneInputSchema = z.object({
  milestoneId: idSchema,
  version: versionSchema,
  completedOn: isoDateSchema,
});

export const undoMilestoneCompletionInputSchema = z.object({
  milestoneId: idSchema,
  version: versionSchema,
});

export const rescheduleMilestoneInputSchema = z.object({
  milestoneId: idSchema,
  version: versionSchema,
  dueDate: isoDateSchema,
  reason: singleLineText(500),
});

export type AddMilestoneInput = z.infer<typeof addMilestoneInputSchema>;
export type CompleteMilestoneInput = z.infer<typeof completeMilestoneInputSchema>;
export type UndoMilestoneCompletionInput = z.infer<typeof undoMilestoneCompletionInputSchema>;
export type RescheduleMilestoneInput = z.infer<typeof rescheduleMilestoneInputSchema>;
