import { z } from "zod";
import { NotificationMode } from "@/generated/prisma/enums";
import { EVENT_TYPES, type EventType } from "@/lib/events/event-types";

const modeSchema = z.enum(NotificationMode, "invalid");

/** The preferences form: `email` and one field `mode.<event type>` per event type. */
export const savePreferencesInputSchema = z
  .object({
    email: z
      .string()
      .trim()
      .max(254, "tooLong")
      .refine((value) => value === "" || z.email().safeParse(value).success, "emailFormat")
      .transform((value) => value || null),
    ...Object.fromEntries(EVENT_TYPES.map((type) => [`mode.${type}`, modeSchema.default("MAIL")])),
  })
  .transform((input) => {
    const record = input as Record<string, unknown>;
    return {
      email: input.email,
      modes: Object.fromEntries(EVENT_TYPES.map((type) => [type, record[`mode.${type}`]])) as Record<EventType, NotificationMode>,
    };
  });

export type SavePreferencesInput = z.infer<typeof savePreferencesInputSchema>;

export const markReadInputSchema = z.object({ notificationId: z.string().trim().min(1).max(40) });
export const markAllReadInputSchema = z.object({});

/** The inbox filter in the query string. */
export const inboxFilterSchema = z.enum(["unread", "read", "all"]).catch("unread");
export type InboxFilter = z.infer<typeof inboxFilterSchema>;
