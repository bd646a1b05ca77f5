import { describe, expect, it } from "vitest";
import { AUDIT_ACTIONS, type AuditAction } from "@/lib/audit/audit-actions";
import { historySentence, type HistoryFacts } from "@/lib/audit/history-sentence";

/** Ids as the database makes them (cuid) — a sentence must never show one. */
const MILESTONE_ID = "cmilestone0000000000000001";
const NOTICE_ID = "cnotice000000000000000000001";
const REPORT_ID = "creport000000000000000000001";
const UNIT_ID = "cunit0000000000000000000001";
const CITY_ID = "ccity0000000000000000000001";
const USER_ID = "cuser0000000000000000000001";

const jinan = { nameZh: "济南市发展和改革委员会", nameEn: "Jinan Development and Reform Commission" };
const official = { displayName: "张某", role: "OFFICIAL" as const, unit: jinan };
const inspector = { displayName: "王某", role: "INSPECTOR" as const, unit: null };
const admin = { displayName: "李某", role: "ADMIN" as const, unit: null };
const report = { period: new Date("2026-12-01T00:00:00Z"), unit: jinan };
const milestone = { titleZh: "方案印发", titleEn: "Plan issued" };
const names = {
  [UNIT_ID]: { nameZh: "淄博市人民政府", nameEn: "Zibo Municipal Government" },
  [CITY_ID]: { nameZh: "淄博市", nameEn: "Zibo" },
  [USER_ID]: { nameZh: "赵某", nameEn: "Zhao" },
};
const userSnapshot = { loginName: "zhao", displayName: "赵某", role: "OFFICIAL", unitId: null, active: true, version: 1 };
const unitSnapshot = { code: "zb-gov", nameZh: "淄博市人民政府", nameEn: "Zibo Municipal Government", kind: "OTHER", cityId: null, active: true, version: 1, webhook: false };

const measureSnapshot = {
  code: "2.6.1", area: "2.6", titleZh: "新建措施", titleEn: "", descriptionZh: "", descriptionEn: "", leadUnit: "jn-drc", cooperatingUnits: "zb-gov",
  cities: "jinan, zibo", responsiblePerson: null, startDate: "2026-12-01", dueDate: "2027-06-30", ongoing: false, kpiNameZh: null, kpiNameEn: null,
  kpiUnit: null, kpiBaseline: null, kpiTarget: "100", investmentPlanned: "5000", version: 2,
};
const programmeSnapshot = { code: "P3", titleZh: "都市圈规划", titleEn: "Metropolitan plan", descriptionZh: "", descriptionEn: "", sortOrder: 3, version: 1 };
const areaSnapshot = { code: "2.6", programme: "P2", titleZh: "交通", titleEn: "Transport", sortOrder: 6, version: 1 };

type Sample = Omit<HistoryFacts, "action" | "entityType" | "entityId"> & { entityType?: string; entityId?: string };

/** One event of every action, with the payload its use-case writes (lib/**: recordAuditEvent). */
const samples: Record<AuditAction, Sample> = {
  "measure.editOwner": { actor: official, before: { responsiblePerson: "王五", version: 3 }, after: { responsiblePerson: "赵六（科长）", version: 4 } },
  "measure.figuresFromReport": { actor: inspector, before: { percentComplete: 76, status: "NOT_STARTED", version: 2 }, after: { percentComplete: 80, status: "IN_PROGRESS", report: REPORT_ID } },
  "measure.closeOut": { actor: inspector, before: { percentComplete: 90, status: "IN_PROGRESS", version: 2 }, after: { percentComplete: 100, status: "COMPLETED", report: REPORT_ID } },
  "measure.reopen": { actor: inspector, before: { status: "COMPLETED" }, after: { status: "IN_PROGRESS", reason: "尚有收尾工作" } },
  "measure.importCreate": { actor: admin, before: null, after: { code: "9.9.9", title: "新任务", leadUnit: "淄博市人民政府", dueDate: "2027-06-30" } },
  "measure.importUpdate": { actor: admin, before: { leadUnit: "济南市发展和改革委员会", version: 1 }, after: { leadUnit: "淄博市人民政府", version: 2 } },
  "milestone.add": { actor: official, milestone, before: null, after: { milestone: MILESTONE_ID, titleZh: "方案印发", dueDate: "2026-12-31" } },
  "milestone.complete": { actor: official, milestone, before: { milestone: MILESTONE_ID, dueDate: "2026-12-31", completedOn: null }, after: { milestone: MILESTONE_ID, completedOn: "2026-12-20" } },
  "milestone.undoComplete": { actor: official, milestone, before: { milestone: MILESTONE_ID, completedOn: "2026-12-20" }, after: { milestone: MILESTONE_ID, completedOn: null } },
  "milestone.reschedule": { actor: official, milestone, before: { milestone: MILESTONE_ID, dueDate: "2026-12-31", completedOn: null }, after: { milestone: MILESTONE_ID, dueDate: "2027-03-31", reason: "前期手续延后" } },
  "extension.request": { actor: official, before: null, after: { extension: "cext", from: "2026-12-31", to: "2027-06-30", reason: "资金未到位" } },
  "extension.approve": { actor: inspector, before: { dueDate: "2026-12-31" }, after: { extension: "cext", dueDate: "2027-06-30", comment: "同意" } },
  "extension.reject": { actor: inspector, before: { dueDate: "2026-12-31" }, after: { extension: "cext", dueDate: "2026-12-31", comment: "理由不充分" } },
  "report.save": { actor: official, report, before: null, after: { state: "DRAFT", percentComplete: 50, period: "2026-12", measure: "2.2.4" } },
  "report.submit": { actor: official, report, before: { state: "DRAFT", percentComplete: 76, version: 1 }, after: { state: "SUBMITTED", percentComplete: 80, period: "2026-12", measure: "2.2.4" } },
  "report.approve": { actor: inspector, report, before: { state: "SUBMITTED" }, after: { state: "APPROVED", comment: "" } },
  "report.return": { actor: inspector, report, before: { state: "SUBMITTED" }, after: { state: "RETURNED", comment: "请补充量化数据" } },
  "report.explainFlag": { actor: inspector, report, before: null, after: { rule: "jump", note: "本月完成主体工程验收" } },
  "notice.issue": { actor: inspector, before: null, after: { notice: NOTICE_ID, serial: "2026-12", level: "SPECIAL", replyDueDate: "2026-12-10" } },
  "notice.reply": { actor: official, before: { notice: NOTICE_ID, state: "OPEN" }, after: { notice: NOTICE_ID, serial: "2026-12", reply: "crep", state: "REPLIED", newDueDate: "2027-01-31" } },
  "notice.accept": { actor: inspector, before: { notice: NOTICE_ID, state: "REPLIED" }, after: { notice: NOTICE_ID, serial: "2026-12", reply: "crep", state: "ACCEPTED", comment: "" } },
  "notice.return": { actor: inspector, before: { notice: NOTICE_ID, state: "REPLIED" }, after: { notice: NOTICE_ID, serial: "2026-12", reply: "crep", state: "RETURNED", comment: "回复过于笼统" } },
  "notice.escalate": { actor: inspector, before: { notice: NOTICE_ID, state: "OPEN", level: "REMINDER" }, after: { notice: NOTICE_ID, serial: "2026-12", state: "ESCALATED", level: "SUPERVISE" } },
  "user.create": { actor: admin, entityType: "User", entityId: USER_ID, before: null, after: userSnapshot },
  "user.updateAccess": { actor: admin, entityType: "User", entityId: USER_ID, names, before: userSnapshot, after: { ...userSnapshot, role: "INSPECTOR", unitId: UNIT_ID, version: 2 } },
  "user.enable": { actor: admin, entityType: "User", entityId: USER_ID, before: { ...userSnapshot, active: false }, after: userSnapshot },
  "user.disable": { actor: admin, entityType: "User", entityId: USER_ID, before: userSnapshot, after: { ...userSnapshot, active: false } },
  "user.resetPassword": { actor: admin, entityType: "User", entityId: USER_ID, names, before: null, after: { mustChangePassword: true, revokedApiTokens: 1 } },
  "user.changeOwnPassword": { actor: official, entityType: "User", entityId: USER_ID, before: null, after: null },
  "user.signOutEverywhere": { actor: official, entityType: "User", entityId: USER_ID, before: null, after: null },
  "user.weakPasswordFlagged": { actor: official, entityType: "User", entityId: USER_ID, before: null, after: { mustChangePassword: true } },
  "user.bootstrapAdmin": { actor: null, entityType: "User", entityId: USER_ID, before: null, after: { loginName: "admin", role: "ADMIN", mustChangePassword: true, reset: false } },
  "user.adminCreate": { actor: null, entityType: "User", entityId: USER_ID, before: null, after: { loginName: "admin2", role: "ADMIN", mustChangePassword: true, reset: true } },
  "user.replacePublishedPassword": { actor: null, entityType: "User", entityId: USER_ID, names, before: null, after: { mustChangePassword: true } },
  "unit.create": { actor: admin, entityType: "Unit", entityId: UNIT_ID, before: null, after: unitSnapshot },
  "unit.update": { actor: admin, entityType: "Unit", entityId: UNIT_ID, names, before: unitSnapshot, after: { ...unitSnapshot, cityId: CITY_ID, webhook: true, version: 2 } },
  "unitAlias.create": { actor: admin, entityType: "Unit", entityId: UNIT_ID, before: null, after: { alias: "省发改委", source: "import" } },
  "unitAlias.delete": { actor: admin, entityType: "Unit", entityId: UNIT_ID, before: { alias: "省发改委" }, after: null },
  "apiToken.create": { actor: official, entityType: "ApiToken", entityId: "ctok", before: null, after: { name: "报表同步", prefix: "ls_ab12", scope: "READ", expiresAt: "2027-01-31T16:00:00.000Z" } },
  "apiToken.revoke": { actor: official, entityType: "ApiToken", entityId: "ctok", before: null, after: { name: "报表同步", prefix: "ls_ab12" } },
  "bulletin.narrativeSave": {
    actor: inspector,
    entityType: "BulletinNarrative",
    before: { text: "截至2026年11月底……", version: 1 },
    after: { month: "2026-11", scope: "P1|||", lang: "zh-CN", text: "截至2026年11月底，纳入统计的12项措施中已完成3项。", version: 2 },
  },
  "settings.update": { actor: admin, entityType: "Setting", entityId: "tracking", before: { reportingDay: 28, paceMarginPercent: 10, dueSoonDays: 30 }, after: { reportingDay: 25, paceMarginPercent: 10, dueSoonDays: 30 } },
  "auth.login.succeeded": { actor: official, entityType: "User", entityId: USER_ID, before: null, after: { ip: "10.0.0.8" } },
  "auth.login.failed": { actor: null, entityType: "Login", entityId: "zhao", before: null, after: { ip: "10.0.0.8" } },
  "auth.login.throttled": { actor: null, entityType: "Login", entityId: "zhao", before: null, after: { ip: "10.0.0.8", loginName: "zhao", failures: 8, throttledAttempts: 2 } },
  "area.importCreate": { actor: admin, entityType: "Area", entityId: "carea", before: null, after: { code: "3", titleZh: "数字经济", titleEn: "Digital economy", programme: "P1", section: "数字经济" } },
  "report.submitOnBehalf": { actor: inspector, report, before: null, after: { state: "SUBMITTED", percentComplete: 60, period: "2026-12", measure: "2.2.4", onBehalfOf: "jn-fgw" } },
  "measure.create": { actor: admin, before: null, after: { ...measureSnapshot, version: 1 } },
  "measure.update": { actor: admin, before: measureSnapshot, after: { ...measureSnapshot, dueDate: "2027-12-31", cooperatingUnits: "zb-gov, jn-drc", ongoing: false, version: 3 } },
  "measure.suspend": { actor: admin, before: { status: "IN_PROGRESS", version: 2 }, after: { status: "SUSPENDED", reason: "上级政策调整", version: 3 } },
  "measure.resume": { actor: admin, before: { status: "SUSPENDED", reason: "上级政策调整", version: 3 }, after: { status: "IN_PROGRESS", version: 4 } },
  "programme.create": { actor: admin, entityType: "Programme", entityId: "cprog", before: null, after: programmeSnapshot },
  "programme.update": { actor: admin, entityType: "Programme", entityId: "cprog", before: programmeSnapshot, after: { ...programmeSnapshot, titleEn: "Circle plan", version: 2 } },
  "area.create": { actor: admin, entityType: "Area", entityId: "carea", before: null, after: areaSnapshot },
  "area.update": { actor: admin, entityType: "Area", entityId: "carea", before: areaSnapshot, after: { ...areaSnapshot, titleZh: "交通互联", sortOrder: 3, version: 2 } },
  "comment.add": { actor: official, before: null, after: { comment: "ccomment", body: "请督查组\n@王某 看一下", mentions: [USER_ID] } },
  "comment.edit": { actor: official, before: { comment: "ccomment", body: "请看一下", version: 1 }, after: { comment: "ccomment", body: "请督查组看一下", version: 2 } },
  "comment.delete": { actor: admin, before: { comment: "ccomment", body: "发错了" }, after: { comment: "ccomment", deleted: true } },
  "attachment.add": { actor: official, report, entityType: "ProgressReport", entityId: REPORT_ID, before: null, after: { attachment: "catt", name: "现场照片.jpg", size: 1024, parent: "report" } },
  "attachment.delete": { actor: official, milestone, before: null, after: { attachment: "catt", name: "验收报告.pdf", size: 2048, parent: "milestone", milestone: MILESTONE_ID, deleted: true } },
  "attachment.download": { actor: inspector, entityType: "Attachment", entityId: "catt", before: null, after: { attachment: "catt", name: "方案.docx", size: 4096, parent: "measure" } },
};

const facts = (action: AuditAction): HistoryFacts => ({ action, entityType: "Measure", entityId: "cmeasure00000000000000001", ...samples[action] });

describe("[HISTORY] a sentence for every audit action", () => {
  it.each(AUDIT_ACTIONS.flatMap((action) => ["zh-CN", "en"].map((locale) => ({ action, locale }))))("$action in $locale", ({ action, locale }) => {
    const sentence = historySentence(facts(action), locale);
    expect(sentence).not.toMatch(/[{}[\]]|undefined|null|object|NaN/);
    expect(sentence).not.toMatch(/\bc[a-z0-9]{20,}\b/);
    expect(sentence).not.toContain(action);
    // The fallback for an action without a sentence of its own.
    expect(sentence).not.toBe(historySentence({ ...facts(action), action: "no.such.action" }, locale));
    const actor = samples[action].actor;
    if (actor) expect(sentence).toContain(actor.displayName);
  });

  it("says who returned which month's report, and why", () => {
    expect(historySentence(facts("report.return"), "zh-CN")).toBe("督查 王某 退回了济南市发展和改革委员会 2026年12月 报告，理由：请补充量化数据");
    expect(historySentence(facts("report.return"), "en")).toBe(
      "Inspector 王某 returned the December 2026 report of Jinan Development and Reform Commission. Reason: 请补充量化数据",
    );
  });

  it("names an official by unit, with the percent before and after", () => {
    expect(historySentence(facts("report.submit"), "zh-CN")).toBe("济南市发展和改革委员会 张某 报送了 2026年12月 报告，将完成比例由 76% 改为 80%");
    expect(historySentence(facts("measure.figuresFromReport"), "zh-CN")).toBe(
      "督查 王某 审核通过牵头单位报告，措施完成比例由 76% 改为 80%，状态由未启动改为推进中",
    );
  });

  it("names both the inspector and the unit of a report submitted on its behalf", () => {
    expect(historySentence(facts("report.submitOnBehalf"), "zh-CN")).toBe("督查 王某 代 济南市发展和改革委员会 报送了 2026年12月 报告，完成比例 60%");
    expect(historySentence(facts("report.submitOnBehalf"), "en")).toContain("on behalf of Jinan Development and Reform Commission");
  });

  it("formats dates, states and units by name", () => {
    expect(historySentence(facts("milestone.reschedule"), "zh-CN")).toBe(
      "济南市发展和改革委员会 张某 将节点“方案印发”的计划完成日期由 2026年12月31日 改为 2027年3月31日，理由：前期手续延后",
    );
    expect(historySentence(facts("notice.escalate"), "zh-CN")).toBe("督查 王某 将督办〔2026〕12号由提醒升级为督办");
    expect(historySentence(facts("attachment.add"), "zh-CN")).toBe("济南市发展和改革委员会 张某 上传了佐证材料“现场照片.jpg”（2026年12月 报告）");
    expect(historySentence(facts("attachment.delete"), "en")).toBe("张某 (Jinan Development and Reform Commission) removed the attachment “验收报告.pdf” (milestone “Plan issued”)");
    expect(historySentence(facts("user.updateAccess"), "en")).toBe(
      "Administrator 李某 changed the account 赵某: role from Official to Inspector; unit from (empty) to Zibo Municipal Government",
    );
    expect(historySentence(facts("measure.importCreate"), "zh-CN")).toBe(
      "系统管理员 李某 通过导入新建了措施 9.9.9：任务/措施：新任务；牵头单位：淄博市人民政府；完成时限：2027-06-30",
    );
    expect(historySentence(facts("milestone.complete"), "en")).toContain("“Plan issued” completed on December 20, 2026");
    expect(historySentence(facts("measure.update"), "zh-CN")).toBe("系统管理员 李某 修改了措施：配合单位由 zb-gov 改为 zb-gov, jn-drc；完成时限由 2027年6月30日 改为 2027年12月31日");
    expect(historySentence(facts("measure.suspend"), "en")).toBe("Administrator 李某 suspended the measure. Reason: 上级政策调整");
  });

  it("says who edited which bulletin's summary, quoting its start", () => {
    expect(historySentence(facts("bulletin.narrativeSave"), "zh-CN")).toBe("督查 王某 修改了2026年11月督查通报的综述（中文）：“截至2026年11月底，纳入统计的12项措施中已完成3项。”");
    expect(historySentence(facts("bulletin.narrativeSave"), "en")).toContain("edited the summary of the bulletin for November 2026 (Chinese)");
  });

  it("quotes a comment in one line, and keeps a deleted one's text", () => {
    expect(historySentence(facts("comment.add"), "zh-CN")).toBe("济南市发展和改革委员会 张某 发表了评论：“请督查组 @王某 看一下”");
    expect(historySentence(facts("comment.delete"), "en")).toBe("Administrator 李某 deleted a comment: “发错了”");
  });
});
