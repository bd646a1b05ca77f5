import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/session-user";
import { listMeasureHistory } from "@/lib/audit/list-measure-history";
import { addComment } from "@/lib/comments/add-comment";
import { deleteComment } from "@/lib/comments/delete-comment";
import { editComment } from "@/lib/comments/edit-comment";
import { listComments } from "@/lib/comments/list-comments";
import { listMentionCandidates } from "@/lib/comments/mention-candidates";
import { addCommentInputSchema, editCommentInputSchema } from "@/lib/comments/schemas";
import { listMyWork } from "@/lib/my-work/list-my-work";
import { getReviewItem } from "@/lib/reviews/get-review-item";
import { dispatchEvents } from "@/lib/notifications/dispatch-events";
import { notificationLink } from "@/lib/notifications/event-text";
import { currentPeriod, seedArea, seedMeasure, seedReport, seedUnit, seedUser } from "./fixtures";
import { testDb } from "./helpers";

const db = testDb();

const asSession = (user: { id: string; loginName: string; displayName: string; role: SessionUser["role"]; unitId: string | null }): SessionUser => ({
  id: user.id,
  loginName: user.loginName,
  displayName: user.displayName,
  role: user.role,
  unitId: user.unitId,
  mustChangePassword: false,
});

let official: SessionUser;
let colleague: SessionUser;
let otherOfficial: SessionUser;
let inspector: SessionUser;
let admin: SessionUser;
let measure: { id: string; code: string };
let draftId: string;

const add = (user: SessionUser, body: string, mentionIds: string[] = [], reportId = "") =>
  addComment(db, user, addCommentInputSchema.parse({ measureCode: measure.code, reportId, body, mentionIds: mentionIds.join(",") }));

beforeAll(async () => {
  // Other files leave their events undispatched: mark them done, so dispatch works on this file's events alone.
  await db.domainEvent.updateMany({ where: { dispatchedAt: null }, data: { dispatchedAt: new Date() } });
  const [unit, otherUnit, area] = await Promise.all([seedUnit(db), seedUnit(db), seedArea(db)]);
  official = asSession(await seedUser(db, "OFFICIAL", unit.id));
  colleague = asSession(await seedUser(db, "OFFICIAL", unit.id));
  otherOfficial = asSession(await seedUser(db, "OFFICIAL", otherUnit.id));
  inspector = asSession(await seedUser(db, "INSPECTOR", null));
  admin = asSession(await seedUser(db, "ADMIN", null));
  measure = await seedMeasure(db, area.id, unit.id, [otherUnit.id]);
  draftId = (await seedReport(db, measure.id, unit.id, official.id, currentPeriod(), "DRAFT")).id;
});

afterAll(async () => {
  await db.$disconnect();
});

describe("[COMMENTS] discussion on a measure", () => {
  it("keeps line breaks, refuses an empty or over-long comment and forbidden characters", () => {
    expect(addCommentInputSchema.parse({ measureCode: "1.1", body: " 第一行\r\n第二行 " }).body).toBe("第一行\n第二行");
    expect(addCommentInputSchema.safeParse({ measureCode: "1.1", body: "  " }).success).toBe(false);
    expect(addCommentInputSchema.safeParse({ measureCode: "1.1", body: "x".repeat(2001) }).success).toBe(false);
    expect(addCommentInputSchema.safeParse({ measureCode: "1.1", body: "abc\u202Egpj" }).success).toBe(false);
  });

  it("mentions a candidate, who gets an inbox notification linking to the discussion tab", async () => {
    const candidates = await listMentionCandidates(db, official, measure.code, { q: inspector.loginName });
    expect(candidates.items.map((person) => person.id)).toContain(inspector.id);
    const comment = await add(official, `请 @${inspector.displayName} 看一下\n谢谢`, [inspector.id]);
    expect(await db.commentMention.count({ where: { commentId: comment.id } })).toBe(1);
    await dispatchEvents(db, new Date(), { mailEnabled: false });
    const notification = await db.notification.findFirstOrThrow({ where: { userId: inspector.id, entityId: comment.id } });
    expect(notification.type).toBe("comment.mention");
    expect(notificationLink(notification)).toBe(`/measures/${encodeURIComponent(measure.code)}#discussion`);
    expect(await db.notification.count({ where: { userId: official.id, entityId: comment.id } })).toBe(0);
    // Until read in the inbox, it is on the inspector's My work, leading to the discussion.
    const mentions = (await listMyWork(db, inspector, new Date())).filter((item) => item.kind === "commentMention");
    expect(mentions).toEqual([expect.objectContaining({ measureCode: measure.code, detail: official.displayName, href: `/measures/${encodeURIComponent(measure.code)}#discussion` })]);
    await db.notification.update({ where: { id: notification.id }, data: { readAt: new Date() } });
    expect((await listMyWork(db, inspector, new Date())).some((item) => item.kind === "commentMention")).toBe(false);
  });

  it("a draft report's comment: hidden from other units, and only its unit's people may be mentioned", async () => {
    await expect(add(official, "@别的单位", [otherOfficial.id], draftId)).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { body: { key: "mentionNotAllowed" } } });
    // Searched by their unique login names: the other unit's official and the inspector cannot read the draft.
    const found = async (person: SessionUser) =>
      (await listMentionCandidates(db, official, measure.code, { q: person.loginName, reportId: draftId })).items.map((item) => item.id);
    expect(await found(otherOfficial)).not.toContain(otherOfficial.id);
    expect(await found(inspector)).not.toContain(inspector.id);
    expect(await found(colleague)).toContain(colleague.id);
    const comment = await add(official, "草稿待完善", [colleague.id], draftId);
    expect((await listComments(db, colleague, { measureId: measure.id }, new Date())).some((c) => c.id === comment.id)).toBe(true);
    expect((await listComments(db, otherOfficial, { measureId: measure.id }, new Date())).some((c) => c.id === comment.id)).toBe(false);
    expect((await listComments(db, inspector, { measureId: measure.id }, new Date())).some((c) => c.id === comment.id)).toBe(false);
    // Nor can another unit comment on the draft it cannot read.
    await expect(add(otherOfficial, "看看", [], draftId)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("a mention on a report's comment leads to that report's month, in the inbox, the mail and My work alike", async () => {
    await db.user.update({ where: { id: colleague.id }, data: { notificationEmail: "colleague@example.test" } });
    await db.notificationPreference.create({ data: { userId: colleague.id, eventType: "comment.mention", mode: "MAIL" } });
    const comment = await add(official, "请补充本月照片", [colleague.id], draftId);
    await dispatchEvents(db, new Date(), { mailEnabled: true, baseUrl: "https://luoshi.example" });
    const link = `/measures/${encodeURIComponent(measure.code)}?period=${currentPeriod()}`;
    const notification = await db.notification.findFirstOrThrow({ where: { userId: colleague.id, entityId: comment.id } });
    expect(notificationLink(notification)).toBe(link);
    const mail = await db.notificationDelivery.findFirstOrThrow({ where: { userId: colleague.id, channel: "EMAIL", eventId: notification.eventId } });
    expect(mail.body).toContain(`https://luoshi.example${link}\n`);
    // Both of the colleague's mentions (this one and the earlier test's) are on the draft report: both lead to its month.
    const mentions = (await listMyWork(db, colleague, new Date())).filter((item) => item.kind === "commentMention");
    expect(mentions.length).toBeGreaterThanOrEqual(1);
    expect(mentions.map((item) => item.href)).toEqual(mentions.map(() => link));
    await db.notification.updateMany({ where: { userId: colleague.id }, data: { readAt: new Date() } });
  });

  it("a submitted report's comments are in the review panel, where the reviewer may add one", async () => {
    const author = asSession(await seedUser(db, "OFFICIAL", otherOfficial.unitId));
    const report = await seedReport(db, measure.id, otherOfficial.unitId!, author.id, currentPeriod(), "SUBMITTED");
    const comment = await add(otherOfficial, "数据已核对", [], report.id);
    const item = await getReviewItem(db, inspector, `report:${report.id}`);
    expect(item).toMatchObject({ kind: "report", canComment: true });
    expect(item?.kind === "report" && item.comments.map((c) => c.id)).toEqual([comment.id]);
  });

  it("the author edits within 15 minutes at the version read; later, a stale version or someone else is refused", async () => {
    const comment = await add(official, "初稿");
    const edit = (user: SessionUser, version: number, now: Date) =>
      editComment(db, user, editCommentInputSchema.parse({ commentId: comment.id, version, body: "改后" }), now);
    const soon = new Date(comment.createdAt.getTime() + 5 * 60_000);
    await expect(edit(colleague, 1, soon)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await edit(official, 1, soon);
    await expect(edit(official, 1, soon)).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(edit(official, 2, new Date(comment.createdAt.getTime() + 16 * 60_000))).rejects.toMatchObject({ code: "EDIT_WINDOW_PASSED" });
    const row = await db.comment.findUniqueOrThrow({ where: { id: comment.id } });
    expect(row).toMatchObject({ body: "改后", version: 2 });
    expect(row.editedAt).toEqual(soon);
  });

  it("a deleted comment shows as deleted and stays in the measure's history; only its author or an admin deletes", async () => {
    const comment = await add(official, "发错了");
    await expect(deleteComment(db, inspector, { commentId: comment.id, version: 1 }, new Date())).rejects.toMatchObject({ code: "FORBIDDEN" });
    await deleteComment(db, admin, { commentId: comment.id, version: 1 }, new Date());
    const shown = (await listComments(db, official, { measureId: measure.id }, new Date())).find((c) => c.id === comment.id)!;
    expect(shown).toMatchObject({ deleted: true, body: null, canEdit: false, canDelete: false });
    const history = await listMeasureHistory(db, measure.id, official.unitId);
    const deleted = history.find((event) => event.action === "comment.delete")!;
    expect(deleted.before).toMatchObject({ body: "发错了" });
  });
});
