import { z } from "zod";
import { multiLineText } from "@/lib/validation/text";

/** The longest comment: a few paragraphs, not a report (that has its own form). */
export const COMMENT_MAX_LENGTH = 2000;
/** At most this many people named in one comment. */
export const MAX_MENTIONS = 20;

const idSchema = z.string().trim().min(1).max(40);
const versionSchema = z.coerce.number().int().min(1);
// A form sends a textarea's line breaks as CRLF: stored as LF, so the text reads and counts as typed.
const bodySchema = z
  .string()
  .transform((value) => value.replace(/\r\n?/g, "\n"))
  .pipe(multiLineText(COMMENT_MAX_LENGTH).refine((value) => value.length > 0, "required"));

/** The people chosen from the type-ahead, as the form sends them: ids joined by commas. */
const mentionIdsSchema = z
  .string()
  .default("")
  .transform((value) => [...new Set(value.split(",").map((id) => id.trim()).filter(Boolean))])
  .pipe(z.array(idSchema).max(MAX_MENTIONS, "tooManyMentions"));

export const addCommentInputSchema = z.object({
  measureCode: z.string().trim().min(1).max(32),
  /** Set when the comment is on one of the measure's reports. */
  reportId: z
    .string()
    .trim()
    .max(40)
    .default("")
    .transform((value) => value || null),
  body: bodySchema,
  mentionIds: mentionIdsSchema,
});

export const editCommentInputSchema = z.object({
  commentId: idSchema,
  version: versionSchema,
  body: bodySchema,
  mentionIds: mentionIdsSchema,
});

export const deleteCommentInputSchema = z.object({
  commentId: idSchema,
  version: versionSchema,
});

/** GET /api/v1/measures/{code}/mention-candidates: the type-ahead's query. */
export const mentionCandidatesQuerySchema = z.object({
  q: z.string().trim().max(50).default("").meta({ description: "Part of the person's name or login name (case-insensitive)." }),
  reportId: z
    .string()
    .trim()
    .max(40)
    .optional()
    .meta({ description: "The report the comment is on: a draft's comment may only name people of the draft's unit." }),
});

export type AddCommentInput = z.infer<typeof addCommentInputSchema>;
export type EditCommentInput = z.infer<typeof editCommentInputSchema>;
export type DeleteCommentInput = z.infer<typeof deleteCommentInputSchema>;
export type MentionCandidatesQuery = z.infer<typeof mentionCandidatesQuerySchema>;
