import { z } from "zod";
import { isoDateTimeString } from "@/lib/api/common-schemas";
import { locales } from "@/lib/i18n/config";
import { monthString } from "@/lib/validation/period";
import { PARENT_TYPES } from "./attachment-parent";

export const attachmentIdParamsSchema = z.object({ id: z.string().min(1).max(40).meta({ description: "Attachment id." }) });

export const uploadBodySchema = z.object({
  parentType: z.enum(PARENT_TYPES).meta({ description: "What the file is evidence for; must come before `file`." }),
  parentId: z.string().meta({ description: "Id of the report, milestone, extension request or measure." }),
  file: z.string().meta({ description: "The file (binary); its type is detected from its bytes.", format: "binary" }),
});

export const attachmentSchema = z
  .object({
    id: z.string(),
    measureId: z.string(),
    parentType: z.enum(PARENT_TYPES),
    parentId: z.string(),
    name: z.string().meta({ description: "The file name as uploaded (cleaned)." }),
    mimeType: z.string().meta({ description: "Detected from the bytes." }),
    size: z.number().int(),
    sha256: z.string(),
    hasThumbnail: z.boolean(),
    uploadedBy: z.string().meta({ description: "Display name of the uploader." }),
    createdAt: isoDateTimeString,
    url: z.string(),
    thumbnailUrl: z.string().nullable(),
  })
  .meta({ id: "Attachment" });

export const listAttachmentsQuerySchema = z.object({
  measureId: z.string().trim().min(1).max(40).meta({ description: "Measure id: its files and those of its reports, milestones and extension requests that the caller may see." }),
});

export const listAttachmentsResponseSchema = z.object({ items: z.array(attachmentSchema) });

export const evidenceZipQuerySchema = z.object({
  period: monthString()
    .optional()
    .meta({ description: "YYYY-MM: the files of that month's reports and those added that month (China time) to the measure, its milestones and extension requests. Without it, all files." }),
  lang: z.enum(locales).optional().meta({ description: "Language of the folder names; default the language cookie, else zh-CN." }),
});
