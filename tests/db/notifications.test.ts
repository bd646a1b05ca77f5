import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emitEvent } from "@/lib/events/emit-event";
import { createSenders, deliverPending } from "@/lib/notifications/deliver";
import { queueDigests } from "@/lib/notifications/digest";
import { dispatchEvents } from "@/lib/notifications/dispatch-events";
import { renderEventText } from "@/lib/notifications/event-text";
import { closedPort, startSmtpServer, startWebhookServer } from "../support/notify-servers";
import { seedArea, seedMeasure, seedUnit, seedUser, uniqueSuffix } from "./fixtures";
import { testDb } from "./helpers";

const db = testDb();
const NOW = new Date("2026-12-02T01:00:00Z");

async function emit(event: Parameters<typeof emitEvent>[1]) {
  await db.$transaction((tx) => emitEvent(tx, event));
  return db.domainEvent.findFirstOrThrow({ where: { entityId: event.entityId }, orderBy: { id: "desc" } });
}

const recipientsOf = async (eventId: bigint) =>
  (await db.notification.findMany({ where: { eventId }, select: { userId: true } })).map((n) => n.userId).sort();

// Other files leave their events undispatched (thousands once every file has run before this one):
// mark them done, so each dispatch here works on this file's events alone.
beforeAll(async () => {
  await db.domainEvent.updateMany({ where: { dispatchedAt: null }, data: { dispatchedAt: new Date() } });
  await db.notificationDelivery.updateMany({ where: { state: { not: "SENT" } }, data: { state: "SENT" } });
});

describe("[NOTIFY] dispatching events to people", () => {
  it("resolves the audience: active officials of the units, named users, roles; never a disabled account nor the actor", async () => {
    const unit = await seedUnit(db);
    const official = await seedUser(db, "OFFICIAL", unit.id);
    const actor = await seedUser(db, "OFFICIAL", unit.id);
    const disabled = await seedUser(db, "OFFICIAL", unit.id, { active: false });
    const inspectorInUnit = await seedUser(db, "INSPECTOR", unit.id);
    const leader = await seedUser(db, "LEADER", null);
    const disabledLeader = await seedUser(db, "LEADER", null, { active: false });
    const admin = await seedUser(db, "ADMIN", null);
    const event = await emit({
      type: "report.returned",
      entityType: "ProgressReport",
      entityId: `r-${uniqueSuffix()}`,
      actorId: actor.id,
      audienceUnitIds: [unit.id],
      audienceUserIds: [leader.id, disabledLeader.id],
      audienceRoles: ["ADMIN"],
    });
    const result = await dispatchEvents(db, NOW, { mailEnabled: false });
    expect(result.events).toBeGreaterThanOrEqual(1);
    const recipients = await recipientsOf(event.id);
    expect(recipients).toContain(official.id);
    expect(recipients).toContain(leader.id);
    expect(recipients).toContain(admin.id);
    for (const excluded of [actor.id, disabled.id, inspectorInUnit.id, disabledLeader.id]) expect(recipients).not.toContain(excluded);
    expect((await db.domainEvent.findUniqueOrThrow({ where: { id: event.id } })).dispatchedAt).toEqual(NOW);
  });

  it("a re-run adds nothing: the (event, user) sent-log and unique delivery keys", async () => {
    const unit = await seedUnit(db);
    const official = await seedUser(db, "OFFICIAL", unit.id);
    await db.user.update({ where: { id: official.id }, data: { notificationEmail: "o@example.test" } });
    await db.unit.update({ where: { id: unit.id }, data: { webhookUrl: "https://robot.example.test/hook" } });
    const event = await emit({ type: "notice.issued", entityType: "Notice", entityId: `n-${uniqueSuffix()}`, audienceUnitIds: [unit.id] });
    await dispatchEvents(db, NOW, { mailEnabled: true });
    const before = { n: await db.notification.count({ where: { eventId: event.id } }), d: await db.notificationDelivery.count({ where: { eventId: event.id } }) };
    expect(before).toEqual({ n: 1, d: 2 });
    // Nothing left: a second run finds no events.
    expect(await dispatchEvents(db, NOW, { mailEnabled: true })).toMatchObject({ events: 0 });
    // Even an event dispatched again (a crash after sending) adds no second row.
    await db.domainEvent.update({ where: { id: event.id }, data: { dispatchedAt: null } });
    await dispatchEvents(db, NOW, { mailEnabled: true });
    expect({ n: await db.notification.count({ where: { eventId: event.id } }), d: await db.notificationDelivery.count({ where: { eventId: event.id } }) }).toEqual(before);
  });

  it("preferences decide: inbox only, a mail each, or the daily digest (once a day)", async () => {
    const unit = await seedUnit(db);
    const [mailUser, digestUser, inboxUser, noAddress] = await Promise.all([
      seedUser(db, "OFFICIAL", unit.id),
      seedUser(db, "OFFICIAL", unit.id),
      seedUser(db, "OFFICIAL", unit.id),
      seedUser(db, "OFFICIAL", unit.id),
    ]);
    for (const [user, email] of [[mailUser, "mail@example.test"], [digestUser, "digest@example.test"], [inboxUser, "inbox@example.test"]] as const) {
      await db.user.update({ where: { id: user.id }, data: { notificationEmail: email } });
    }
    await db.notificationPreference.createMany({
      data: [
        { userId: digestUser.id, eventType: "milestone.overdue", mode: "DIGEST" },
        { userId: inboxUser.id, eventType: "milestone.overdue", mode: "INBOX" },
      ],
    });
    const events = [];
    for (let i = 0; i < 2; i += 1) {
      events.push(await emit({ type: "milestone.overdue", entityType: "Milestone", entityId: `ms-${uniqueSuffix()}`, audienceUnitIds: [unit.id], payload: { dueDate: "2026-11-30" } }));
    }
    await dispatchEvents(db, NOW, { mailEnabled: true });
    const mails = await db.notificationDelivery.findMany({ where: { eventId: { in: events.map((e) => e.id) }, channel: "EMAIL" } });
    expect(mails.map((m) => m.userId)).toEqual([mailUser.id, mailUser.id]);
    expect(await db.notification.count({ where: { eventId: { in: events.map((e) => e.id) } } })).toBe(8);

    await queueDigests(db, NOW, { mailEnabled: true });
    const digest = await db.notificationDelivery.findMany({ where: { userId: digestUser.id } });
    expect(digest).toHaveLength(1);
    expect(digest[0]!.key).toBe(`digest:${digestUser.id}:2026-12-02`);
    expect(digest[0]!.body.match(/^• /gm)).toHaveLength(2);
    // Run again the same day: no second digest.
    await queueDigests(db, NOW, { mailEnabled: true });
    expect(await db.notificationDelivery.count({ where: { userId: digestUser.id } })).toBe(1);
    expect(await db.notificationDelivery.count({ where: { userId: { in: [inboxUser.id, noAddress.id] } } })).toBe(0);
  });

  it("mail off (no SMTP): inbox only, no mail deliveries", async () => {
    const unit = await seedUnit(db);
    const official = await seedUser(db, "OFFICIAL", unit.id);
    await db.user.update({ where: { id: official.id }, data: { notificationEmail: "x@example.test" } });
    const event = await emit({ type: "report.missing", entityType: "Measure", entityId: `m-${uniqueSuffix()}`, audienceUnitIds: [unit.id] });
    await dispatchEvents(db, NOW, { mailEnabled: false });
    expect(await recipientsOf(event.id)).toEqual([official.id]);
    expect(await db.notificationDelivery.count({ where: { eventId: event.id } })).toBe(0);
  });

  it("an audience unit without an active official is recorded for the admins", async () => {
    const unit = await seedUnit(db);
    await seedUser(db, "OFFICIAL", unit.id, { active: false });
    const event = await emit({ type: "notice.issued", entityType: "Notice", entityId: `n-${uniqueSuffix()}`, audienceUnitIds: [unit.id] });
    await dispatchEvents(db, NOW, { mailEnabled: false });
    expect(await db.eventDispatchLog.findUniqueOrThrow({ where: { eventId: event.id } })).toMatchObject({ recipients: 0, unitsWithoutOfficial: [unit.id] });
  });

  it("texts come from the event type and payload, with the measure's code and title, in both languages", async () => {
    const unit = await seedUnit(db);
    const official = await seedUser(db, "OFFICIAL", unit.id);
    const measure = await seedMeasure(db, (await seedArea(db)).id, unit.id);
    await emit({ type: "measure.overdue", measureId: measure.id, entityType: "Measure", entityId: measure.id, audienceUnitIds: [unit.id], payload: { dueDate: "2026-11-30" } });
    await dispatchEvents(db, NOW, { mailEnabled: false });
    const notification = await db.notification.findFirstOrThrow({ where: { userId: official.id } });
    expect(notification.measureCode).toBe(measure.code);
    expect(renderEventText("zh-CN", notification)).toBe(`${measure.code} ${measure.titleZh}：措施已于 2026-11-30 逾期`);
    expect(renderEventText("en", notification)).toContain(`${measure.code} ${measure.titleZh}: the measure was due on 2026-11-30`);
  });
});

describe("[NOTIFY] sending through a real SMTP server and a real webhook server", () => {
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let robot: Awaited<ReturnType<typeof startWebhookServer>>;
  beforeAll(async () => {
    smtp = await startSmtpServer();
    robot = await startWebhookServer();
  });
  afterAll(async () => {
    await smtp.close();
    await robot.close();
  });

  it("sends each mail and each webhook call once, in the group-robot format", async () => {
    // Leave nothing from other tests waiting to be sent to made-up addresses.
    await db.notificationDelivery.updateMany({ where: { state: { not: "SENT" } }, data: { state: "SENT" } });
    const unit = await seedUnit(db);
    const official = await seedUser(db, "OFFICIAL", unit.id);
    await db.user.update({ where: { id: official.id }, data: { notificationEmail: "official@example.test" } });
    await db.unit.update({ where: { id: unit.id }, data: { webhookUrl: robot.url("/robot") } });
    await emit({ type: "report.dueToday", entityType: "Measure", entityId: `m-${uniqueSuffix()}`, audienceUnitIds: [unit.id] });
    await dispatchEvents(db, NOW, { mailEnabled: true, baseUrl: "https://luoshi.example.test" });
    const senders = createSenders({ transport: smtp.transport, from: "luoshi@example.test" });
    expect(await deliverPending(db, senders)).toEqual({ sent: 2, failed: 0 });
    expect(await deliverPending(db, senders)).toEqual({ sent: 0, failed: 0 });
    expect(smtp.mails).toHaveLength(1);
    expect(smtp.mails[0]!.to).toEqual(["official@example.test"]);
    expect(robot.calls).toHaveLength(1);
    expect(robot.calls[0]!.body).toEqual({ msgtype: "text", text: { content: expect.stringContaining("今天是报告日") } });
    expect((robot.calls[0]!.body as { text: { content: string } }).text.content).toContain("https://luoshi.example.test/inbox");
  });

  it("a server that is down: the user's change stands, the failure is recorded, a later attempt sends it", async () => {
    await db.notificationDelivery.updateMany({ where: { state: { not: "SENT" } }, data: { state: "SENT" } });
    const unit = await seedUnit(db);
    const official = await seedUser(db, "OFFICIAL", unit.id);
    await db.user.update({ where: { id: official.id }, data: { notificationEmail: "down@example.test" } });
    const downPort = await closedPort();
    await db.unit.update({ where: { id: unit.id }, data: { webhookUrl: `http://127.0.0.1:${downPort}/robot` } });
    // The user's action: a change and its event in one transaction; it does not wait for any sending.
    const entityId = `n-${uniqueSuffix()}`;
    await db.$transaction(async (tx) => {
      await tx.unit.update({ where: { id: unit.id }, data: { nameEn: `renamed ${entityId}` } });
      await emitEvent(tx, { type: "notice.issued", entityType: "Notice", entityId, audienceUnitIds: [unit.id] });
    });
    await dispatchEvents(db, NOW, { mailEnabled: true });
    const downSenders = createSenders({ transport: { host: "127.0.0.1", port: downPort, secure: false, ignoreTLS: true, connectionTimeout: 2_000 }, from: "l@example.test" });
    expect(await deliverPending(db, downSenders)).toEqual({ sent: 0, failed: 2 });
    expect((await db.unit.findUniqueOrThrow({ where: { id: unit.id } })).nameEn).toBe(`renamed ${entityId}`);
    const failed = await db.notificationDelivery.findMany({ where: { state: "FAILED", OR: [{ userId: official.id }, { unitId: unit.id }] } });
    expect(failed).toHaveLength(2);
    for (const delivery of failed) {
      expect(delivery.attempts).toBe(1);
      expect(delivery.lastError).toBeTruthy();
    }
    // The servers come back (here: the unit's robot and the mail server of the other test).
    await db.unit.update({ where: { id: unit.id }, data: { webhookUrl: robot.url("/back") } });
    await db.notificationDelivery.updateMany({ where: { unitId: unit.id }, data: { target: robot.url("/back") } });
    const senders = createSenders({ transport: smtp.transport, from: "luoshi@example.test" });
    expect(await deliverPending(db, senders, new Date(), ["FAILED"])).toEqual({ sent: 2, failed: 0 });
    expect(robot.calls.filter((c) => c.path === "/back")).toHaveLength(1);
    expect(smtp.mails.filter((m) => m.to.includes("down@example.test"))).toHaveLength(1);
    const sent = await db.notificationDelivery.findMany({ where: { OR: [{ userId: official.id }, { unitId: unit.id }] } });
    expect(sent.map((d) => [d.state, d.attempts])).toEqual([["SENT", 2], ["SENT", 2]]);
  });

  it("an account disabled after the event was dispatched gets no mail", async () => {
    await db.notificationDelivery.updateMany({ where: { state: { not: "SENT" } }, data: { state: "SENT" } });
    const unit = await seedUnit(db);
    const official = await seedUser(db, "OFFICIAL", unit.id);
    await db.user.update({ where: { id: official.id }, data: { notificationEmail: "disabled-later@example.test" } });
    await emit({ type: "report.dueSoon", entityType: "Measure", entityId: `m-${uniqueSuffix()}`, audienceUnitIds: [unit.id] });
    await dispatchEvents(db, NOW, { mailEnabled: true });
    await db.user.update({ where: { id: official.id }, data: { active: false } });
    const senders = createSenders({ transport: smtp.transport, from: "luoshi@example.test" });
    expect(await deliverPending(db, senders)).toEqual({ sent: 0, failed: 0 });
    expect(smtp.mails.filter((m) => m.to.includes("disabled-later@example.test"))).toHaveLength(0);
    expect(await db.notificationDelivery.findFirstOrThrow({ where: { userId: official.id } })).toMatchObject({ state: "FAILED", lastError: "account disabled" });
  });

  it("a webhook that redirects is a failure (redirects are not followed)", async () => {
    const senders = createSenders(null);
    await expect(senders.postWebhook(robot.url("/redirect"), "{}")).rejects.toThrow("HTTP 302");
    expect(robot.calls.filter((c) => c.path === "/robot-after-redirect")).toHaveLength(0);
  });
});

describe("[NOTIFY] inbox, unit webhook setting and the admins' view", () => {
  it("marks one's own notifications read, never another person's", async () => {
    const { markAllNotificationsRead, markNotificationRead, unreadCount } = await import("@/lib/notifications/inbox");
    const unit = await seedUnit(db);
    const [me, other] = await Promise.all([seedUser(db, "OFFICIAL", unit.id), seedUser(db, "OFFICIAL", unit.id)]);
    for (let i = 0; i < 2; i += 1) await emit({ type: "report.missing", entityType: "Measure", entityId: `m-${uniqueSuffix()}`, audienceUnitIds: [unit.id] });
    await dispatchEvents(db, NOW, { mailEnabled: false });
    const [mine] = await db.notification.findMany({ where: { userId: me.id } });
    const theirs = await db.notification.findFirstOrThrow({ where: { userId: other.id } });
    const asUser = (u: typeof me) => ({ ...u, unitName: null }) as never;
    await expect(markNotificationRead(db, asUser(me), { notificationId: theirs.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await markNotificationRead(db, asUser(me), { notificationId: mine!.id });
    expect(await unreadCount(db, me.id)).toBe(1);
    expect(await markAllNotificationsRead(db, asUser(me))).toBe(1);
    expect(await unreadCount(db, me.id)).toBe(0);
    expect(await unreadCount(db, other.id)).toBe(2);
  });

  it("the unit form takes an http(s) webhook URL or none, and refuses anything else", async () => {
    const { updateUnitInputSchema } = await import("@/lib/units/schemas");
    const base = { unitId: "u", version: "1", nameZh: "单位", nameEn: "Unit", kind: "OTHER", cityId: "" };
    expect(updateUnitInputSchema.parse({ ...base, webhookUrl: " https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc " }).webhookUrl).toBe(
      "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc",
    );
    expect(updateUnitInputSchema.parse({ ...base, webhookUrl: "" }).webhookUrl).toBeNull();
    expect(updateUnitInputSchema.parse(base).webhookUrl).toBeUndefined();
    for (const bad of ["ftp://robot.example/x", "javascript:alert(1)", "not a url", "https://user:pw@robot.example/x"]) {
      const result = updateUnitInputSchema.safeParse({ ...base, webhookUrl: bad });
      expect(result.success, bad).toBe(false);
      expect(result.error!.issues[0]!.message).toBe("webhookUrlFormat");
    }
  });

  it("/admin/jobs lists failed deliveries (token hidden) and events that reached nobody", async () => {
    const { loadJobsOverview } = await import("@/lib/jobs/admin-jobs");
    const unit = await seedUnit(db);
    const official = await seedUser(db, "OFFICIAL", unit.id);
    const downPort = await closedPort();
    await db.unit.update({ where: { id: unit.id }, data: { webhookUrl: `http://127.0.0.1:${downPort}/robot/send?access_token=secret` } });
    await emit({ type: "notice.escalated", entityType: "Notice", entityId: `n-${uniqueSuffix()}`, audienceUnitIds: [unit.id] });
    await db.user.update({ where: { id: official.id }, data: { active: false } });
    await emit({ type: "notice.escalated", entityType: "Notice", entityId: `n-${uniqueSuffix()}`, audienceUnitIds: [unit.id] });
    await dispatchEvents(db, NOW, { mailEnabled: false });
    await deliverPending(db, createSenders(null));
    const overview = await loadJobsOverview(db, NOW);
    expect(overview.jobs.map((job) => job.name)).toEqual(expect.arrayContaining(["dispatch-events", "send-digest", "deliver"]));
    expect(overview.jobs.find((job) => job.name === "send-digest")!.nextRun).toEqual(new Date("2026-12-02T10:00:00Z"));
    const failed = overview.failedDeliveries.filter((d) => d.target.startsWith(`http://127.0.0.1:${downPort}/`));
    expect(failed.length).toBeGreaterThanOrEqual(1);
    expect(failed[0]!.target).toBe(`http://127.0.0.1:${downPort}/robot/send?…`);
    expect(JSON.stringify(overview)).not.toContain("secret");
    expect(overview.unreached.some((row) => row.recipients === 0 && row.units.some((u) => u.id === unit.id))).toBe(true);
  });
});
