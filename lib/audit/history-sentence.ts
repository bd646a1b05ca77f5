import { createTranslator } from "next-intl";
import type { Role } from "@/generated/prisma/enums";
import { CREDIBILITY_RULES } from "@/lib/credibility/rules";
import en from "@/messages/en.json";
import zh from "@/messages/zh-CN.json";

type Names = { nameZh: string; nameEn: string };

/** What a sentence is made of: an audit event, and the names of what it refers to by id. */
export type HistoryFacts = {
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  /** Null for the system (an automatic notice, the first admin account). */
  actor: { displayName: string; role: Role; unit: Names | null } | null;
  /** The report a report.* event is about. */
  report?: { period: Date; unit: Names } | null;
  /** The milestone a milestone.* event is about. */
  milestone?: { titleZh: string; titleEn: string } | null;
  /** Names of the records a payload refers to by id (a user's unit, a unit's city), and of the account a user.* event is about. */
  names?: Record<string, Names>;
};

type Json = Record<string, unknown>;
const record = (value: unknown): Json => (value && typeof value === "object" && !Array.isArray(value) ? (value as Json) : {});
const text = (value: unknown): string | null => (typeof value === "string" && value.trim() !== "" ? value : null);
const number = (value: unknown): number | null => (typeof value === "number" ? value : typeof value === "string" && value !== "" && !Number.isNaN(Number(value)) ? Number(value) : null);

/**
 * One audit event as a sentence in the reader's language: who (role or unit, and
 * name) did what, with values before → after formatted (percent, dates, states
 * through their translations, units by name), never raw JSON or ids. Pure: the
 * caller loads the names (lib/audit/list-measure-history.ts).
 */
export function historySentence(facts: HistoryFacts, locale: string): string {
  const lang = locale === "en" ? "en" : "zh-CN";
  const messages = lang === "en" ? en : zh;
  const root = createTranslator({ locale: lang, messages });
  const t = createTranslator({ locale: lang, messages, namespace: "historySentences" });
  const name = (names: Names | null | undefined) => (names ? (lang === "en" ? names.nameEn || names.nameZh : names.nameZh) : null);
  const dateFormat = new Intl.DateTimeFormat(lang, { dateStyle: "long", timeZone: "UTC" });
  const day = (value: unknown) => {
    const iso = text(value);
    return iso && /^\d{4}-\d{2}-\d{2}/.test(iso) ? dateFormat.format(new Date(`${iso.slice(0, 10)}T00:00:00Z`)) : t("empty");
  };
  const instantDay = (value: unknown) => {
    const iso = text(value);
    return iso ? new Intl.DateTimeFormat(lang, { dateStyle: "long", timeZone: "Asia/Shanghai" }).format(new Date(iso)) : t("empty");
  };
  const percent = (value: unknown) => {
    const n = number(value);
    return n === null ? t("empty") : new Intl.NumberFormat(lang, { style: "percent", maximumFractionDigits: 1 }).format(n / 100);
  };
  const plain = (value: unknown) => {
    if (typeof value === "boolean") return value ? t("on") : t("off");
    if (typeof value === "number") return new Intl.NumberFormat(lang).format(value);
    return text(value) ?? t("empty");
  };
  const clause = (key: "reason" | "comment", value: unknown) => (text(value) ? t(`clause.${key}`, { text: text(value)! }) : "");
  const serial = (value: unknown) => {
    const [year, num] = (text(value) ?? "").split("-");
    return year && num ? root("notices.label", { year, number: num }) : t("aNotice");
  };
  const known = <K extends string>(keys: readonly K[], value: unknown): K | null => (keys.includes(value as K) ? (value as K) : null);
  const status = (value: unknown) => {
    const key = known(["NOT_STARTED", "IN_PROGRESS", "COMPLETED", "SUSPENDED"], value);
    return key ? root(`status.${key}`) : t("empty");
  };
  const level = (value: unknown) => {
    const key = known(["REMINDER", "SUPERVISE", "SPECIAL"], value);
    return key ? root(`notices.levels.${key}`) : t("empty");
  };
  const role = (value: unknown) => {
    const key = known(["ADMIN", "LEADER", "INSPECTOR", "OFFICIAL", "VIEWER"], value);
    return key ? root(`roles.${key}`) : t("empty");
  };
  const unitKind = (value: unknown) => {
    const key = known(["CITY_GOVERNMENT", "PROVINCIAL_DEPARTMENT", "MUNICIPAL_DEPARTMENT", "OTHER"], value);
    return key ? root(`unitKinds.${key}`) : t("empty");
  };
  const byId = (value: unknown) => (text(value) ? name(facts.names?.[text(value)!]) : null);
  /** "field from a to b; …" for the fields that differ, each value formatted its own way. */
  const changes = (fields: Record<string, { label: string; format: (value: unknown) => string | null }>, before: Json, after: Json) => {
    const parts = Object.entries(fields)
      .filter(([key]) => key in after && JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null))
      .map(([key, field]) => {
        const [from, to] = [field.format(before[key]), field.format(after[key])];
        return from === null || to === null ? t("changedOnly", { field: field.label }) : t("change", { field: field.label, from, to });
      });
    return parts.length ? t("clause.changes", { changes: parts.join(t("separator")) }) : "";
  };

  const before = record(facts.before);
  const after = record(facts.after);
  const actor = facts.actor
    ? facts.actor.role === "OFFICIAL" && facts.actor.unit
      ? t("actorOfUnit", { unit: name(facts.actor.unit)!, name: facts.actor.displayName })
      : t("actorOfRole", { role: root(`roles.${facts.actor.role}`), name: facts.actor.displayName })
    : t("system");
  const milestone = facts.milestone ? (lang === "en" ? facts.milestone.titleEn || facts.milestone.titleZh : facts.milestone.titleZh) : (text(after.titleZh) ?? t("aMilestone"));
  const report = {
    period: facts.report
      ? new Intl.DateTimeFormat(lang, { year: "numeric", month: "long", timeZone: "UTC" }).format(facts.report.period)
      : text(after.period) ?? "",
    unit: name(facts.report?.unit) ?? "",
  };
  const subject = name(facts.names?.[facts.entityId]) ?? text(after.displayName) ?? text(after.loginName) ?? t("anAccount");
  const percentClause =
    "percentComplete" in before && number(before.percentComplete) !== number(after.percentComplete)
      ? t("clause.percentChanged", { from: percent(before.percentComplete), to: percent(after.percentComplete) })
      : t("clause.percent", { percent: percent(after.percentComplete) });
  const unitFields = {
    code: { label: t("fields.code"), format: plain },
    nameZh: { label: t("fields.nameZh"), format: plain },
    nameEn: { label: t("fields.nameEn"), format: plain },
    kind: { label: t("fields.kind"), format: unitKind },
    cityId: { label: t("fields.city"), format: (value: unknown) => (value === null ? t("empty") : byId(value)) },
    active: { label: t("fields.active"), format: (value: unknown) => (value ? t("active") : t("inactive")) },
    webhook: { label: t("fields.webhook"), format: (value: unknown) => (value ? t("set") : t("notSet")) },
  };
  const importFields = Object.fromEntries(
    (["title", "description", "leadUnit", "cooperatingUnits", "responsiblePerson", "dueDate", "kpiName", "kpiUnit", "kpiTarget", "investmentPlanned", "area", "cities"] as const).map(
      (field) => [field, { label: root(`measureImport.fields.${field}`), format: plain }],
    ),
  );

  /** Catalogue fields under the labels of the catalogue editor; dates formatted, ongoing as on/off. */
  const catalogueFields = (keys: readonly string[]) =>
    Object.fromEntries(
      keys.map((key) => [
        key,
        { label: root(`catalogueEditor.fields.${key as "code"}`), format: key === "startDate" || key === "dueDate" ? day : plain },
      ]),
    );

  switch (facts.action) {
    case "measure.editOwner":
      return t("measure_editOwner", { actor, from: plain(before.responsiblePerson), to: plain(after.responsiblePerson) });
    case "measure.figuresFromReport":
      return t("measure_figuresFromReport", { actor, from: percent(before.percentComplete), to: percent(after.percentComplete) }) +
        (before.status !== after.status ? t("clause.status", { from: status(before.status), to: status(after.status) }) : "");
    case "measure.closeOut":
      return t("measure_closeOut", { actor, from: percent(before.percentComplete), to: percent(after.percentComplete) });
    case "measure.reopen":
      return t("measure_reopen", { actor, reason: clause("reason", after.reason) });
    case "measure.importCreate":
      return t("measure_importCreate", {
        actor,
        code: plain(after.code),
        changes: t("clause.changes", {
          changes: Object.entries(importFields)
            .filter(([key]) => text(after[key]))
            .map(([key, field]) => t("fieldValue", { field: field.label, value: plain(after[key]) }))
            .join(t("separator")),
        }),
      });
    case "area.importCreate":
      return t("area_importCreate", { actor, code: plain(after.code), title: lang === "en" ? plain(after.titleEn) : plain(after.titleZh) });
    case "measure.importUpdate":
      return t("measure_importUpdate", { actor, changes: changes(importFields, before, after) });
    case "milestone.add":
      return t("milestone_add", { actor, title: milestone, due: day(after.dueDate) });
    case "milestone.complete":
      return t("milestone_complete", { actor, title: milestone, date: day(after.completedOn) });
    case "milestone.undoComplete":
      return t("milestone_undoComplete", { actor, title: milestone, date: day(before.completedOn) });
    case "milestone.reschedule":
      return t("milestone_reschedule", { actor, title: milestone, from: day(before.dueDate), to: day(after.dueDate), reason: clause("reason", after.reason) });
    case "extension.request":
      return t("extension_request", { actor, from: day(after.from), to: day(after.to), reason: clause("reason", after.reason) });
    case "extension.approve":
      return t("extension_approve", { actor, from: day(before.dueDate), to: day(after.dueDate), comment: clause("comment", after.comment) });
    case "extension.reject":
      return t("extension_reject", { actor, date: day(before.dueDate), comment: clause("comment", after.comment) });
    case "report.save":
      return t("report_save", { actor, period: report.period, percent: percentClause });
    case "report.submit":
      return t("report_submit", { actor, period: report.period, percent: percentClause });
    case "report.submitOnBehalf":
      return t("report_submitOnBehalf", { actor, unit: report.unit || plain(after.onBehalfOf), period: report.period, percent: percentClause });
    case "report.approve":
      return t("report_approve", { actor, unit: report.unit, period: report.period, comment: clause("comment", after.comment) });
    case "report.return":
      return t("report_return", { actor, unit: report.unit, period: report.period, reason: clause("reason", after.comment) });
    case "report.explainFlag": {
      const rule = known(CREDIBILITY_RULES, after.rule);
      return root("credibility.history", {
        actor,
        unit: report.unit,
        period: report.period,
        rule: rule ? root(`credibility.rules.${rule}.label`) : plain(after.rule),
        note: plain(after.note),
      });
    }
    case "notice.issue":
      return t("notice_issue", { actor, serial: serial(after.serial), level: level(after.level), due: day(after.replyDueDate) });
    case "notice.reply":
      return t("notice_reply", { actor, serial: serial(after.serial) }) + (text(after.newDueDate) ? t("clause.newDueDate", { date: day(after.newDueDate) }) : "");
    case "notice.accept":
      return t("notice_accept", { actor, serial: serial(after.serial), comment: clause("comment", after.comment) });
    case "notice.return":
      return t("notice_return", { actor, serial: serial(after.serial), reason: clause("reason", after.comment) });
    case "notice.escalate":
      return t("notice_escalate", { actor, serial: serial(after.serial), from: level(before.level), to: level(after.level) });
    case "user.create":
      return t("user_create", { actor, name: plain(after.displayName), login: plain(after.loginName), role: role(after.role) });
    case "user.updateAccess":
      return t("user_updateAccess", {
        actor,
        name: plain(after.displayName),
        changes: changes(
          {
            displayName: { label: t("fields.displayName"), format: plain },
            role: { label: t("fields.role"), format: role },
            unitId: { label: t("fields.unit"), format: (value) => (value === null ? t("empty") : byId(value)) },
          },
          before,
          after,
        ),
      });
    case "user.enable":
      return t("user_enable", { actor, name: plain(after.displayName) });
    case "user.disable":
      return t("user_disable", { actor, name: plain(after.displayName) });
    case "user.resetPassword":
      return t("user_resetPassword", { actor, name: subject });
    case "user.changeOwnPassword":
      return t("user_changeOwnPassword", { actor });
    case "user.signOutEverywhere":
      return t("user_signOutEverywhere", { actor });
    case "user.weakPasswordFlagged":
      return t("user_weakPasswordFlagged", { actor });
    case "user.bootstrapAdmin":
      return t("user_bootstrapAdmin", { actor, login: plain(after.loginName) });
    case "user.adminCreate":
      return t("user_adminCreate", { actor, login: plain(after.loginName) });
    case "user.replacePublishedPassword":
      return t("user_replacePublishedPassword", { actor, name: subject });
    case "unit.create":
      return t("unit_create", { actor, name: name({ nameZh: plain(after.nameZh), nameEn: plain(after.nameEn) })!, kind: unitKind(after.kind) });
    case "unit.update":
      return t("unit_update", { actor, name: name({ nameZh: plain(after.nameZh), nameEn: plain(after.nameEn) })!, changes: changes(unitFields, before, after) });
    case "unitAlias.create":
      return t("unitAlias_create", { actor, alias: plain(after.alias) });
    case "unitAlias.delete":
      return t("unitAlias_delete", { actor, alias: plain(before.alias) });
    case "attachment.add":
    case "attachment.delete":
    case "attachment.download": {
      const parent = known(["report", "milestone", "extension", "measure"], after.parent) ?? "measure";
      const target =
        parent === "report" && report.period
          ? t("attachmentTarget.report", { period: report.period })
          : parent === "milestone"
            ? t("attachmentTarget.milestone", { title: milestone })
            : t(`attachmentTarget.${parent}`);
      return t(facts.action.replace(".", "_") as "attachment_add", { actor, name: plain(after.name), target });
    }
    case "apiToken.create":
      return t("apiToken_create", { actor, name: plain(after.name), date: instantDay(after.expiresAt) });
    case "apiToken.revoke":
      return t("apiToken_revoke", { actor, name: plain(after.name) });
    case "bulletin.narrativeSave": {
      // The summary in one line, shortened: the history names the edit, the bulletin holds the text.
      const summary = (text(after.text) ?? "").replace(/\s+/g, " ");
      const period = /^\d{4}-\d{2}$/.test(text(after.month) ?? "") ? new Intl.DateTimeFormat(lang, { year: "numeric", month: "long", timeZone: "UTC" }).format(new Date(`${after.month}-01T00:00:00Z`)) : t("empty");
      return root("bulletinNarrative.history", {
        actor,
        month: period,
        lang: root(`bulletinNarrative.languages.${known(["zh-CN", "en"], after.lang) ?? "zh-CN"}`),
        text: summary.length > 60 ? `${summary.slice(0, 60)}…` : summary,
      });
    }
    case "settings.update":
      return settingsSentence(facts.entityId, actor, before, after, { t, root, changes, plain });
    case "auth.login.succeeded":
      return t("auth_login_succeeded", { actor, ip: plain(after.ip) });
    case "auth.login.failed":
      return t("auth_login_failed", { login: facts.entityId, ip: plain(after.ip) });
    case "auth.login.throttled":
      return text(after.loginName)
        ? t("auth_login_throttledName", { login: text(after.loginName)!, ip: plain(after.ip), failures: number(after.failures) ?? 0 })
        : t("auth_login_throttledAddress", { ip: plain(after.ip), failures: number(after.failures) ?? 0 });
    case "measure.create":
      return t("measure_create", {
        actor,
        code: plain(after.code),
        changes: t("clause.changes", {
          changes: Object.entries(catalogueFields(["titleZh", "area", "leadUnit", "startDate", "dueDate"]))
            .filter(([key]) => text(after[key]))
            .map(([key, field]) => t("fieldValue", { field: field.label, value: field.format(after[key])! }))
            .join(t("separator")),
        }),
      });
    case "measure.update":
      return t("measure_update", { actor, changes: changes(catalogueFields(measureFieldKeys), before, after) || t("noChanges") });
    case "measure.suspend":
      return t("measure_suspend", { actor, reason: clause("reason", after.reason) });
    case "measure.resume":
      return t("measure_resume", { actor, status: status(after.status) });
    case "programme.create":
    case "area.create":
      return t(facts.action === "area.create" ? "area_create" : "programme_create", { actor, title: plain(lang === "en" ? after.titleEn || after.titleZh : after.titleZh) });
    case "programme.update":
    case "area.update":
      return t(facts.action === "area.update" ? "area_update" : "programme_update", {
        actor,
        title: plain(lang === "en" ? after.titleEn || after.titleZh : after.titleZh),
        changes: changes(catalogueFields(["titleZh", "titleEn", "descriptionZh", "descriptionEn", "programme", "sortOrder"]), before, after) || t("noChanges"),
      });
    case "comment.add":
      return t("comment_add", { actor, excerpt: excerpt(after.body) });
    case "comment.edit":
      return t("comment_edit", { actor, excerpt: excerpt(after.body) });
    case "comment.delete":
      return t("comment_delete", { actor, excerpt: excerpt(before.body) });
    default:
      return t("unknown", { actor });
  }
}

/** The measure fields an edit may change, in the catalogue editor's order. */
const measureFieldKeys = [
  "area", "titleZh", "titleEn", "descriptionZh", "descriptionEn", "leadUnit", "cooperatingUnits", "cities", "responsiblePerson",
  "startDate", "dueDate", "ongoing", "kpiNameZh", "kpiNameEn", "kpiUnit", "kpiBaseline", "kpiTarget", "investmentPlanned",
] as const;
/** A comment's text in one line, cut short for a history sentence. */
function excerpt(value: unknown): string {
  const line = (typeof value === "string" ? value : "").replace(/\s+/g, " ").trim();
  return line.length > 60 ? `${line.slice(0, 60)}…` : line;
}

type Tools = {
  t: ReturnType<typeof createTranslator<typeof zh, "historySentences">>;
  root: ReturnType<typeof createTranslator<typeof zh>>;
  changes: (fields: Record<string, { label: string; format: (value: unknown) => string | null }>, before: Json, after: Json) => string;
  plain: (value: unknown) => string;
};

/** A settings group and its changed values, each under the label its own form shows. */
function settingsSentence(group: string, actor: string, before: Json, after: Json, { t, root, changes, plain }: Tools): string {
  const labels: Record<string, Record<string, string>> = {
    tracking: {
      reportingDay: root("settings.reportingDay"),
      paceMarginPercent: root("settings.paceMarginPercent"),
      dueSoonDays: root("settings.dueSoonDays"),
    },
    reminders: {
      reportDueDays: root("reminders.reportDueDays"),
      milestoneDueDays: root("reminders.milestoneDueDays"),
      missingRepeatDays: root("reminders.missingRepeatDays"),
    },
    credibility: {
      jumpPoints: root("credibility.settings.jumpPoints"),
      outOfStepPoints: root("credibility.settings.outOfStepPoints"),
      copySimilarityPercent: root("credibility.settings.copySimilarityPercent"),
      lastMinuteMinutes: root("credibility.settings.lastMinuteMinutes"),
      lastMinuteMonths: root("credibility.settings.lastMinuteMonths"),
    },
    notices: {
      noticeRuleReminder: root("notices.settings.noticeRuleReminder"),
      noticeRuleSupervise: root("notices.settings.noticeRuleSupervise"),
      noticeRuleSpecial: root("notices.settings.noticeRuleSpecial"),
      noticeRuleEscalate: root("notices.settings.noticeRuleEscalate"),
      noticeReplyDays: root("notices.settings.noticeReplyDays"),
    },
  };
  const groupName = group === "tracking" || group === "reminders" || group === "notices" || group === "scoring" ? t(`settingGroups.${group}`) : t("settingGroups.other");
  const fields = Object.fromEntries(Object.entries(labels[group] ?? {}).map(([key, label]) => [key, { label, format: plain }]));
  return t("settings_update", { actor, group: groupName, changes: changes(fields, before, after) });
}
