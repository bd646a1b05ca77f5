import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FormAction } from "@/lib/auth/guard";
import { idleState } from "@/lib/errors/action-state";
import { decideExtensionAction, requestExtensionAction } from "@/lib/extensions/actions";
import { addMilestoneAction, completeMilestoneAction } from "@/lib/milestones/actions";
import { reviewReportAction, saveReportAction } from "@/lib/reports/actions";
import { getTrackingSettings } from "@/lib/tracking/settings";
import { updateTrackingSettingsAction } from "@/lib/tracking/actions";
import en from "@/messages/en.json";
import zh from "@/messages/zh-CN.json";
import { signInAs } from "../setup/request-context";
import { currentPeriod, seedArea, seedMeasure, seedReport, seedUnit, seedUser } from "./fixtures";
import { testDb } from "./helpers";

const db = testDb();
type Actor = "official" | "inspector" | "admin";
const actors = {} as Record<Actor, { id: string }>;
let measureCode: string;
let measureId: string;
let milestoneId: string;
let reportId: string;
let extensionId: string;

/** Row counts and versions that a rejected form must leave untouched. */
async function snapshot() {
  const [reports, milestones, extensions, audit, measure, settings] = await Promise.all([
    db.progressReport.count(),
    db.milestone.findMany({ orderBy: { id: "asc" }, select: { id: true, version: true, dueDate: true } }),
    db.extensionRequest.findMany({ orderBy: { id: "asc" }, select: { id: true, state: true, version: true } }),
    db.auditEvent.count(),
    db.measure.findUniqueOrThrow({ where: { id: measureId } }),
    getTrackingSettings(db),
  ]);
  return { reports, milestones, extensions, audit, measure, settings };
}

beforeAll(async () => {
  const unit = await seedUnit(db);
  const area = await seedArea(db);
  actors.official = await seedUser(db, "OFFICIAL", unit.id);
  actors.inspector = await seedUser(db, "INSPECTOR", null);
  actors.admin = await seedUser(db, "ADMIN", null);
  const measure = await seedMeasure(db, area.id, unit.id);
  measureCode = measure.code;
  measureId = measure.id;
  milestoneId = (await db.milestone.create({ data: { measureId, titleZh: "节点", titleEn: "M", dueDate: new Date("2026-06-30T00:00:00Z") } })).id;
  const other = await seedMeasure(db, area.id, unit.id);
  reportId = (await seedReport(db, other.id, unit.id, actors.official.id, "2026-10", "SUBMITTED")).id;
  extensionId = (
    await db.extensionRequest.create({
      data: { measureId: other.id, requestedById: actors.official.id, currentDueDate: other.dueDate!, requestedDueDate: new Date("2030-01-01T00:00:00Z"), reason: "原因" },
    })
  ).id;
});
afterAll(() => db.$disconnect());

const report = (overrides: Record<string, string>) => ({
  measureCode,
  period: currentPeriod(),
  percentComplete: "40",
  progress: "本月进展",
  problems: "",
  nextSteps: "",
  kpiActual: "",
  investmentCompleted: "",
  intent: "submit",
  ...overrides,
});

const rows: { name: string; actor: Actor; action: () => FormAction; form: () => Record<string, string>; field: string; key: string }[] = [
  { name: "report: blank progress", actor: "official", action: () => saveReportAction, form: () => report({ progress: "  " }), field: "progress", key: "required" },
  { name: "report: overlong progress", actor: "official", action: () => saveReportAction, form: () => report({ progress: "进".repeat(4001) }), field: "progress", key: "tooLong" },
  { name: "report: NUL in problems", actor: "official", action: () => saveReportAction, form: () => report({ problems: "a\u0000b" }), field: "problems", key: "forbiddenCharacters" },
  { name: "report: percent 150", actor: "official", action: () => saveReportAction, form: () => report({ percentComplete: "150" }), field: "percentComplete", key: "wholeNumberBetween" },
  { name: "report: percent text", actor: "official", action: () => saveReportAction, form: () => report({ percentComplete: "很多" }), field: "percentComplete", key: "wholeNumberBetween" },
  { name: "report: negative KPI", actor: "official", action: () => saveReportAction, form: () => report({ kpiActual: "-5" }), field: "kpiActual", key: "amountFormat" },
  { name: "report: SQL as investment", actor: "official", action: () => saveReportAction, form: () => report({ investmentCompleted: "1; DROP TABLE x" }), field: "investmentCompleted", key: "amountFormat" },
  { name: "report: month 13", actor: "official", action: () => saveReportAction, form: () => report({ period: "2026-13" }), field: "period", key: "invalid" },
  { name: "report: future month", actor: "official", action: () => saveReportAction, form: () => report({ period: "2099-01" }), field: "period", key: "periodInFuture" },
  { name: "report: completion at 90 %", actor: "official", action: () => saveReportAction, form: () => report({ percentComplete: "90", isCompletion: "on" }), field: "percentComplete", key: "completionNeeds100" },
  { name: "review: return without comment", actor: "inspector", action: () => reviewReportAction, form: () => ({ reportId, version: "1", decision: "return", comment: " " }), field: "comment", key: "returnNeedsComment" },
  { name: "milestone: 30 February", actor: "official", action: () => addMilestoneAction, form: () => ({ measureCode, titleZh: "节点", titleEn: "M", dueDate: "2027-02-30" }), field: "dueDate", key: "dateFormat" },
  { name: "milestone: blank title", actor: "official", action: () => addMilestoneAction, form: () => ({ measureCode, titleZh: "", titleEn: "M", dueDate: "2027-02-28" }), field: "titleZh", key: "required" },
  { name: "milestone: done in the future", actor: "official", action: () => completeMilestoneAction, form: () => ({ milestoneId, version: "1", completedOn: "2099-01-01" }), field: "completedOn", key: "dateInFuture" },
  { name: "extension: no reason", actor: "official", action: () => requestExtensionAction, form: () => ({ measureCode, requestedDueDate: "2030-01-01", reason: "" }), field: "reason", key: "required" },
  { name: "extension: HTML as date", actor: "official", action: () => requestExtensionAction, form: () => ({ measureCode, requestedDueDate: "<b>soon</b>", reason: "原因" }), field: "requestedDueDate", key: "dateFormat" },
  { name: "extension: reject without comment", actor: "inspector", action: () => decideExtensionAction, form: () => ({ extensionId, version: "1", decision: "reject", comment: "" }), field: "comment", key: "rejectNeedsComment" },
  { name: "settings: reporting day 31", actor: "admin", action: () => updateTrackingSettingsAction, form: () => ({ reportingDay: "31", paceMarginPercent: "10", dueSoonDays: "30" }), field: "reportingDay", key: "wholeNumberBetween" },
  { name: "settings: margin as text", actor: "admin", action: () => updateTrackingSettingsAction, form: () => ({ reportingDay: "28", paceMarginPercent: "ten", dueSoonDays: "30" }), field: "paceMarginPercent", key: "wholeNumberBetween" },
];

describe("[INPUT] workflow forms: a clear field error, what was typed kept, nothing written", () => {
  it.each(rows)("$name → $key", async ({ actor, action, form, field, key }) => {
    await signInAs(actors[actor]);
    const before = await snapshot();
    const values = form();
    const data = new FormData();
    for (const [name, value] of Object.entries(values)) data.set(name, value);
    const state = await action()(idleState, data);
    expect(state).toMatchObject({ status: "error", code: "VALIDATION" });
    if (state.status !== "error") return;
    expect(state.fieldErrors[field]?.key).toBe(key);
    expect(Object.keys(zh.fieldErrors)).toContain(key);
    expect(Object.keys(en.fieldErrors)).toContain(key);
    expect(state.values).toEqual(values);
    expect(await snapshot()).toEqual(before);
  });
});
