import { z } from "zod";
import { isoDateString, isoDateTimeString, pageQuerySchema, unitRefSchema } from "@/lib/api/common-schemas";
import { NOTICE_LEVELS, NOTICE_STATES } from "./schemas";

export const noticeLevelSchema = z.enum(NOTICE_LEVELS).meta({ id: "NoticeLevel", description: "REMINDER 提醒 (blue), SUPERVISE 督办 (yellow), SPECIAL 专项督办 (red)." });
export const noticeStateSchema = z.enum(NOTICE_STATES).meta({ id: "NoticeState" });

const flag = z.preprocess((value) => value === "1" || value === "true" || value === "on", z.boolean());

/** Filters of the notices list (page and API); a malformed filter is refused by the API, ignored by the page. */
export const listNoticesQuerySchema = pageQuerySchema.extend({
  state: z.union([noticeStateSchema, z.literal("active")]).optional().meta({ description: "A state, or `active` (OPEN, REPLIED or RETURNED)." }),
  level: noticeLevelSchema.optional(),
  unit: z.string().trim().min(1).max(64).optional().meta({ description: "Code of a recipient unit." }),
  measure: z.string().trim().min(1).max(32).optional().meta({ description: "Measure code." }),
  overdue: flag.optional().meta({ description: "Only notices whose reply is overdue (awaiting the unit past the reply deadline)." }),
  // The dashboard's scope, so its notice counts open exactly their notices.
  programme: z.string().trim().min(1).max(32).optional().meta({ description: "Programme code of the notice's measure." }),
  area: z.string().trim().min(1).max(32).optional().meta({ description: "Area code of the notice's measure." }),
  city: z.string().trim().min(1).max(32).optional().meta({ description: "City code of the notice's measure." }),
  leadUnit: z.string().trim().min(1).max(40).optional().meta({ description: "Lead unit code of the notice's measure." }),
});
export type ListNoticesQuery = z.infer<typeof listNoticesQuerySchema>;

export const noticeIdParamsSchema = z.object({ id: z.string().min(1).max(40).meta({ description: "Notice id." }) });

const recipientSchema = z.object({
  unit: unitRefSchema,
  isLead: z.boolean().meta({ description: "The lead unit, whose reply decides the notice." }),
  hasActiveOfficial: z.boolean().meta({ description: "False when no active official of the unit can read or answer the notice." }),
});

const replySchema = z.object({
  id: z.string(),
  unit: unitRefSchema,
  author: z.string(),
  body: z.string(),
  newDueDate: isoDateString.nullable(),
  decision: z.enum(["ACCEPTED", "RETURNED"]).nullable(),
  decisionComment: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decidedAt: isoDateTimeString.nullable(),
  createdAt: isoDateTimeString,
});

export const noticeSchema = z
  .object({
    id: z.string(),
    year: z.number().int(),
    number: z.number().int().meta({ description: "Serial number within the year: 督办〔year〕number号." }),
    measure: z.object({ code: z.string(), titleZh: z.string(), titleEn: z.string() }),
    level: noticeLevelSchema,
    state: noticeStateSchema,
    body: z.string().meta({ description: "Empty for a notice issued by a rule (see `rule`)." }),
    replyDueDate: isoDateString,
    overdue: z.boolean(),
    issuedBy: z.string().nullable().meta({ description: "Display name; null when a rule issued it." }),
    issuedById: z.string().nullable(),
    rule: z.string().nullable().meta({ description: "reminder, supervise, special or escalate for an automatic notice." }),
    escalatedFromId: z.string().nullable(),
    escalatedToId: z.string().nullable(),
    recipients: z.array(recipientSchema),
    createdAt: isoDateTimeString,
    closedAt: isoDateTimeString.nullable(),
    version: z.number().int(),
  })
  .meta({ id: "Notice" });

export const noticeDetailSchema = noticeSchema.extend({ replies: z.array(replySchema) }).meta({ id: "NoticeDetail" });

export const listNoticesResponseSchema = z
  .object({ items: z.array(noticeSchema), total: z.number().int(), page: z.number().int(), perPage: z.number().int() })
  .meta({ id: "NoticeList" });

export type NoticeJson = z.input<typeof noticeSchema>;
export type NoticeDetailJson = z.input<typeof noticeDetailSchema>;
