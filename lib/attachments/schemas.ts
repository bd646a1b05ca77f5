import { z } from "zod";
import { PARENT_TYPES } from "./attachment-parent";

/** The form fields of an upload; they must come before the file in the multipart body. */
export const uploadFieldsSchema = z.object({
  parentType: z.enum(PARENT_TYPES),
  parentId: z.string().trim().min(1).max(64),
});

