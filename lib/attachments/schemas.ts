import { z } from "zod";
import { PARENT_TYPES } from "./attachment-parent";

/** The form fields of an upload; they must come before the file in the multipart body. */
export const uploadFieldsSchema = z.object({
  parentType: z.enum(PARENT_TYPES),
  parentId: z.string().trim().min(1).max(64),
});

export const attachmentIdSchema = z.object({ id: z.string().trim().min(1).max(64) });

/** What the list of a parent's files is asked for. */
export const listAttachmentsQuerySchema = z.object({
  measureId: z.string().trim().min(1).max(64),
});
