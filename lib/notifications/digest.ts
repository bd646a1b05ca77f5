import { randomUUID } from "node:crypto";
import { createTranslator } from "next-intl";
import type { PrismaClient } from "@/lib/db/create-client";
import { todayInChina } from "@/lib/tracking/dates";
import en from "@/messages/en.json";
import zhCN from "@/messages/zh-CN.json";
import { notificationLink, renderEventText } from "./event-text";
import { mailEnabled as mailEnabledFromEnv, messageLocale } from "./mail-settings";

/**
 * The daily digest: for each person who chose DIGEST for some events, one mail
 * listing those events not yet in a digest. Keyed "digest:<user>:<China date>", so
 * a second run on the same day queues no second mail (what it finds then waits
 * for the next day's digest).
 */
export async function queueDigests(db: PrismaClient, now: Date, options: { mailEnabled?: boolean; baseUrl?: string } = {}) {
  const mail = options.mailEnabled ?? mailEnabledFromEnv();
  const baseUrl = (options.baseUrl ?? process.env.NEXTAUTH_URL ?? "").replace(/\/$/, "");
  const locale = messageLocale();
  const t = createTranslator({ locale, messages: locale === "en" ? en : zhCN, namespace: "notifications.mail" });
  const day = todayInChina(now).toISOString().slice(0, 10);
  const userIds = (
    await db.notification.findMany({
      where: { mode: "DIGEST", digestedAt: null },
      distinct: ["userId"],
      select: { userId: true },
    })
  ).map((row) => row.userId);
  let queued = 0;
  for (const userId of userIds) {
    queued += await db.$transaction(async (tx) => {
      const locked = await tx.$queryRaw<{ id: string }[]>`
        SELECT id FROM "Notification"
         WHERE "userId" = ${userId} AND mode = 'DIGEST' AND "digestedAt" IS NULL
         ORDER BY "createdAt", id FOR UPDATE SKIP LOCKED`;
      if (locked.length === 0) return 0;
      const items = await tx.notification.findMany({ where: { id: { in: locked.map((row) => row.id) } }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
      const user = await tx.user.findUnique({ where: { id: userId }, select: { active: true, notificationEmail: true } });
      let created = 1;
      if (mail && user?.active && user.notificationEmail) {
        const lines = items.map((item) => `• ${renderEventText(locale, item)}\n  ${baseUrl}${notificationLink(item)}`);
        const result = await tx.notificationDelivery.createMany({
          data: [
            {
              id: randomUUID(),
              key: `digest:${userId}:${day}`,
              channel: "EMAIL",
              userId,
              target: user.notificationEmail,
              subject: t("digestSubject", { date: day, count: items.length }),
              body: `${t("digestIntro", { date: day })}\n\n${lines.join("\n")}\n\n${t("footer")}\n`,
            },
          ],
          skipDuplicates: true,
        });
        created = result.count;
      }
      if (created === 0) return 0;
      await tx.notification.updateMany({ where: { id: { in: items.map((item) => item.id) } }, data: { digestedAt: now } });
      return mail && user?.notificationEmail ? 1 : 0;
    });
  }
  return { queued };
}
