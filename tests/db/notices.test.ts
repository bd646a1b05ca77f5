import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getNoticeRoute } from "@/app/api/v1/notices/[id]/route";
import { GET as listNoticesRoute } from "@/app/api/v1/notices/route";
import { bulletinDocument } from "@/lib/bulletin/bulletin-document";
import { loadBulletinData } from "@/lib/bulletin/load-bulletin-data";
import { bulletinQuerySchema } from "@/lib/bulletin/schemas";
import { noticeCountsByUnit } from "@/lib/dashboard/notice-counts";
import { ledgerCsvStream } from "@/lib/exports/ledger-csv";
import { ledgerQuerySchema } from "@/lib/ledger/schemas";
import zh from "@/messages/zh-CN.json";
import { signInAs } from "../setup/request-context";
import type { SessionUser } from "@/lib/auth/session-user";
import { AppError } from "@/lib/errors/app-error";
import { applyNoticeRules } from "@/lib/notices/apply-notice-rules";
import { decideReply } from "@/lib/notices/decide-reply";
import { escalateNotice } from "@/lib/notices/escalate-notice";
import { issueNotice } from "@/lib/notices/issue-notice";
import { listNotices } from "@/lib/notices/list-notices";
import { replyToNotice } from "@/lib/notices/reply-to-notice";
import { decideReplyInputSchema, issueNoticeInputSchema, replyToNoticeInputSchema } from "@/lib/notices/schemas";
import { addDays, todayInChina } from "@/lib/tracking/dates";
import { currentPeriod, seedArea, seedMeasure, seedReport, seedUnit, seedUser } from "./fixtures";
import { testDb } from "./helpers";

const db = testDb();
const now = new Date();
const today = todayInChina(now);
const day = (offset: number) => addDays(today, offset);

let leadUnitId: string;
let coopUnitId: string;
let otherUnitId: string;
let areaId: string;
let areaCode: string;
let leadOfficial: SessionUser;
let coopOfficial: SessionUser;
let otherOfficial: SessionUser;
let inspector: SessionUser;
let viewer: SessionUser;

const asSession = (user: { id: string; loginName: string; displayName: string; role: SessionUser["role"]; unitId: string | null }): SessionUser => ({
  ...user,
  mustChangePassword: false,
});

async function expectCode(promise: Promise<unknown>, code: string) {
  await expect(promise).rejects.toSatisfy((error) => error instanceof AppError && error.code === code);
}

async function newMeasure(overrides: Parameters<typeof seedMeasure>[4] = {}) {
  return seedMeasure(db, areaId, leadUnitId, [coopUnitId], overrides);
}

async function issue(measureCode: string, level: "REMINDER" | "SUPERVISE" | "SPECIAL" = "SUPERVISE", extra: Record<string, unknown> = {}) {
  return issueNotice(
    db,
    inspector,
    issueNoticeInputSchema.parse({ measureCode, level, body: "请于期限内书面说明进度滞后原因及整改措施。", replyDueDate: day(7).toISOString().slice(0, 10), ...extra }),
    today,
  );
}

const reply = (user: SessionUser, noticeId: string, version: number, body = "已召开专题会，倒排工期。") =>
  replyToNotice(db, user, replyToNoticeInputSchema.parse({ noticeId, version: String(version), body, newDueDate: "" }));

const history = (measureId: string) =>
  db.auditEvent.findMany({ where: { entityType: "Measure", entityId: measureId, action: { startsWith: "notice." } }, orderBy: { createdAt: "asc" } });

const events = (noticeId: string) => db.domainEvent.findMany({ where: { entityType: "Notice", entityId: noticeId }, orderBy: { id: "asc" } });

beforeAll(async () => {
  const [lead, coop, other] = await Promise.all([seedUnit(db), seedUnit(db), seedUnit(db)]);
  [leadUnitId, coopUnitId, otherUnitId] = [lead.id, coop.id, other.id];
  const area = await seedArea(db);
  [areaId, areaCode] = [area.id, area.code];
  leadOfficial = asSession(await seedUser(db, "OFFICIAL", leadUnitId));
  coopOfficial = asSession(await seedUser(db, "OFFICIAL", coopUnitId));
  otherOfficial = asSession(await seedUser(db, "OFFICIAL", otherUnitId));
  inspector = asSession(await seedUser(db, "INSPECTOR", null));
  viewer = asSession(await seedUser(db, "VIEWER", null));
});
afterAll(() => db.$disconnect());

describe("[NOTICE] lifecycle", () => {
  it("issue → reply → accept, numbered per year, in the history and the outbox", async () => {
    const measure = await newMeasure();
    const notice = await issue(measure.code, "SUPERVISE", { cooperatingUnitIds: [coopUnitId] });
    expect(notice).toMatchObject({ state: "OPEN", level: "SUPERVISE", year: today.getUTCFullYear(), version: 1, issuedById: inspector.id });
    expect(notice.number).toBeGreaterThan(0);
    const recipients = await db.noticeRecipient.findMany({ where: { noticeId: notice.id }, orderBy: { isLead: "desc" } });
    expect(recipients.map((row) => [row.unitId, row.isLead])).toEqual([[leadUnitId, true], [coopUnitId, false]]);

    // A cooperating unit's reply is kept but changes no state.
    await reply(coopOfficial, notice.id, 1, "配合单位已完成用地手续。");
    expect((await db.notice.findUniqueOrThrow({ where: { id: notice.id } })).state).toBe("OPEN");

    await reply(leadOfficial, notice.id, 1);
    expect(await db.notice.findUniqueOrThrow({ where: { id: notice.id } })).toMatchObject({ state: "REPLIED", version: 2 });

    await decideReply(db, inspector, { noticeId: notice.id, version: 2, decision: "accept", comment: "" });
    const closed = await db.notice.findUniqueOrThrow({ where: { id: notice.id }, include: { replies: { orderBy: { createdAt: "asc" } } } });
    expect(closed.state).toBe("ACCEPTED");
    expect(closed.closedAt).not.toBeNull();
    expect(closed.replies.map((row) => [row.unitId, row.decision])).toEqual([[coopUnitId, null], [leadUnitId, "ACCEPTED"]]);

    expect((await history(measure.id)).map((row) => row.action)).toEqual(["notice.issue", "notice.reply", "notice.reply", "notice.accept"]);
    const outbox = await events(notice.id);
    expect(outbox.map((row) => row.type)).toEqual(["notice.issued", "notice.replied", "notice.replied", "notice.accepted"]);
    expect(outbox[0]!.audienceUnitIds.sort()).toEqual([leadUnitId, coopUnitId].sort());
    expect(outbox[1]!.audienceUserIds).toEqual([inspector.id]);
  });

  it("reply → send back → reply again → accept", async () => {
    const measure = await newMeasure();
    const notice = await issue(measure.code, "REMINDER");
    await reply(leadOfficial, notice.id, 1);
    // Sending back needs a comment.
    expect(decideReplyInputSchema.safeParse({ noticeId: notice.id, version: "2", decision: "return", comment: " " }).error?.issues[0]).toMatchObject({
      path: ["comment"],
      message: "returnNeedsComment",
    });
    await decideReply(db, inspector, { noticeId: notice.id, version: 2, decision: "return", comment: "未说明完成时间，请补充。" });
    expect(await db.notice.findUniqueOrThrow({ where: { id: notice.id } })).toMatchObject({ state: "RETURNED", version: 3, closedAt: null });
    await reply(leadOfficial, notice.id, 3, "计划于下月底前完成验收。");
    await decideReply(db, inspector, { noticeId: notice.id, version: 4, decision: "accept", comment: "同意" });
    const replies = await db.noticeReply.findMany({ where: { noticeId: notice.id }, orderBy: { createdAt: "asc" } });
    expect(replies.map((row) => [row.decision, row.decisionComment])).toEqual([["RETURNED", "未说明完成时间，请补充。"], ["ACCEPTED", "同意"]]);
    expect((await history(measure.id)).map((row) => row.action)).toEqual(["notice.issue", "notice.reply", "notice.return", "notice.reply", "notice.accept"]);
    expect((await events(notice.id)).map((row) => row.type)).toContain("notice.returned");
  });

  it("manual escalation: a new notice one level higher, linked; the old one ESCALATED", async () => {
    const measure = await newMeasure();
    const notice = await issue(measure.code, "SUPERVISE", { cooperatingUnitIds: [coopUnitId] });
    const higher = await escalateNotice(db, inspector, { noticeId: notice.id, version: 1, body: "", replyDueDate: day(3) }, today);
    expect(higher).toMatchObject({ level: "SPECIAL", state: "OPEN", escalatedFromId: notice.id, body: notice.body });
    expect(await db.notice.findUniqueOrThrow({ where: { id: notice.id } })).toMatchObject({ state: "ESCALATED", version: 2 });
    expect(await db.noticeRecipient.count({ where: { noticeId: higher.id } })).toBe(2);
    expect((await events(higher.id)).map((row) => row.type)).toEqual(["notice.escalated"]);
    // A 专项督办 cannot go higher.
    await expectCode(escalateNotice(db, inspector, { noticeId: higher.id, version: 1, body: "", replyDueDate: day(3) }, today), "INVALID_STATE");
  });
});

describe("[NOTICE] a recipient unit without an active official", () => {
  it("is flagged on the notice and told to the administrators", async () => {
    const unstaffed = await seedUnit(db);
    await seedUser(db, "OFFICIAL", unstaffed.id, { active: false });
    const measure = await seedMeasure(db, areaId, unstaffed.id);
    const notice = await issue(measure.code, "REMINDER");
    const [event] = await events(notice.id);
    expect(event).toMatchObject({ type: "notice.issued", audienceUnitIds: [unstaffed.id], audienceRoles: ["ADMIN"] });
    const { items } = await listNotices(db, inspector, { measure: measure.code, page: 1, perPage: 10 }, today);
    expect(items[0]!.recipients).toMatchObject([{ isLead: true, hasActiveOfficial: false }]);

    // The rules tell the administrators too.
    const overdue = await seedMeasure(db, areaId, unstaffed.id, [], { dueDate: day(-2) });
    await applyNoticeRules(db, now);
    const auto = await db.notice.findFirstOrThrow({ where: { measureId: overdue.id } });
    expect((await events(auto.id))[0]).toMatchObject({ audienceRoles: ["ADMIN"], payload: { unattendedUnitIds: [unstaffed.id] } });
    // A staffed unit's notices are not.
    const staffed = await newMeasure();
    expect((await events((await issue(staffed.code)).id))[0]!.audienceRoles).toEqual([]);
  });
});

describe("[NOTICE] roles", () => {
  it("an official of another unit, a viewer and an inspector cannot reply; officials cannot issue or decide", async () => {
    const measure = await newMeasure();
    const notice = await issue(measure.code);
    await expectCode(reply(otherOfficial, notice.id, 1), "FORBIDDEN");
    await expectCode(reply(viewer, notice.id, 1), "FORBIDDEN");
    await expectCode(reply(inspector, notice.id, 1), "FORBIDDEN");
    // A cooperating unit not chosen as recipient is not addressed either.
    await expectCode(reply(coopOfficial, notice.id, 1), "FORBIDDEN");
    await expectCode(issueNotice(db, leadOfficial, issueNoticeInputSchema.parse({ measureCode: measure.code, level: "REMINDER", body: "x", replyDueDate: day(5).toISOString().slice(0, 10) }), today), "FORBIDDEN");
    await reply(leadOfficial, notice.id, 1);
    await expectCode(decideReply(db, leadOfficial, { noticeId: notice.id, version: 2, decision: "accept", comment: "" }), "FORBIDDEN");
    await expectCode(escalateNotice(db, leadOfficial, { noticeId: notice.id, version: 2, body: "", replyDueDate: day(3) }, today), "FORBIDDEN");
    expect(await db.notice.findUniqueOrThrow({ where: { id: notice.id } })).toMatchObject({ state: "REPLIED", version: 2 });
    expect(await db.noticeReply.count({ where: { noticeId: notice.id } })).toBe(1);
  });

  it("bad input: a reply deadline in the past, a unit that does not cooperate", async () => {
    const measure = await newMeasure();
    await expect(issue(measure.code, "REMINDER", { replyDueDate: day(-1).toISOString().slice(0, 10) })).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { replyDueDate: { key: "dateInPast" } },
    });
    await expect(issue(measure.code, "REMINDER", { cooperatingUnitIds: [otherUnitId] })).rejects.toMatchObject({
      fieldErrors: { cooperatingUnitIds: { key: "unknownUnit" } },
    });
    expect(await db.notice.count({ where: { measureId: measure.id } })).toBe(0);
    const closed = await newMeasure({ status: "COMPLETED", percentComplete: 100 });
    await expectCode(issue(closed.code), "INVALID_STATE");
  });
});

describe("[NOTICE] concurrency", () => {
  it("a stale version is refused and changes nothing", async () => {
    const measure = await newMeasure();
    const notice = await issue(measure.code);
    await reply(leadOfficial, notice.id, 1);
    await expectCode(decideReply(db, inspector, { noticeId: notice.id, version: 1, decision: "accept", comment: "" }), "CONFLICT");
    await expectCode(escalateNotice(db, inspector, { noticeId: notice.id, version: 1, body: "", replyDueDate: day(3) }, today), "CONFLICT");
    expect(await db.notice.findUniqueOrThrow({ where: { id: notice.id } })).toMatchObject({ state: "REPLIED", version: 2 });
    // The lead unit cannot reply twice while its reply awaits the decision.
    await expectCode(reply(leadOfficial, notice.id, 2), "INVALID_STATE");
  });

  it("notices issued at the same time get distinct, consecutive numbers", async () => {
    const measures = await Promise.all(Array.from({ length: 6 }, () => newMeasure()));
    const notices = await Promise.all(measures.map((measure) => issue(measure.code, "REMINDER")));
    const numbers = notices.map((notice) => notice.number).sort((a, b) => a - b);
    expect(new Set(numbers).size).toBe(6);
    expect(numbers[5]! - numbers[0]!).toBe(5);
  });
});

describe("[NOTICE] automatic rules", () => {
  it("red when overdue, yellow when behind pace two months running, blue when due soon with this month's report missing", async () => {
    const overdue = await newMeasure({ dueDate: day(-3) });
    const behind = await newMeasure({ percentComplete: 0 });
    const dueSoon = await newMeasure({ dueDate: day(10), percentComplete: 100 });
    const dueSoonReported = await newMeasure({ dueDate: day(10), percentComplete: 100 });
    await seedReport(db, dueSoonReported.id, leadUnitId, leadOfficial.id, currentPeriod(), "SUBMITTED", 100);
    const completed = await newMeasure({ dueDate: day(-3), status: "COMPLETED", percentComplete: 100 });

    const first = await applyNoticeRules(db, now);
    expect(first.issued).toBeGreaterThanOrEqual(3);
    const levelOf = async (measureId: string) => (await db.notice.findMany({ where: { measureId } })).map((row) => [row.level, row.ruleKey, row.issuedById]);
    expect(await levelOf(overdue.id)).toEqual([["SPECIAL", "special", null]]);
    expect(await levelOf(behind.id)).toEqual([["SUPERVISE", "supervise", null]]);
    expect(await levelOf(dueSoon.id)).toEqual([["REMINDER", "reminder", null]]);
    expect(await levelOf(dueSoonReported.id)).toEqual([]);
    expect(await levelOf(completed.id)).toEqual([]);
    const auto = await db.notice.findFirstOrThrow({ where: { measureId: overdue.id }, include: { recipients: true } });
    expect(auto.recipients).toEqual([{ noticeId: auto.id, unitId: leadUnitId, isLead: true }]);
    expect((await history(overdue.id)).map((row) => [row.action, row.actorId])).toEqual([["notice.issue", null]]);
    expect((await events(auto.id)).map((row) => [row.type, row.audienceUnitIds])).toEqual([["notice.issued", [leadUnitId]]]);

    // Run twice: nothing new, no second event.
    const before = await db.notice.count();
    const eventsBefore = await db.domainEvent.count();
    expect(await applyNoticeRules(db, now)).toEqual({ issued: 0, escalated: 0 });
    expect(await db.notice.count()).toBe(before);
    expect(await db.domainEvent.count()).toBe(eventsBefore);
  });

  it("escalates on silence: a yellow notice unanswered past its deadline becomes red; an answered one does not", async () => {
    const silent = await newMeasure();
    const answered = await newMeasure();
    const silentNotice = await issue(silent.code, "SUPERVISE", { replyDueDate: day(2).toISOString().slice(0, 10) });
    const answeredNotice = await issue(answered.code, "SUPERVISE", { replyDueDate: day(2).toISOString().slice(0, 10) });
    await reply(leadOfficial, answeredNotice.id, 1);

    // Before the deadline nothing escalates.
    await applyNoticeRules(db, now);
    expect((await db.notice.findUniqueOrThrow({ where: { id: silentNotice.id } })).state).toBe("OPEN");

    const later = new Date(now.getTime() + 5 * 86_400_000);
    const result = await applyNoticeRules(db, later);
    expect(result.escalated).toBeGreaterThanOrEqual(1);
    expect(await db.notice.findUniqueOrThrow({ where: { id: silentNotice.id } })).toMatchObject({ state: "ESCALATED", version: 2 });
    const red = await db.notice.findUniqueOrThrow({ where: { escalatedFromId: silentNotice.id }, include: { recipients: true } });
    expect(red).toMatchObject({ level: "SPECIAL", state: "OPEN", ruleKey: "escalate", issuedById: null });
    expect(red.recipients.map((row) => row.unitId)).toEqual([leadUnitId]);
    expect((await db.notice.findUniqueOrThrow({ where: { id: answeredNotice.id } })).state).toBe("REPLIED");
    expect((await history(silent.id)).map((row) => row.action)).toEqual(["notice.issue", "notice.escalate", "notice.issue"]);
    expect((await events(red.id)).map((row) => row.type)).toEqual(["notice.escalated"]);

    // Again the same day: nothing twice; the measure has no second active notice.
    expect((await applyNoticeRules(db, later)).escalated).toBe(0);
    expect(await db.notice.count({ where: { measureId: silent.id, state: { in: ["OPEN", "REPLIED", "RETURNED"] } } })).toBe(1);
  });
});

describe("[NOTICE] export, dashboard and API", () => {
  it("the ledger export has a notices column: open, overdue, latest level", async () => {
    const measure = await newMeasure();
    await issue(measure.code, "SPECIAL");
    const labels = {
      locale: "zh-CN",
      columns: zh.export.columns.split("|"),
      light: (light: string) => zh.lights[light as "RED"],
      sample: zh.export.sample,
      ongoing: zh.measureOngoing.due,
      kpi: () => "",
      investment: () => "",
      notices: ({ open, overdue, level }: { open: number; overdue: number; level: "REMINDER" | "SUPERVISE" | "SPECIAL" }) =>
        zh.export.noticesLine.replace("{open}", String(open)).replace("{overdue}", String(overdue)).replace("{level}", zh.notices.levels[level]),
    };
    const text = await new Response(ledgerCsvStream(db, ledgerQuerySchema.parse({ area: areaCode }), today, { reportingDay: 28, paceMarginPercent: 10, dueSoonDays: 30 }, labels)).text();
    expect(zh.export.columns.split("|").at(-2)).toBe("督办单");
    const line = text.split("\r\n").find((row) => row.includes(measure.code))!;
    expect(line).toContain("办理中 1，回复逾期 0，最新：专项督办");
  });

  it("the dashboard counts notices in progress and overdue per recipient unit", async () => {
    const before = await noticeCountsByUnit(db, { area: areaCode }, today);
    const measure = await newMeasure();
    await issue(measure.code, "REMINDER", { cooperatingUnitIds: [coopUnitId] });
    const after = await noticeCountsByUnit(db, { area: areaCode }, today);
    expect(after.open).toBe(before.open + 1);
    const unit = (counts: typeof after, code: string) => counts.units.find((row) => row.code === code)?.open ?? 0;
    const [lead, coop] = await Promise.all([db.unit.findUniqueOrThrow({ where: { id: leadUnitId } }), db.unit.findUniqueOrThrow({ where: { id: coopUnitId } })]);
    expect(unit(after, lead.code)).toBe(unit(before, lead.code) + 1);
    expect(unit(after, coop.code)).toBe(unit(before, coop.code) + 1);
    // A day after the reply deadline the notice counts as overdue.
    const late = await noticeCountsByUnit(db, { area: areaCode }, day(30));
    expect(late.overdue).toBeGreaterThan(0);
  });

  it("the monthly bulletin has a short notices section per recipient unit", async () => {
    const measure = await newMeasure();
    await issue(measure.code, "SPECIAL");
    const data = await loadBulletinData(db, bulletinQuerySchema.parse({ month: currentPeriod(), area: areaCode }), today, { reportingDay: 28, paceMarginPercent: 10, dueSoonDays: 30 });
    const document = bulletinDocument(data, "zh-CN", { year: 2026, number: 1, issued: false, date: today }, "");
    const section = document.sections.at(-1)!;
    expect(section.heading).toMatch(/^四、督办单办理情况（办理中 \d+ 件，回复逾期 \d+ 件）$/);
    const lead = await db.unit.findUniqueOrThrow({ where: { id: leadUnitId } });
    const [block] = section.blocks;
    expect(block?.kind === "table" && block.table.rows.map((row) => row[0])).toContain(lead.nameZh);
  });

  it("GET /api/v1/notices: officials see only their unit's notices", async () => {
    const measure = await newMeasure();
    const notice = await issue(measure.code);
    const request = (path: string) => new NextRequest(`http://localhost:3000${path}`, { headers: { host: "localhost:3000" } });

    await signInAs(leadOfficial);
    const own = await (await listNoticesRoute(request(`/api/v1/notices?measure=${measure.code}`), { params: Promise.resolve({}) })).json();
    expect(own.items.map((item: { id: string }) => item.id)).toEqual([notice.id]);
    expect(own.items[0]).toMatchObject({ level: "SUPERVISE", state: "OPEN", recipients: [{ isLead: true, hasActiveOfficial: true }] });

    await signInAs(otherOfficial);
    const other = await (await listNoticesRoute(request(`/api/v1/notices?measure=${measure.code}`), { params: Promise.resolve({}) })).json();
    expect(other.items).toEqual([]);
    const refused = await getNoticeRoute(request(`/api/v1/notices/${notice.id}`), { params: Promise.resolve({ id: notice.id }) });
    expect(refused.status).toBe(403);

    await signInAs(inspector);
    const detail = await getNoticeRoute(request(`/api/v1/notices/${notice.id}`), { params: Promise.resolve({ id: notice.id }) });
    expect(detail.status).toBe(200);
    expect(await detail.json()).toMatchObject({ id: notice.id, replies: [] });
    const bad = await listNoticesRoute(request("/api/v1/notices?level=PURPLE"), { params: Promise.resolve({}) });
    expect(bad.status).toBe(422);
  });
});
