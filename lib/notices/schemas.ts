import { z } from "zod";
import { isoDateSchema } from "@/lib/milestones/schemas";
import { multiLineText } from "@/lib/validation/text";

export const NOTICE_LEVELS = ["REMINDER", "SUPERVISE", "SPECIAL"] as const;
export const NOTICE_STATES = ["OPEN", "REPLIED", "RETURNED", "ACCEPTED", "ESCALATED"] as const;
/** States in which a notice still waits for someone (the unit or the inspector). */
export const ACTIVE_NOTICE_STATES = ["OPEN", "REPLIED", "RETURNED"] as const;
/** States in which a notice waits for the lead unit's reply. */
export const AWAITING_REPLY_STATES = ["OPEN", "RETURNED"] as const;

const idSchema = z.string().trim().min(1).max(40);
const versionSchema = z.coerce.number().int().min(1);
const requiredText = (max: number) => multiLineText(max).refine((value) => value.length > 0, "required");

/**
 * Cooperating units chosen on the form arrive as checkboxes named `cc_<unitId>`
 * (a form field can hold one value only); the API passes `cooperatingUnitIds`.
 */
function collectCheckedUnits(value: unknown) {
  if (!value || typeof value !== "object" || Array.isArray(value)) return value;
  const record = value as Record<string, unknown>;
  if (record.cooperatingUnitIds !== undefined) return record;
  const ids = Object.keys(record).filter((key) => key.startsWith("cc_") && record[key]).map((key) => key.slice(3));
  return { ...record, cooperatingUnitIds: ids };
}

export const issueNoticeInputSchema = z.preprocess(
  collectCheckedUnits,
  z.object({
    measureCode: z.string().trim().min(1).max(32),
    level: z.enum(NOTICE_LEVELS),
    body: requiredText(4000),
    replyDueDate: isoDateSchema,
    cooperatingUnitIds: z.array(idSchema).max(100).default([]),
  }),
);

export const replyToNoticeInputSchema = z.object({
  noticeId: idSchema,
  version: versionSchema,
  body: requiredText(4000),
  newDueDate: z.preprocess((value) => (value === "" ? undefined : value), isoDateSchema.optional()),
});

export const decideReplyInputSchema = z
  .object({
    noticeId: idSchema,
    version: versionSchema,
    decision: z.enum(["accept", "return"]),
    comment: multiLineText(2000),
  })
  .refine((input) => input.decision === "accept" || input.comment.length > 0, { path: ["comment"], message: "returnNeedsComment" });

export const escalateNoticeInputSchema = z.object({
  noticeId: idSchema,
  version: versionSchema,
  body: multiLineText(4000),
  replyDueDate: isoDateSchema,
});

export type IssueNoticeInput = z.infer<typeof issueNoticeInputSchema>;
export type ReplyToNoticeInput = z.infer<typeof replyToNoticeInputSchema>;
export type DecideReplyInput = z.infer<typeof decideReplyInputSchema>;
export type EscalateNoticeInput = z.infer<typeof escalateNoticeInputSchema>;
