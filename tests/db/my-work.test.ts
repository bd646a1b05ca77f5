import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countMyWork, listMyWork, loadMyWorkPage, markMyWorkSeen, type MyWorkItem } from "@/lib/my-work/list-my-work";
import { urgencies } from "@/lib/my-work/my-work-sql";
import { addDays, todayInChina } from "@/lib/tracking/dates";
import { currentPeriod, seedArea, seedMeasure, seedReport, seedUnit, seedUser, uniqueSuffix } from "./fixtures";
import { testDb } from "./helpers";

const db = testDb();
const settings = { reportingDay: 28, dueSoonDays: 30 };
const HOUR = 3_600_000;
const now = new Date();
const today = todayInChina(now);
const ALL = 100_000;

type Seeded = Awaited<ReturnType<typeof seed>>;
let f: Seeded;

function lastMonth(): string {
  const [year, month] = currentPeriod().split("-").map(Number) as [number, number];
  const date = new Date(Date.UTC(year, month - 2, 1));
  return date.toISOString().slice(0, 7);
}

let noticeNumber = 900_000 + Math.floor(Math.random() * 90_000);
async function seedNotice(measureId: string, unitId: string, state: "OPEN" | "REPLIED" | "RETURNED" | "ACCEPTED", replyDueDate: Date, isLead = true) {
  return db.notice.create({
    data: {
      year: 2099,
      number: noticeNumber++,
      measureId,
      level: "SUPERVISE",
      state,
      body: "请加快推进",
      replyDueDate,
      recipients: { create: [{ unitId, isLead }] },
    },
  });
}

async function seed() {
  const area = await seedArea(db);
  const unitA = await seedUnit(db);
  const unitB = await seedUnit(db);
  const officialA = await seedUser(db, "OFFICIAL", unitA.id);
  const officialB = await seedUser(db, "OFFICIAL", unitB.id);
  const inspector = await seedUser(db, "INSPECTOR", null);
  const admin = await seedUser(db, "ADMIN", null);
  const viewer = await seedUser(db, "VIEWER", null);

  // A: one measure with nothing reported this month; one whose last month's report came back.
  const mA = await seedMeasure(db, area.id, unitA.id);
  const mA2 = await seedMeasure(db, area.id, unitA.id);
  await seedReport(db, mA2.id, unitA.id, officialA.id, lastMonth(), "RETURNED");
  // A submitted this month's report of mA3: nothing to do there.
  const mA3 = await seedMeasure(db, area.id, unitA.id);
  await seedReport(db, mA3.id, unitA.id, officialA.id, currentPeriod(), "SUBMITTED");
  // B leads mB (A cooperates on it) and has its own missing report, returned report and notice.
  const mB = await seedMeasure(db, area.id, unitB.id, [unitA.id]);
  const mB2 = await seedMeasure(db, area.id, unitB.id);
  await seedReport(db, mB2.id, unitB.id, officialB.id, lastMonth(), "RETURNED");
  // A completed measure expects nothing.
  await seedMeasure(db, area.id, unitA.id, [], { status: "COMPLETED", percentComplete: 100 });

  // Milestones: A's due in 5 days, A's far away, A's done, one on mB (A cooperates), B's overdue on mB2.
  const milestone = (measureId: string, dueDate: Date, title: string, completedOn: Date | null = null) =>
    db.milestone.create({ data: { measureId, dueDate, titleZh: title, titleEn: title, completedOn } });
  await milestone(mA.id, addDays(today, 5), "A 近期节点");
  await milestone(mA.id, addDays(today, 200), "A 远期节点");
  await milestone(mA.id, addDays(today, -3), "A 已完成节点", addDays(today, -4));
  await milestone(mB.id, addDays(today, 10), "B 协办节点");
  await milestone(mB2.id, addDays(today, -2), "B 逾期节点");

  // Notices: to A, overdue; to B, replied; to B, open but far from its deadline; an accepted one to A.
  const noticeA = await seedNotice(mA.id, unitA.id, "OPEN", addDays(today, -1));
  const noticeB = await seedNotice(mB2.id, unitB.id, "REPLIED", addDays(today, 3));
  const noticeBLater = await seedNotice(mB2.id, unitB.id, "OPEN", addDays(today, 20));
  await seedNotice(mA2.id, unitA.id, "ACCEPTED", addDays(today, -10));

  // Extensions: A's decided an hour ago, B's pending.
  await db.extensionRequest.create({
    data: {
      measureId: mA.id, requestedById: officialA.id, currentDueDate: addDays(today, 365), requestedDueDate: addDays(today, 400),
      reason: "需要更多时间", state: "APPROVED", decidedById: inspector.id, decidedAt: new Date(now.getTime() - HOUR),
    },
  });
  const pendingExtension = await db.extensionRequest.create({
    data: { measureId: mB.id, requestedById: officialB.id, currentDueDate: addDays(today, 365), requestedDueDate: addDays(today, 400), reason: "B 申请延期" },
  });
  // A report of B waiting for review.
  const submitted = await seedReport(db, mB.id, unitB.id, officialB.id, currentPeriod(), "SUBMITTED");

  // Light changes: the inspector last looked a day ago. mA turned red two days ago (old news), mB turned red an hour ago,
  // mA2 turned yellow and then green again, mA3 turned yellow an hour ago.
  await db.user.update({ where: { id: inspector.id }, data: { myWorkSeenAt: new Date(now.getTime() - 24 * HOUR) } });
  const lightEvent = (measureId: string, light: string, hoursAgo: number) =>
    db.domainEvent.create({
      data: {
        key: `measure.lightChanged:${measureId}:${uniqueSuffix()}`, type: "measure.lightChanged", measureId, entityType: "Measure",
        entityId: measureId, payload: { light }, occurredAt: new Date(now.getTime() - hoursAgo * HOUR), audienceRoles: ["INSPECTOR"],
      },
    });
  await lightEvent(mA.id, "RED", 48);
  await lightEvent(mB.id, "RED", 1);
  await lightEvent(mA2.id, "YELLOW", 3);
  await lightEvent(mA2.id, "GREEN", 2);
  await lightEvent(mA3.id, "YELLOW", 1);

  // Accounts: one locked by the throttle, one never used, one used (has signed in), one disabled and never used.
  const locked = await seedUser(db, "OFFICIAL", unitA.id);
  await db.authSession.create({ data: { userId: locked.id } });
  await db.loginThrottle.create({
    data: { scope: "name", address: "203.0.113.9", loginName: locked.loginName, failures: 9, lastFailureAt: now, blockedUntil: new Date(now.getTime() + HOUR) },
  });
  const neverUsed = await seedUser(db, "OFFICIAL", unitB.id);
  const used = await seedUser(db, "OFFICIAL", unitB.id);
  await db.authSession.create({ data: { userId: used.id } });
  const disabled = await seedUser(db, "OFFICIAL", unitB.id, { active: false });
  // The admin and the others of the fixture sign in too, so only `neverUsed` is never used among them.
  for (const user of [officialA, officialB, inspector, admin, viewer]) await db.authSession.create({ data: { userId: user.id } });

  return { unitA, unitB, officialA, officialB, inspector, admin, viewer, mA, mA2, mA3, mB, mB2, noticeA, noticeB, noticeBLater, submitted, pendingExtension, locked, neverUsed, used, disabled };
}

beforeAll(async () => {
  f = await seed();
});
afterAll(() => db.$disconnect());

const userOf = (user: { id: string; role: "ADMIN" | "LEADER" | "INSPECTOR" | "OFFICIAL" | "VIEWER"; unitId: string | null }) => ({ id: user.id, role: user.role, unitId: user.unitId });
const key = (item: MyWorkItem) => `${item.kind} ${item.measureCode ?? item.detail}${item.kind === "milestoneDue" ? ` ${item.titleZh}` : ""}`;
const fixtureCodes = () => new Set([f.mA.code, f.mA2.code, f.mA3.code, f.mB.code, f.mB2.code]);
const fixtureLogins = () => new Set([f.locked.loginName, f.neverUsed.loginName, f.used.loginName, f.disabled.loginName, f.officialA.loginName, f.admin.loginName]);
const ours = (items: MyWorkItem[]) =>
  items.filter((item) => (item.measureCode ? fixtureCodes().has(item.measureCode) : fixtureLogins().has(item.detail ?? "")));

describe("[MY-WORK] what each role must do", () => {
  it("an official sees exactly their unit's missing and returned reports, due milestones, open notices and decided extensions", async () => {
    const items = await listMyWork(db, userOf(f.officialA), now, { settings });
    expect(items.map(key).sort()).toEqual(
      [
        `reportMissing ${f.mA.code}`,
        `reportMissing ${f.mA2.code}`,
        `reportReturned ${f.mA2.code}`,
        `milestoneDue ${f.mA.code} A 近期节点`,
        `milestoneDue ${f.mB.code} B 协办节点`,
        `noticeOpen ${f.mA.code}`,
        `extensionDecided ${f.mA.code}`,
      ].sort(),
    );
    const byKind = Object.fromEntries(items.map((item) => [item.kind, item]));
    expect(byKind.noticeOpen!.href).toBe(`/notices/${f.noticeA.id}`);
    expect(byKind.noticeOpen!.urgency).toBe("overdue");
    expect(byKind.reportReturned!.href).toBe(`/measures/${f.mA2.code}?period=${lastMonth()}`);
    expect(byKind.reportReturned!.urgency).toBe("overdue");
    expect(items.find((item) => item.kind === "reportMissing" && item.measureCode === f.mA.code)!.href).toBe(`/measures/${f.mA.code}?period=${currentPeriod()}`);
    expect(byKind.extensionDecided!.detail).toBe("APPROVED");
  });

  it("the other unit's official sees B's items, not A's", async () => {
    const items = await listMyWork(db, userOf(f.officialB), now, { settings });
    expect(items.map(key).sort()).toEqual(
      [
        `reportMissing ${f.mB2.code}`,
        `reportReturned ${f.mB2.code}`,
        `milestoneDue ${f.mB.code} B 协办节点`,
        `milestoneDue ${f.mB2.code} B 逾期节点`,
        `noticeOpen ${f.mB2.code}`,
      ].sort(),
    );
    // mB's report is submitted (waiting for review), so it is not missing; the replied notice awaits the inspector, not B.
    expect(items.find((item) => item.kind === "noticeOpen")!.href).toBe(`/notices/${f.noticeBLater.id}`);
  });

  it("an inspector sees waiting reviews and extension requests, due and replied notices, and light changes since the last visit only", async () => {
    const items = ours(await listMyWork(db, userOf(f.inspector), now, { settings, limit: ALL }));
    expect(items.map(key).sort()).toEqual(
      [
        `reviewWaiting ${f.mB.code}`,
        `reviewWaiting ${f.mA3.code}`,
        `extensionWaiting ${f.mB.code}`,
        `noticeDue ${f.mA.code}`,
        `noticeReplied ${f.mB2.code}`,
        `lightChanged ${f.mB.code}`,
        `lightChanged ${f.mA3.code}`,
      ].sort(),
    );
    // Waiting items open in the review queue's panel.
    expect(items.find((item) => item.kind === "reviewWaiting" && item.measureCode === f.mB.code)!.href).toBe(`/reviews?open=report:${f.submitted.id}`);
    expect(items.find((item) => item.kind === "extensionWaiting")!.href).toBe(`/reviews?open=extension:${f.pendingExtension.id}`);
    expect(items.find((item) => item.kind === "noticeReplied")!.href).toBe(`/notices/${f.noticeB.id}`);
    expect(items.find((item) => item.kind === "lightChanged" && item.measureCode === f.mB.code)!.detail).toBe("RED");
  });

  it("nobody reviews their own report: the author does not see it waiting", async () => {
    const leaderAuthor = { id: f.officialB.id, role: "LEADER" as const, unitId: null };
    const items = ours(await listMyWork(db, leaderAuthor, now, { settings, limit: ALL }));
    expect(items.filter((item) => item.kind === "reviewWaiting").map((item) => item.measureCode)).toEqual([f.mA3.code]);
  });

  it("opening My work moves the last visit on: the light changes are then old news", async () => {
    const previous = await markMyWorkSeen(db, f.inspector.id, now);
    expect(previous?.getTime()).toBe(now.getTime() - 24 * HOUR);
    // The page lists with the previous visit: still there.
    const onThisVisit = ours(await listMyWork(db, userOf(f.inspector), now, { settings, seenAt: previous, limit: ALL }));
    expect(onThisVisit.filter((item) => item.kind === "lightChanged")).toHaveLength(2);
    const afterwards = ours(await listMyWork(db, userOf(f.inspector), now, { settings, limit: ALL }));
    expect(afterwards.filter((item) => item.kind === "lightChanged")).toEqual([]);
    expect(afterwards.filter((item) => item.kind === "reviewWaiting")).toHaveLength(2);
    // Restore for the other tests of this file.
    await db.user.update({ where: { id: f.inspector.id }, data: { myWorkSeenAt: new Date(now.getTime() - 24 * HOUR) } });
  });

  it("the page lists the news since the previous visit once, and records the visit in the same statement", async () => {
    const leader = await seedUser(db, "LEADER", null);
    await db.user.update({ where: { id: leader.id }, data: { myWorkSeenAt: new Date(now.getTime() - 24 * HOUR) } });
    const lights = async () =>
      ours((await loadMyWorkPage(db, userOf(leader), now)).items).filter((item) => item.kind === "lightChanged").map((item) => item.measureCode).sort();
    expect(await lights()).toEqual([f.mA3.code, f.mB.code].sort());
    expect((await db.user.findUniqueOrThrow({ where: { id: leader.id } })).myWorkSeenAt?.getTime()).toBe(now.getTime());
    expect(await lights()).toEqual([]);
  });

  it("an admin sees the supervisors' items plus locked and never-used active accounts", async () => {
    const items = ours(await listMyWork(db, userOf(f.admin), now, { settings, limit: ALL }));
    const accounts = items.filter((item) => item.kind === "accountLocked" || item.kind === "accountNeverUsed").map(key).sort();
    expect(accounts).toEqual([`accountLocked ${f.locked.loginName}`, `accountNeverUsed ${f.neverUsed.loginName}`].sort());
    expect(items.find((item) => item.kind === "accountLocked")!.href).toBe("/admin/users");
    expect(items.some((item) => item.kind === "reviewWaiting" && item.measureCode === f.mB.code)).toBe(true);
    expect(items.some((item) => item.kind === "noticeDue" && item.measureCode === f.mA.code)).toBe(true);
    // An admin has no review queue: waiting items link to the measure page.
    expect(items.find((item) => item.kind === "reviewWaiting" && item.measureCode === f.mB.code)!.href).toBe(`/measures/${f.mB.code}?period=${currentPeriod()}`);
    expect(items.find((item) => item.kind === "extensionWaiting")!.href).toBe(`/measures/${f.mB.code}`);
  });

  it("a viewer has nothing to do; an official has nothing of the supervisors' kinds", async () => {
    expect(await listMyWork(db, userOf(f.viewer), now, { settings })).toEqual([]);
    expect(await countMyWork(db, userOf(f.viewer), now, settings)).toBe(0);
    const official = await listMyWork(db, userOf(f.officialA), now, { settings });
    expect(official.some((item) => ["reviewWaiting", "extensionWaiting", "lightChanged", "accountNeverUsed"].includes(item.kind))).toBe(false);
  });

  it("orders overdue before due soon before the rest, newest first within each", async () => {
    for (const user of [f.officialA, f.officialB, f.inspector, f.admin]) {
      const items = await listMyWork(db, userOf(user), now, { settings, limit: ALL });
      for (let i = 1; i < items.length; i++) {
        const [before, after] = [items[i - 1]!, items[i]!];
        const rank = (item: MyWorkItem) => urgencies.indexOf(item.urgency);
        expect(rank(before)).toBeLessThanOrEqual(rank(after));
        if (rank(before) === rank(after)) expect(before.since.getTime()).toBeGreaterThanOrEqual(after.since.getTime());
      }
    }
    const official = await listMyWork(db, userOf(f.officialA), now, { settings });
    // The overdue notice comes before the milestone due in five days, which comes before the decided extension.
    const position = (kind: string) => official.findIndex((item) => item.kind === kind);
    expect(position("noticeOpen")).toBeLessThan(position("milestoneDue"));
    expect(position("milestoneDue")).toBeLessThan(position("extensionDecided"));
    expect(official.find((item) => item.kind === "milestoneDue" && item.measureCode === f.mA.code)!.urgency).toBe("dueSoon");
  });

  it("the badge count equals the list's length for every role", async () => {
    for (const user of [f.officialA, f.officialB, f.inspector, f.admin, f.viewer]) {
      const items = await listMyWork(db, userOf(user), now, { settings, limit: ALL });
      expect(await countMyWork(db, userOf(user), now, settings), user.role).toBe(items.length);
    }
  });
});
