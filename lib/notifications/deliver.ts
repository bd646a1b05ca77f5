import nodemailer from "nodemailer";
import type { NotificationDelivery } from "@/generated/prisma/client";
import type { PrismaClient } from "@/lib/db/create-client";
import { type MailSettings, mailSettingsFromEnv } from "./mail-settings";
import { postWebhook } from "./webhook";

/** How deliveries leave the building; tests pass their own servers' settings. */
export interface Senders {
  sendMail(to: string, subject: string, text: string): Promise<void>;
  postWebhook(url: string, body: string): Promise<void>;
}

/** Nodemailer with the SMTP settings (null = mail off: a mail delivery then fails). */
export function createSenders(mail: MailSettings | null = mailSettingsFromEnv()): Senders {
  const transport = mail ? nodemailer.createTransport(mail.transport) : null;
  return {
    async sendMail(to, subject, text) {
      if (!transport || !mail) throw new Error("SMTP is not configured");
      await transport.sendMail({ from: mail.from, to, subject, text });
    },
    postWebhook: (url, body) => postWebhook(url, body),
  };
}

/** How long one sender may hold a delivery before another may try it. */
const CLAIM_MS = 120_000;

export type DeliveryOutcome = "sent" | "skipped";

/**
 * Sends one delivery, at most once: the delivery is claimed with a conditional
 * update (not yet sent, not held by another sender), sent, then marked SENT.
 * A failure is recorded on the row (attempts, last error) and thrown, so the job
 * that called this is retried with backoff.
 */
export async function deliverOne(db: PrismaClient, deliveryId: string, senders: Senders, now = new Date()): Promise<DeliveryOutcome> {
  const claimedUntil = new Date(now.getTime() + CLAIM_MS);
  const claimed = await db.$queryRaw<NotificationDelivery[]>`
    UPDATE "NotificationDelivery"
       SET "claimedUntil" = ${claimedUntil}, attempts = attempts + 1, "updatedAt" = ${now}
     WHERE id = ${deliveryId}::uuid AND state <> 'SENT'
       AND ("claimedUntil" IS NULL OR "claimedUntil" < ${now})
     RETURNING *`;
  const delivery = claimed[0];
  if (!delivery) return "skipped";
  // Nothing goes to an account disabled since the event was dispatched.
  if (delivery.userId && !(await db.user.findUnique({ where: { id: delivery.userId }, select: { active: true } }))?.active) {
    await db.notificationDelivery.update({ where: { id: delivery.id }, data: { state: "FAILED", lastError: "account disabled", claimedUntil: null } });
    return "skipped";
  }
  try {
    if (delivery.channel === "EMAIL") await senders.sendMail(delivery.target, delivery.subject, delivery.body);
    else await senders.postWebhook(delivery.target, delivery.body);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await db.notificationDelivery.update({
      where: { id: delivery.id },
      data: { state: "FAILED", lastError: message.slice(0, 1000), claimedUntil: null },
    });
    throw error;
  }
  await db.notificationDelivery.update({
    where: { id: delivery.id },
    data: { state: "SENT", sentAt: new Date(), lastError: null, claimedUntil: null },
  });
  return "sent";
}

/** Deliveries waiting to be sent (for the job runner to queue, and for tests to send directly). */
export async function unsentDeliveryIds(db: PrismaClient, states: ("PENDING" | "FAILED")[] = ["PENDING"]): Promise<string[]> {
  const rows = await db.notificationDelivery.findMany({
    where: { state: { in: states } },
    select: { id: true },
    orderBy: { createdAt: "asc" },
    take: 5_000,
  });
  return rows.map((row) => row.id);
}

/**
 * Sends every waiting delivery now, one after another, without the queue:
 * what tests use to drive delivery synchronously. Failures are recorded and counted.
 */
export async function deliverPending(db: PrismaClient, senders: Senders, now = new Date(), states: ("PENDING" | "FAILED")[] = ["PENDING"]) {
  let sent = 0;
  let failed = 0;
  for (const id of await unsentDeliveryIds(db, states)) {
    try {
      if ((await deliverOne(db, id, senders, now)) === "sent") sent += 1;
    } catch {
      failed += 1;
    }
  }
  return { sent, failed };
}
