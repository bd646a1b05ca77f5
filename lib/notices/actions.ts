"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { todayInChina } from "@/lib/tracking/dates";
import { decideReply } from "./decide-reply";
import { escalateNotice } from "./escalate-notice";
import { issueNotice } from "./issue-notice";
import { replyToNotice } from "./reply-to-notice";
import { decideReplyInputSchema, escalateNoticeInputSchema, issueNoticeInputSchema, replyToNoticeInputSchema } from "./schemas";
import { noticeSettingsSchema } from "./settings";
import { updateNoticeSettings } from "./update-notice-settings";

export const issueNoticeAction = defineAction({
  name: "notice.issue",
  permission: "notice.issue",
  input: issueNoticeInputSchema,
  handler: async ({ user, input }) => {
    const notice = await issueNotice(db, user, input, todayInChina());
    revalidatePath("/", "layout");
    return { messageKey: "issued", data: { id: notice.id, year: String(notice.year), number: String(notice.number) } };
  },
});

export const replyToNoticeAction = defineAction({
  name: "notice.reply",
  permission: "notice.reply",
  input: replyToNoticeInputSchema,
  handler: async ({ user, input }) => {
    await replyToNotice(db, user, input);
    revalidatePath("/", "layout");
    return { messageKey: "replied" };
  },
});

export const decideReplyAction = defineAction({
  name: "notice.decide",
  permission: "notice.decide",
  input: decideReplyInputSchema,
  handler: async ({ user, input }) => {
    await decideReply(db, user, input);
    revalidatePath("/", "layout");
    return { messageKey: input.decision === "accept" ? "accepted" : "returned" };
  },
});

export const escalateNoticeAction = defineAction({
  name: "notice.escalate",
  permission: "notice.issue",
  input: escalateNoticeInputSchema,
  handler: async ({ user, input }) => {
    const notice = await escalateNotice(db, user, input, todayInChina());
    revalidatePath("/", "layout");
    return { messageKey: "escalated", data: { id: notice.id, year: String(notice.year), number: String(notice.number) } };
  },
});

export const updateNoticeSettingsAction = defineAction({
  name: "noticeSettings.update",
  permission: "settings.manage",
  input: noticeSettingsSchema,
  handler: async ({ user, input }) => {
    await updateNoticeSettings(db, user, input);
    revalidatePath("/admin/settings");
    return { messageKey: "saved" };
  },
});
