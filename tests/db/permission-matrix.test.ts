import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "@/generated/prisma/enums";
import { actionRegistry, type FormAction } from "@/lib/auth/guard";
import { can, type Permission, permissionTable, publicActionNames, roles } from "@/lib/auth/permissions";
import { idleState } from "@/lib/errors/action-state";
import { cookieValue, signInAs } from "../setup/request-context";
import { currentPeriod, FIXTURE_PASSWORD, seedArea, seedMeasure, seedReport, seedUnit, seedUser, uniqueSuffix } from "./fixtures";
import { getTrackingSettings } from "@/lib/tracking/settings";
import { getReminderSettings } from "@/lib/reminders/settings";
import { getScoringRules } from "@/lib/scoring/rules";
import { getNoticeSettings } from "@/lib/notices/settings";
import { getBulletinSettings } from "@/lib/bulletin/settings";
import { getCredibilitySettings } from "@/lib/credibility/settings";
import { testDb } from "./helpers";
import { setObjectStore } from "@/lib/storage/create-object-store";
import { createDiskStore } from "@/lib/storage/disk-store";

const db = testDb();
const root = path.resolve(import.meta.dirname, "..", "..");

/** Every module that declares Server Actions, found by its "use server" directive. */
function serverActionModules(): string[] {
  const found: string[] = [];
  const visit = (dir: string) => {
    for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const relative = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(relative);
      else if (/\.tsx?$/.test(entry.name) && /^\s*["']use server["']/.test(fs.readFileSync(path.join(root, relative), "utf8"))) {
        found.push(relative);
      }
    }
  };
  ["app", "lib", "components"].forEach(visit);
  return found;
}

type Target = "ownLead" | "ownCooperating" | "otherUnit" | "none";
type Fixture = { ownUnitId: string; otherUnitId: string; areaId: string };
type Prepared = { form: Record<string, string>; changed: () => Promise<boolean>; recordUnitIds?: string[] };

/**
 * How to exercise each action: a valid form for the target, and how to tell
 * whether it changed the database. Unit-scoped actions run on a measure of the
 * actor's own unit (as lead and as cooperating unit) and of another unit.
 */
/** A measure of the target's units: own unit leading, own unit cooperating, or another unit's. */
async function measureFor(fx: Fixture, target: Target, overrides: Parameters<typeof seedMeasure>[4] = {}) {
  const lead = target === "ownLead" ? fx.ownUnitId : fx.otherUnitId;
  const cooperating = target === "ownCooperating" ? [fx.ownUnitId] : [];
  const measure = await seedMeasure(db, fx.areaId, lead, cooperating, overrides);
  return { measure, recordUnitIds: [lead, ...cooperating] };
}
const unitTargets: Target[] = ["ownLead", "ownCooperating", "otherUnit"];

/** A notice on a measure of the target's units, addressed to all of them (lead first). */
async function noticeFor(fx: Fixture, target: Target, state: "OPEN" | "REPLIED" = "OPEN") {
  const { measure, recordUnitIds } = await measureFor(fx, target);
  const notice = await db.notice.create({
    data: {
      year: 2000,
      number: Math.floor(Math.random() * 1_000_000_000),
      measureId: measure.id,
      level: "SUPERVISE",
      state,
      body: "请说明进度滞后原因",
      replyDueDate: new Date(Date.now() + 7 * 86_400_000),
      recipients: { create: recordUnitIds.map((unitId, index) => ({ unitId, isLead: index === 0 })) },
    },
  });
  if (state === "REPLIED") {
    const author = await seedUser(db, "OFFICIAL", recordUnitIds[0]!);
    await db.noticeReply.create({ data: { noticeId: notice.id, unitId: recordUnitIds[0]!, authorId: author.id, body: "已整改" } });
  }
  return { notice, recordUnitIds };
}
const inAWeek = () => new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);

const cases: Record<string, { targets: Target[]; prepare: (fx: Fixture, target: Target, actorId: string) => Promise<Prepared> }> = {
  "report.save": {
    targets: unitTargets,
    prepare: async (fx, target) => {
      const { measure, recordUnitIds } = await measureFor(fx, target);
      return {
        form: { measureCode: measure.code, period: currentPeriod(), percentComplete: "30", progress: "本月进展", problems: "", nextSteps: "", kpiActual: "", investmentCompleted: "", intent: "submit" },
        recordUnitIds,
        changed: async () => (await db.progressReport.count({ where: { measureId: measure.id } })) === 1,
      };
    },
  },
  "report.review": {
    targets: ["none"],
    prepare: async (fx) => {
      const { measure } = await measureFor(fx, "otherUnit");
      const author = await seedUser(db, "OFFICIAL", fx.otherUnitId);
      const report = await seedReport(db, measure.id, fx.otherUnitId, author.id, currentPeriod(), "SUBMITTED");
      return {
        form: { reportId: report.id, version: "1", decision: "approve", comment: "" },
        changed: async () => (await db.progressReport.findUniqueOrThrow({ where: { id: report.id } })).state === "APPROVED",
      };
    },
  },
  "credibility.explain": {
    targets: ["none"],
    prepare: async (fx) => {
      const { measure } = await measureFor(fx, "otherUnit");
      const author = await seedUser(db, "OFFICIAL", fx.otherUnitId);
      // 100 % without a completion report: the flag to explain.
      const report = await seedReport(db, measure.id, fx.otherUnitId, author.id, currentPeriod(), "SUBMITTED", 100);
      return {
        form: { reportId: report.id, rule: "fullWithoutCompletion", note: "已现场核实" },
        changed: async () => (await db.credibilityExplanation.count({ where: { reportId: report.id } })) === 1,
      };
    },
  },
  "credibility.settings.update": {
    targets: ["none"],
    prepare: async () => {
      const current = await getCredibilitySettings(db);
      // Stays an hour or more, so other tests' ten-minute submissions still count as last-minute.
      const lastMinuteMinutes = 60 + ((current.lastMinuteMinutes + 1) % 600);
      return {
        form: Object.fromEntries(Object.entries({ ...current, lastMinuteMinutes }).map(([key, value]) => [key, String(value)])),
        changed: async () => (await getCredibilitySettings(db)).lastMinuteMinutes === lastMinuteMinutes,
      };
    },
  },
  "report.bulkApprove": {
    targets: ["none"],
    prepare: async (fx) => {
      const { measure } = await measureFor(fx, "otherUnit");
      const author = await seedUser(db, "OFFICIAL", fx.otherUnitId);
      const report = await seedReport(db, measure.id, fx.otherUnitId, author.id, currentPeriod(), "SUBMITTED");
      return {
        form: { items: `${report.id}:1` },
        changed: async () => (await db.progressReport.findUniqueOrThrow({ where: { id: report.id } })).state === "APPROVED",
      };
    },
  },
  "milestone.add": {
    targets: unitTargets,
    prepare: async (fx, target) => {
      const { measure, recordUnitIds } = await measureFor(fx, target);
      return {
        form: { measureCode: measure.code, titleZh: "新节点", titleEn: "New milestone", dueDate: "2027-03-31" },
        recordUnitIds,
        changed: async () => (await db.milestone.count({ where: { measureId: measure.id } })) === 1,
      };
    },
  },
  "milestone.complete": {
    targets: unitTargets,
    prepare: async (fx, target) => {
      const { measure, recordUnitIds } = await measureFor(fx, target);
      const milestone = await db.milestone.create({ data: { measureId: measure.id, titleZh: "节点", titleEn: "M", dueDate: new Date("2026-06-30T00:00:00Z") } });
      return {
        form: { milestoneId: milestone.id, version: "1", completedOn: "2026-06-28" },
        recordUnitIds,
        changed: async () => (await db.milestone.findUniqueOrThrow({ where: { id: milestone.id } })).completedOn !== null,
      };
    },
  },
  "milestone.undoComplete": {
    targets: unitTargets,
    prepare: async (fx, target, actorId) => {
      const { measure, recordUnitIds } = await measureFor(fx, target);
      const milestone = await db.milestone.create({
        data: { measureId: measure.id, titleZh: "节点", titleEn: "", dueDate: new Date("2026-06-30T00:00:00Z"), completedOn: new Date("2026-06-28T00:00:00Z") },
      });
      // Completed by the actor a moment ago: within the undo window.
      await db.auditEvent.create({
        data: { actorId, action: "milestone.complete", entityType: "Measure", entityId: measure.id, after: { milestone: milestone.id, completedOn: "2026-06-28" } },
      });
      return {
        form: { milestoneId: milestone.id, version: "1" },
        recordUnitIds,
        changed: async () => (await db.milestone.findUniqueOrThrow({ where: { id: milestone.id } })).completedOn === null,
      };
    },
  },
  "milestone.reschedule": {
    targets: unitTargets,
    prepare: async (fx, target) => {
      const { measure, recordUnitIds } = await measureFor(fx, target);
      const milestone = await db.milestone.create({ data: { measureId: measure.id, titleZh: "节点", titleEn: "M", dueDate: new Date("2026-06-30T00:00:00Z") } });
      return {
        form: { milestoneId: milestone.id, version: "1", dueDate: "2027-06-30", reason: "前期手续延后" },
        recordUnitIds,
        changed: async () => (await db.milestone.findUniqueOrThrow({ where: { id: milestone.id } })).version === 2,
      };
    },
  },
  "extension.request": {
    targets: unitTargets,
    prepare: async (fx, target) => {
      const { measure, recordUnitIds } = await measureFor(fx, target);
      const later = new Date(measure.dueDate!.getTime() + 90 * 86_400_000).toISOString().slice(0, 10);
      return {
        form: { measureCode: measure.code, requestedDueDate: later, reason: "征地进度滞后" },
        recordUnitIds,
        changed: async () => (await db.extensionRequest.count({ where: { measureId: measure.id } })) === 1,
      };
    },
  },
  "extension.decide": {
    targets: ["none"],
    prepare: async (fx) => {
      const { measure } = await measureFor(fx, "otherUnit");
      const requester = await seedUser(db, "OFFICIAL", fx.otherUnitId);
      const request = await db.extensionRequest.create({
        data: { measureId: measure.id, requestedById: requester.id, currentDueDate: measure.dueDate!, requestedDueDate: new Date(measure.dueDate!.getTime() + 86_400_000 * 30), reason: "原因" },
      });
      return {
        form: { extensionId: request.id, version: "1", decision: "approve", comment: "" },
        changed: async () => (await db.extensionRequest.findUniqueOrThrow({ where: { id: request.id } })).state === "APPROVED",
      };
    },
  },
  "measure.reopen": {
    targets: ["none"],
    prepare: async (fx) => {
      const { measure } = await measureFor(fx, "otherUnit", { status: "COMPLETED", percentComplete: 100 });
      return {
        form: { measureCode: measure.code, version: "1", reason: "复查发现未完成" },
        changed: async () => (await db.measure.findUniqueOrThrow({ where: { id: measure.id } })).status === "IN_PROGRESS",
      };
    },
  },
  "notice.issue": {
    targets: ["none"],
    prepare: async (fx) => {
      const { measure } = await measureFor(fx, "otherUnit");
      return {
        form: { measureCode: measure.code, level: "REMINDER", body: "请按期报送进展", replyDueDate: inAWeek() },
        changed: async () => (await db.notice.count({ where: { measureId: measure.id } })) === 1,
      };
    },
  },
  "notice.reply": {
    targets: unitTargets,
    prepare: async (fx, target) => {
      const { notice, recordUnitIds } = await noticeFor(fx, target);
      return {
        form: { noticeId: notice.id, version: "1", body: "已召开专题会", newDueDate: "" },
        recordUnitIds,
        changed: async () => (await db.noticeReply.count({ where: { noticeId: notice.id } })) === 1,
      };
    },
  },
  "notice.decide": {
    targets: ["none"],
    prepare: async (fx) => {
      const { notice } = await noticeFor(fx, "otherUnit", "REPLIED");
      return {
        form: { noticeId: notice.id, version: "1", decision: "accept", comment: "" },
        changed: async () => (await db.notice.findUniqueOrThrow({ where: { id: notice.id } })).state === "ACCEPTED",
      };
    },
  },
  "notice.escalate": {
    targets: ["none"],
    prepare: async (fx) => {
      const { notice } = await noticeFor(fx, "otherUnit");
      return {
        form: { noticeId: notice.id, version: "1", body: "", replyDueDate: inAWeek() },
        changed: async () => (await db.notice.findUniqueOrThrow({ where: { id: notice.id } })).state === "ESCALATED",
      };
    },
  },
  "noticeSettings.update": {
    targets: ["none"],
    prepare: async () => {
      const replyDays = ((await getNoticeSettings(db)).noticeReplyDays % 60) + 1;
      return {
        form: { noticeRuleReminder: "on", noticeRuleSupervise: "on", noticeRuleSpecial: "on", noticeRuleEscalate: "on", noticeReplyDays: String(replyDays) },
        changed: async () => (await getNoticeSettings(db)).noticeReplyDays === replyDays,
      };
    },
  },
  "bulletin.narrativeSave": {
    targets: ["none"],
    prepare: async () => {
      // A scope of its own (an unknown lead unit code is a valid, empty scope), so every case saves a first version.
      const leadUnit = `nar-${uniqueSuffix()}`;
      const text = `综述${uniqueSuffix()}`;
      return {
        form: { month: "2026-01", leadUnit, lang: "zh-CN", text, version: "0" },
        changed: async () => (await db.bulletinNarrative.count({ where: { scopeKey: `|||${leadUnit}`, text } })) === 1,
      };
    },
  },
  "bulletinSettings.update": {
    targets: ["none"],
    prepare: async () => {
      const bulletinIssuer = `督查室${uniqueSuffix()}`;
      return { form: { bulletinIssuer }, changed: async () => (await getBulletinSettings(db)).bulletinIssuer === bulletinIssuer };
    },
  },
  "settings.update": {
    targets: ["none"],
    prepare: async () => {
      const current = await getTrackingSettings(db);
      const reportingDay = (current.reportingDay % 28) + 1;
      return {
        form: { reportingDay: String(reportingDay), paceMarginPercent: String(current.paceMarginPercent), dueSoonDays: String(current.dueSoonDays) },
        changed: async () => (await getTrackingSettings(db)).reportingDay === reportingDay,
      };
    },
  },
  "reminders.settings.update": {
    targets: ["none"],
    prepare: async () => {
      const missingRepeatDays = ((await getReminderSettings(db)).missingRepeatDays % 31) + 1;
      return {
        form: { reportDueDays: "3", milestoneDueDays: "7", missingRepeatDays: String(missingRepeatDays) },
        changed: async () => (await getReminderSettings(db)).missingRepeatDays === missingRepeatDays,
      };
    },
  },
  "scoring.updateRules": {
    targets: ["none"],
    prepare: async () => {
      const current = await getScoringRules(db);
      const listSize = (current.listSize % 20) + 1;
      return {
        form: Object.fromEntries(Object.entries({ ...current, listSize }).map(([key, value]) => [key, String(value)])),
        changed: async () => (await getScoringRules(db)).listSize === listSize,
      };
    },
  },
  "measure.updateOwner": {
    targets: ["ownLead", "ownCooperating", "otherUnit"],
    prepare: async (fx, target) => {
      const lead = target === "ownLead" ? fx.ownUnitId : fx.otherUnitId;
      const cooperating = target === "ownCooperating" ? [fx.ownUnitId] : [];
      const measure = await seedMeasure(db, fx.areaId, lead, cooperating);
      const responsiblePerson = `新责任人${uniqueSuffix()}`;
      return {
        form: { code: measure.code, version: "1", responsiblePerson },
        recordUnitIds: [lead, ...cooperating],
        changed: async () => (await db.measure.findUniqueOrThrow({ where: { id: measure.id } })).responsiblePerson === responsiblePerson,
      };
    },
  },
  "notifications.markRead": {
    targets: ["none"],
    prepare: async (_fx, _target, actorId) => {
      const notification = await db.notification.create({
        data: { eventId: BigInt(Date.now()) * 1000n + BigInt(Math.floor(Math.random() * 1000)), userId: actorId, type: "report.missing", entityType: "Measure", entityId: "m", mode: "INBOX" },
      });
      return {
        form: { notificationId: notification.id },
        changed: async () => (await db.notification.findUniqueOrThrow({ where: { id: notification.id } })).readAt !== null,
      };
    },
  },
  "notifications.markAllRead": {
    targets: ["none"],
    prepare: async (_fx, _target, actorId) => {
      await db.notification.create({
        data: { eventId: BigInt(Date.now()) * 1000n + BigInt(Math.floor(Math.random() * 1000)), userId: actorId, type: "report.missing", entityType: "Measure", entityId: "m", mode: "INBOX" },
      });
      return { form: {}, changed: async () => (await db.notification.count({ where: { userId: actorId, readAt: null } })) === 0 };
    },
  },
  "notifications.savePreferences": {
    targets: ["none"],
    prepare: async (_fx, _target, actorId) => ({
      form: { email: "me@example.test", "mode.report.dueSoon": "DIGEST" },
      changed: async () => (await db.notificationPreference.findUnique({ where: { userId_eventType: { userId: actorId, eventType: "report.dueSoon" } } }))?.mode === "DIGEST",
    }),
  },
  "user.create": {
    targets: ["none"],
    prepare: async () => {
      const loginName = `t.new.${uniqueSuffix()}`;
      return {
        form: { loginName, displayName: "新用户", role: "VIEWER", unitId: "" },
        changed: async () => (await db.user.count({ where: { loginName } })) === 1,
      };
    },
  },
  "user.updateAccess": {
    targets: ["none"],
    prepare: async (fx) => {
      const target = await seedUser(db, "VIEWER", null);
      return {
        form: { userId: target.id, version: "1", displayName: "改名", role: "OFFICIAL", unitId: fx.ownUnitId },
        changed: async () => (await db.user.findUniqueOrThrow({ where: { id: target.id } })).role === "OFFICIAL",
      };
    },
  },
  "user.setActive": {
    targets: ["none"],
    prepare: async () => {
      const target = await seedUser(db, "VIEWER", null);
      return {
        form: { userId: target.id, version: "1", active: "false" },
        changed: async () => !(await db.user.findUniqueOrThrow({ where: { id: target.id } })).active,
      };
    },
  },
  "user.resetPassword": {
    targets: ["none"],
    prepare: async () => {
      const target = await seedUser(db, "VIEWER", null);
      return {
        form: { userId: target.id, version: "1" },
        changed: async () => (await db.user.findUniqueOrThrow({ where: { id: target.id } })).mustChangePassword,
      };
    },
  },
  "user.changeOwnPassword": {
    targets: ["none"],
    prepare: async (_fx, _target, actorId) => ({
      form: { currentPassword: FIXTURE_PASSWORD, newPassword: "Changed-pass-2027", confirmPassword: "Changed-pass-2027" },
      changed: async () => (await db.user.findUniqueOrThrow({ where: { id: actorId } })).version > 1,
    }),
  },
  "session.signOutEverywhere": {
    targets: ["none"],
    prepare: async (_fx, _target, actorId) => ({
      form: {},
      changed: async () => (await db.user.findUniqueOrThrow({ where: { id: actorId } })).sessionsValidFrom !== null,
    }),
  },
  "apiToken.create": {
    targets: ["none"],
    prepare: async (_fx, _target, actorId) => ({
      form: { name: "脚本令牌", expiresOn: "" },
      changed: async () => (await db.apiToken.count({ where: { userId: actorId } })) === 1,
    }),
  },
  "apiToken.revoke": {
    targets: ["none"],
    prepare: async (_fx, _target, actorId) => {
      const token = await db.apiToken.create({ data: { userId: actorId, name: "t", prefix: "lsk_test", tokenHash: `hash-${uniqueSuffix()}` } });
      return {
        form: { tokenId: token.id },
        changed: async () => (await db.apiToken.findUniqueOrThrow({ where: { id: token.id } })).revokedAt !== null,
      };
    },
  },
  "preferences.setLocale": {
    targets: ["none"],
    prepare: async () => ({ form: { locale: "en" }, changed: async () => cookieValue("NEXT_LOCALE") === "en" }),
  },
  "unit.create": {
    targets: ["none"],
    prepare: async () => {
      const code = `t-created-${uniqueSuffix()}`;
      return {
        form: { code, nameZh: "新单位", nameEn: "New unit", kind: "OTHER", cityId: "" },
        changed: async () => (await db.unit.count({ where: { code } })) === 1,
      };
    },
  },
  "unitAlias.create": {
    targets: ["none"],
    prepare: async () => {
      const unit = await seedUnit(db);
      const alias = `别名${uniqueSuffix()}`;
      return {
        form: { alias, unitCode: unit.code },
        changed: async () => (await db.unitAlias.count({ where: { alias } })) === 1,
      };
    },
  },
  "unitAlias.delete": {
    targets: ["none"],
    prepare: async () => {
      const unit = await seedUnit(db);
      const alias = await db.unitAlias.create({ data: { alias: `删别名${uniqueSuffix()}`, key: `删别名${uniqueSuffix()}`, unitId: unit.id } });
      return {
        form: { id: alias.id },
        changed: async () => (await db.unitAlias.count({ where: { id: alias.id } })) === 0,
      };
    },
  },
  "unit.update": {
    targets: ["none"],
    prepare: async () => {
      const unit = await seedUnit(db);
      return {
        form: { unitId: unit.id, version: "1", nameZh: "改名单位", nameEn: "Renamed", kind: "OTHER", cityId: "", active: "on" },
        changed: async () => (await db.unit.findUniqueOrThrow({ where: { id: unit.id } })).nameZh === "改名单位",
      };
    },
  },  "comment.add": {
    targets: ["none"],
    prepare: async (fx) => {
      const { measure } = await measureFor(fx, "otherUnit");
      return {
        form: { measureCode: measure.code, reportId: "", body: "请补充材料\n谢谢", mentionIds: "" },
        changed: async () => (await db.comment.count({ where: { measureId: measure.id } })) === 1,
      };
    },
  },
  "comment.edit": {
    targets: ["none"],
    prepare: async (fx, _target, actorId) => {
      const { measure } = await measureFor(fx, "otherUnit");
      // The actor's own comment, written a moment ago: within the edit window.
      const comment = await db.comment.create({ data: { measureId: measure.id, authorId: actorId, body: "初稿" } });
      return {
        form: { commentId: comment.id, version: "1", body: "改后", mentionIds: "" },
        changed: async () => (await db.comment.findUniqueOrThrow({ where: { id: comment.id } })).body === "改后",
      };
    },
  },
  "comment.delete": {
    targets: ["none"],
    prepare: async (fx, _target, actorId) => {
      const { measure } = await measureFor(fx, "otherUnit");
      const comment = await db.comment.create({ data: { measureId: measure.id, authorId: actorId, body: "发错了" } });
      return {
        form: { commentId: comment.id, version: "1" },
        changed: async () => (await db.comment.findUniqueOrThrow({ where: { id: comment.id } })).deletedAt !== null,
      };
    },
  },
  "measure.create": {
    targets: ["none"],
    prepare: async (fx) => {
      const code = `N.${uniqueSuffix()}`;
      const [area, lead] = await Promise.all([db.area.findUniqueOrThrow({ where: { id: fx.areaId } }), db.unit.findUniqueOrThrow({ where: { id: fx.otherUnitId } })]);
      return {
        form: { code, areaCode: area.code, titleZh: "新建措施", leadUnit: lead.code, dueDate: inAWeek() },
        changed: async () => (await db.measure.count({ where: { code } })) === 1,
      };
    },
  },
  "measure.update": {
    targets: ["none"],
    prepare: async (fx) => {
      const { measure } = await measureFor(fx, "otherUnit");
      const [area, lead] = await Promise.all([db.area.findUniqueOrThrow({ where: { id: fx.areaId } }), db.unit.findUniqueOrThrow({ where: { id: fx.otherUnitId } })]);
      return {
        form: { code: measure.code, version: "1", areaCode: area.code, titleZh: "改过的措施", leadUnit: lead.code },
        changed: async () => (await db.measure.findUniqueOrThrow({ where: { id: measure.id } })).titleZh === "改过的措施",
      };
    },
  },
  "measure.suspend": {
    targets: ["none"],
    prepare: async (fx) => {
      const { measure } = await measureFor(fx, "otherUnit");
      return {
        form: { code: measure.code, version: "1", reason: "政策调整" },
        changed: async () => (await db.measure.findUniqueOrThrow({ where: { id: measure.id } })).status === "SUSPENDED",
      };
    },
  },
  "measure.resume": {
    targets: ["none"],
    prepare: async (fx) => {
      const { measure } = await measureFor(fx, "otherUnit", { status: "SUSPENDED" });
      return {
        form: { code: measure.code, version: "1" },
        changed: async () => (await db.measure.findUniqueOrThrow({ where: { id: measure.id } })).status !== "SUSPENDED",
      };
    },
  },
  "programme.create": {
    targets: ["none"],
    prepare: async () => {
      const code = `NP-${uniqueSuffix()}`;
      return { form: { code, titleZh: "新规划", titleEn: "New programme" }, changed: async () => (await db.programme.count({ where: { code } })) === 1 };
    },
  },
  "programme.update": {
    targets: ["none"],
    prepare: async (fx) => {
      const { programme } = await db.area.findUniqueOrThrow({ where: { id: fx.areaId }, include: { programme: true } });
      const titleZh = `改名规划${uniqueSuffix()}`;
      return {
        form: { code: programme.code, version: String(programme.version), titleZh, titleEn: "Renamed" },
        changed: async () => (await db.programme.findUniqueOrThrow({ where: { id: programme.id } })).titleZh === titleZh,
      };
    },
  },
  "area.create": {
    targets: ["none"],
    prepare: async (fx) => {
      const code = `NA-${uniqueSuffix()}`;
      const { programme } = await db.area.findUniqueOrThrow({ where: { id: fx.areaId }, include: { programme: true } });
      return { form: { code, programmeCode: programme.code, titleZh: "新领域", titleEn: "New area" }, changed: async () => (await db.area.count({ where: { code } })) === 1 };
    },
  },
  "area.update": {
    targets: ["none"],
    prepare: async () => {
      const area = await db.area.findUniqueOrThrow({ where: { id: (await seedArea(db)).id }, include: { programme: true } });
      return {
        form: { code: area.code, version: "1", programmeCode: area.programme.code, titleZh: "改名领域", titleEn: "Renamed area" },
        changed: async () => (await db.area.findUniqueOrThrow({ where: { id: area.id } })).titleZh === "改名领域",
      };
    },
  },
};

function toFormData(values: Record<string, string>): FormData {
  const formData = new FormData();
  for (const [key, value] of Object.entries(values)) formData.set(key, value);
  return formData;
}

let fixture: Fixture;
const actions = new Map<string, { action: FormAction; permission: Permission | null }>();

beforeAll(async () => {
  for (const file of serverActionModules()) await import(path.join(root, file));
  for (const [action, meta] of actionRegistry) actions.set(meta.name, { action, permission: meta.permission });
  const [own, other, area] = await Promise.all([seedUnit(db), seedUnit(db), seedArea(db)]);
  fixture = { ownUnitId: own.id, otherUnitId: other.id, areaId: area.id };
});
afterAll(() => db.$disconnect());

describe("[AUTH] every Server Action is in the permission table", () => {
  it("finds the action modules", () => {
    expect(serverActionModules().length).toBeGreaterThanOrEqual(3);
  });

  it("every export of a 'use server' module is a guarded action with a listed permission", async () => {
    for (const file of serverActionModules()) {
      const exports = await import(path.join(root, file));
      for (const [name, value] of Object.entries(exports)) {
        const meta = actionRegistry.get(value as FormAction);
        expect(meta, `${file}: export ${name} is not made with defineAction`).toBeDefined();
        if (meta!.permission === null) expect(publicActionNames, `${file}: ${name}`).toContain(meta!.name);
        else expect(Object.keys(permissionTable), `${file}: ${name}`).toContain(meta!.permission);
      }
    }
  });

  it("every action has a matrix case, and every case an action", () => {
    expect([...actions.keys()].sort()).toEqual(Object.keys(cases).sort());
  });
});

const matrix = Object.entries(cases).flatMap(([name, testCase]) =>
  roles.flatMap((role) => testCase.targets.map((target) => ({ name, role, target }))),
);

describe("[AUTH] permission matrix: action × role × own/other unit", () => {
  it.each(matrix)("$name as $role on $target", async ({ name, role, target }) => {
    const { action, permission } = actions.get(name)!;
    const actor = await seedUser(db, role as Role, fixture.ownUnitId);
    const prepared = await cases[name]!.prepare(fixture, target, actor.id);
    const allowed =
      permission === null || can({ role: role as Role, unitId: fixture.ownUnitId }, permission, prepared.recordUnitIds);

    await signInAs(actor);
    const state = await action(idleState, toFormData(prepared.form));

    if (allowed) {
      expect(state, JSON.stringify(state)).toMatchObject({ status: "success" });
      expect(await prepared.changed()).toBe(true);
    } else {
      expect(state).toMatchObject({ status: "error", code: "FORBIDDEN" });
      expect(await prepared.changed()).toBe(false);
    }
  });

  it.each(Object.keys(cases))("%s without a session: refused unless public", async (name) => {
    const actor = await seedUser(db, "ADMIN", fixture.ownUnitId);
    const prepared = await cases[name]!.prepare(fixture, cases[name]!.targets[0]!, actor.id);
    await signInAs(null);
    const state = await actions.get(name)!.action(idleState, toFormData(prepared.form));
    if (actions.get(name)!.permission === null) {
      expect(state).toMatchObject({ status: "success" });
      expect(await prepared.changed()).toBe(true);
    } else {
      expect(state).toMatchObject({ status: "error", code: "UNAUTHENTICATED" });
      expect(await prepared.changed()).toBe(false);
    }
  });
});

/**
 * The attachment routes (no Server Actions): who may attach to a report and to
 * a measure, by role and own/other unit, through the real route handlers.
 */
describe("[AUTH] attachment routes: role × own/other unit", () => {
  const pdfBytes = Buffer.from("%PDF-1.4\n%%EOF\n");
  const origin = "http://localhost:3000";
  const storeDir = fs.mkdtempSync(path.join(os.tmpdir(), "luoshi-matrix-"));
  const post = async (parentType: string, parentId: string) => {
    const form = new FormData();
    form.set("parentType", parentType);
    form.set("parentId", parentId);
    form.set("file", new Blob([new Uint8Array(pdfBytes)]), "evidence.pdf");
    const { POST } = await import("@/app/api/v1/attachments/route");
    const request = new NextRequest(`${origin}/api/v1/attachments`, { method: "POST", headers: { host: "localhost:3000", origin }, body: form });
    return POST(request, { params: Promise.resolve({}) });
  };
  beforeAll(() => setObjectStore(createDiskStore(storeDir)));
  afterAll(() => {
    setObjectStore(undefined);
    fs.rmSync(storeDir, { recursive: true, force: true });
  });

  const attachMatrix = roles.flatMap((role) => unitTargets.map((target) => ({ role, target })));
  it.each(attachMatrix)("attach to a draft report and to the measure as $role on $target", async ({ role, target }) => {
    const { measure, recordUnitIds } = await measureFor(fixture, target);
    const reportUnit = target === "otherUnit" ? fixture.otherUnitId : fixture.ownUnitId;
    const author = await seedUser(db, "OFFICIAL", reportUnit);
    const report = await seedReport(db, measure.id, reportUnit, author.id, currentPeriod(), "DRAFT");
    const actor = await seedUser(db, role as Role, fixture.ownUnitId);
    const user = { role: role as Role, unitId: fixture.ownUnitId };
    await signInAs(actor);

    const onReport = await post("report", report.id);
    expect(onReport.status).toBe(can(user, "report.write", recordUnitIds) && reportUnit === fixture.ownUnitId ? 201 : 403);
    const onMeasure = await post("measure", measure.id);
    expect(onMeasure.status).toBe(can(user, "measure.editOwner", recordUnitIds) && can(user, "attachment.write", recordUnitIds) ? 201 : 403);
  });

  it.each(roles)("open: %s sees a submitted report's file, never another unit's draft", async (role) => {
    const { measure } = await measureFor(fixture, "otherUnit");
    const author = await seedUser(db, "OFFICIAL", fixture.otherUnitId);
    const draft = await seedReport(db, measure.id, fixture.otherUnitId, author.id, currentPeriod(), "DRAFT");
    await signInAs(author);
    const { id } = await (await post("report", draft.id)).json();
    const { GET } = await import("@/app/api/v1/attachments/[id]/route");
    const open = () => GET(new NextRequest(`${origin}/api/v1/attachments/${id}`, { headers: { host: "localhost:3000" } }), { params: Promise.resolve({ id }) });
    await signInAs(await seedUser(db, role as Role, fixture.ownUnitId));
    expect((await open()).status).toBe(404);
    await db.progressReport.update({ where: { id: draft.id }, data: { state: "SUBMITTED" } });
    expect((await open()).status).toBe(200);
    await signInAs(null);
    expect((await open()).status).toBe(401);
  });

  it.each(roles)("evidence zip: %s gets a submitted report's file, never another unit's draft", async (role) => {
    const { measure } = await measureFor(fixture, "otherUnit");
    const author = await seedUser(db, "OFFICIAL", fixture.otherUnitId);
    const draft = await seedReport(db, measure.id, fixture.otherUnitId, author.id, currentPeriod(), "DRAFT");
    await signInAs(author);
    expect((await post("report", draft.id)).status).toBe(201);
    const { GET } = await import("@/app/api/v1/measures/[code]/evidence.zip/route");
    const zip = () =>
      GET(new NextRequest(`${origin}/api/v1/measures/${measure.code}/evidence.zip`, { headers: { host: "localhost:3000" } }), { params: Promise.resolve({ code: measure.code }) });
    const entries = async () => {
      const response = await zip();
      expect(response.status).toBe(can({ role: role as Role, unitId: fixture.ownUnitId }, "attachment.read", [fixture.otherUnitId]) ? 200 : 404);
      const { default: JSZip } = await import("jszip");
      return Object.keys((await JSZip.loadAsync(Buffer.from(await response.arrayBuffer()))).files).filter((name) => !name.endsWith("/"));
    };
    await signInAs(await seedUser(db, role as Role, fixture.ownUnitId));
    expect(await entries()).toEqual([]);
    await db.progressReport.update({ where: { id: draft.id }, data: { state: "SUBMITTED" } });
    expect(await entries()).toHaveLength(1);
    await signInAs(null);
    expect((await zip()).status).toBe(401);
  });
});
