import { randomUUID } from "node:crypto";
import type { DomainEvent, NotificationMode, Prisma } from "@/generated/prisma/client";
import type { PrismaClient } from "@/lib/db/create-client";
import { type EventTextSource, notificationLink, renderEventText } from "./event-text";
import { mailEnabled as mailEnabledFromEnv, messageLocale } from "./mail-settings";
import { DEFAULT_MODE } from "./preferences";
import { webhookBody } from "./webhook";

export interface DispatchOptions {
  /** Events per transaction. */
  batchSize?: number;
  /** Whether mails are queued (default: SMTP configured in the environment). */
  mailEnabled?: boolean;
  /** Absolute base URL for links in mails and webhook texts (default NEXTAUTH_URL). */
  baseUrl?: string;
}

export interface DispatchResult {
  events: number;
  notifications: number;
  deliveries: number;
}

/**
 * Delivers undispatched DomainEvents to people: one inbox notification per
 * recipient, a mail delivery per recipient who wants single mails, a webhook
 * delivery per audience unit with a webhook URL. Each batch is one transaction
 * that locks its events with SKIP LOCKED, so several instances running this at
 * once never take the same event; the unique keys of notifications and
 * deliveries make a re-run add nothing.
 */
export async function dispatchEvents(db: PrismaClient, now: Date, options: DispatchOptions = {}): Promise<DispatchResult> {
  const batchSize = options.batchSize ?? 200;
  const mail = options.mailEnabled ?? mailEnabledFromEnv();
  const baseUrl = (options.baseUrl ?? process.env.NEXTAUTH_URL ?? "").replace(/\/$/, "");
  const total: DispatchResult = { events: 0, notifications: 0, deliveries: 0 };
  for (;;) {
    const result = await db.$transaction((tx) => dispatchBatch(tx, now, batchSize, mail, baseUrl), { timeout: 120_000, maxWait: 30_000 });
    total.events += result.events;
    total.notifications += result.notifications;
    total.deliveries += result.deliveries;
    if (result.events < batchSize) return total;
  }
}

async function dispatchBatch(tx: Prisma.TransactionClient, now: Date, batchSize: number, mail: boolean, baseUrl: string): Promise<DispatchResult> {
  const locked = await tx.$queryRaw<{ id: bigint }[]>`
    SELECT id FROM "DomainEvent" WHERE "dispatchedAt" IS NULL ORDER BY id LIMIT ${batchSize} FOR UPDATE SKIP LOCKED`;
  if (locked.length === 0) return { events: 0, notifications: 0, deliveries: 0 };
  const events = await tx.domainEvent.findMany({ where: { id: { in: locked.map((row) => row.id) } }, orderBy: { id: "asc" } });

  const measureIds = [...new Set(events.flatMap((event) => (event.measureId ? [event.measureId] : [])))];
  const measures = new Map(
    (await tx.measure.findMany({ where: { id: { in: measureIds } }, select: { id: true, code: true, titleZh: true, titleEn: true } })).map((m) => [m.id, m]),
  );
  const locale = messageLocale();

  // Resolve every audience once per batch (reminders repeat the same units), then
  // read the preferences and the units' webhooks for the whole batch at once.
  const audiences = new Map<string, Awaited<ReturnType<typeof resolveAudience>>>();
  const resolved = [];
  for (const event of events) {
    const key = JSON.stringify([event.audienceUnitIds, event.audienceUserIds, event.audienceRoles]);
    let audience = audiences.get(key);
    if (!audience) {
      audience = await resolveAudience(tx, { ...event, actorId: null });
      audiences.set(key, audience);
    }
    resolved.push({ event, recipients: audience.recipients.filter((r) => r.id !== event.actorId), unitsWithoutOfficial: audience.unitsWithoutOfficial });
  }
  const userIds = [...new Set(resolved.flatMap((r) => r.recipients.map((u) => u.id)))];
  const types = [...new Set(events.map((event) => event.type))];
  const prefs = userIds.length
    ? await tx.notificationPreference.findMany({ where: { userId: { in: userIds }, eventType: { in: types } } })
    : [];
  const modeOf = new Map(prefs.map((pref) => [`${pref.eventType}:${pref.userId}`, pref.mode]));
  const mode = (type: string, userId: string): NotificationMode => modeOf.get(`${type}:${userId}`) ?? DEFAULT_MODE;
  const unitIds = [...new Set(events.flatMap((event) => event.audienceUnitIds))];
  const webhookUnits = unitIds.length
    ? await tx.unit.findMany({ where: { id: { in: unitIds }, active: true, webhookUrl: { not: null } }, select: { id: true, webhookUrl: true } })
    : [];
  const webhookOf = new Map(webhookUnits.map((unit) => [unit.id, unit.webhookUrl!]));

  const notificationRows: Prisma.NotificationCreateManyInput[] = [];
  const deliveryRows: Prisma.NotificationDeliveryCreateManyInput[] = [];
  const logRows: Prisma.EventDispatchLogCreateManyInput[] = [];
  for (const { event, recipients, unitsWithoutOfficial } of resolved) {
    const measure = event.measureId ? measures.get(event.measureId) : undefined;
    const payload = withMeasureTitle(event.payload, measure ? (locale === "en" ? measure.titleEn : measure.titleZh) : undefined);
    for (const recipient of recipients) {
      notificationRows.push({
        eventId: event.id,
        userId: recipient.id,
        type: event.type,
        entityType: event.entityType,
        entityId: event.entityId,
        measureCode: measure?.code ?? null,
        payload,
        mode: mode(event.type, recipient.id),
        createdAt: event.occurredAt,
      });
    }
    const source: EventTextSource = { type: event.type, measureCode: measure?.code ?? null, payload };
    const text = renderEventText(locale, source);
    const link = baseUrl + notificationLink({ entityType: event.entityType, entityId: event.entityId, measureCode: measure?.code ?? null, payload });
    if (mail) {
      for (const recipient of recipients) {
        if (mode(event.type, recipient.id) !== "MAIL" || !recipient.notificationEmail) continue;
        deliveryRows.push({
          id: randomUUID(),
          key: `mail:${event.id}:${recipient.id}`,
          channel: "EMAIL",
          eventId: event.id,
          userId: recipient.id,
          target: recipient.notificationEmail,
          subject: text,
          body: `${text}\n\n${link}\n`,
        });
      }
    }
    for (const unitId of event.audienceUnitIds) {
      const url = webhookOf.get(unitId);
      if (!url) continue;
      deliveryRows.push({
        id: randomUUID(),
        key: `webhook:${event.id}:${unitId}`,
        channel: "WEBHOOK",
        eventId: event.id,
        unitId,
        target: url,
        subject: text,
        body: JSON.stringify(webhookBody(`${text}\n${link}`)),
      });
    }
    logRows.push({ eventId: event.id, type: event.type, recipients: recipients.length, unitsWithoutOfficial, dispatchedAt: now });
  }
  const notifications = notificationRows.length ? (await tx.notification.createMany({ data: notificationRows, skipDuplicates: true })).count : 0;
  const deliveries = deliveryRows.length ? (await tx.notificationDelivery.createMany({ data: deliveryRows, skipDuplicates: true })).count : 0;
  await tx.eventDispatchLog.createMany({ data: logRows, skipDuplicates: true });
  await tx.domainEvent.updateMany({ where: { id: { in: events.map((event) => event.id) } }, data: { dispatchedAt: now } });
  return { events: events.length, notifications, deliveries };
}

function withMeasureTitle(payload: Prisma.JsonValue, title: string | undefined): Prisma.InputJsonValue {
  const base = payload && typeof payload === "object" && !Array.isArray(payload) ? payload : {};
  return title && !("title" in base) ? { ...base, title } : (base as Prisma.InputJsonValue);
}

/**
 * Who hears of an event: active OFFICIAL users of the audience units, the named
 * users and everyone with an audience role, each once, never a disabled account
 * and never the person who caused it. Also which audience units have no active official.
 */
export async function resolveAudience(
  tx: Prisma.TransactionClient,
  event: Pick<DomainEvent, "audienceUnitIds" | "audienceUserIds" | "audienceRoles" | "actorId">,
) {
  const or: Prisma.UserWhereInput[] = [];
  if (event.audienceUnitIds.length > 0) or.push({ role: "OFFICIAL", unitId: { in: event.audienceUnitIds } });
  if (event.audienceUserIds.length > 0) or.push({ id: { in: event.audienceUserIds } });
  if (event.audienceRoles.length > 0) or.push({ role: { in: event.audienceRoles } });
  const users =
    or.length === 0
      ? []
      : await tx.user.findMany({
          where: { active: true, OR: or },
          select: { id: true, role: true, unitId: true, notificationEmail: true },
          orderBy: { id: "asc" },
        });
  const unitsWithOfficial = new Set(users.filter((u) => u.role === "OFFICIAL" && u.unitId).map((u) => u.unitId));
  const unitsWithoutOfficial = event.audienceUnitIds.filter((unitId) => !unitsWithOfficial.has(unitId));
  const recipients = users.filter((user) => user.id !== event.actorId);
  return { recipients, unitsWithoutOfficial };
}
