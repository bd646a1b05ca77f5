import { createHash } from "node:crypto";
import type { Prisma } from "@/generated/prisma/client";
import type { ReportState } from "@/generated/prisma/enums";
import type { SessionUser } from "@/lib/auth/session-user";
import { fieldError } from "@/lib/errors/app-error";
import { zodFieldErrors } from "@/lib/errors/map-error";
import { periodSchema, saveReportInputSchema, type SaveReportInput } from "@/lib/reports/schemas";
import { monthOf, parsePeriod } from "@/lib/tracking/dates";
import { type CollectionField, columnLetter, columnOf, INPUT_FIELDS, type InputField } from "./collection-format";
import type { CollectionIssue, CollectionPlan, CollectionPlanRow, CollectionWrite } from "./collection-types";
import { type CollectionMeasure, loadCollectionScope } from "./load-collection-scope";
import type { CollectionCell, CollectionFile, CollectionRow } from "./read-collection-workbook";
import type { CollectionIntent } from "./schemas";

type Reader = Pick<Prisma.TransactionClient, "unit" | "measure" | "progressReport">;

/** Message keys of cell problems the report rules name, as "reportCollection.issues" has them. */
const KNOWN_KEYS = new Set(["required", "invalid", "amountFormat", "tooLong", "forbiddenCharacters"]);

const targetState: Record<CollectionIntent, ReportState> = { save: "DRAFT", submit: "SUBMITTED" };

/**
 * What uploading this sheet would do, row by row, read against the database
 * as it is now (the caller's transaction at confirm). Each row is checked by
 * the report form's own schema; rows equal to the unit's report are
 * unchanged, so uploading the same file again writes nothing.
 */
export async function planReportCollection(db: Reader, user: SessionUser, file: CollectionFile, intent: CollectionIntent, today: Date) {
  if (!periodSchema.safeParse(file.period).success) throw fieldError("file", "reportCollection.errors.notCollectionFile");
  if (parsePeriod(file.period) > monthOf(today)) throw fieldError("file", "reportCollection.errors.periodInFuture", { period: file.period });
  // An unknown unit in the hidden sheet means the file was not made here (or was edited).
  if (!(await db.unit.count({ where: { code: file.unitCode } }))) throw fieldError("file", "reportCollection.errors.notCollectionFile");
  const scope = await loadCollectionScope(db, user, file.unitCode, file.period);
  const byCode = new Map(scope.measures.map((measure) => [measure.code, measure]));
  const seen = new Set<string>();
  const rows: CollectionPlanRow[] = [];
  const writes: CollectionWrite[] = [];
  let empty = 0;

  for (const fileRow of file.rows) {
    const inputs = INPUT_FIELDS.filter((field) => fileRow.cells[field] !== null);
    // A row left blank reports nothing this time; it is neither a change nor an error.
    if (inputs.length === 0) {
      empty++;
      continue;
    }
    const issue = (field: CollectionField, key: string, values?: CollectionIssue["values"]): CollectionIssue => ({
      row: fileRow.row,
      column: columnLetter(columnOf(field)),
      field,
      key,
      values,
    });
    const code = text(fileRow.cells.measureCode);
    const measure = code ? byCode.get(code) : undefined;
    const issues = keyIssues(fileRow, file, code, measure, seen, issue);
    if (code) seen.add(code);
    const planned: CollectionPlanRow = {
      row: fileRow.row,
      measureCode: code,
      titleZh: measure?.titleZh ?? "",
      titleEn: measure?.titleEn ?? "",
      action: "error",
      changes: [],
      stateBefore: measure?.report?.state ?? null,
      stateAfter: null,
      issues,
    };
    rows.push(planned);
    if (!measure || issues.length > 0) continue;

    const parsed = parseRow(fileRow, measure, file.period, intent, issue, issues);
    if (!parsed) continue;
    const decision = decide(measure, parsed, fileRow.cells.version, intent, issue);
    if ("issue" in decision) {
      issues.push(decision.issue);
      continue;
    }
    Object.assign(planned, decision);
    if (decision.action !== "unchanged") writes.push({ row: fileRow.row, input: { ...parsed, version: measure.report?.version ?? null } });
  }

  const count = (action: CollectionPlanRow["action"]) => rows.filter((row) => row.action === action).length;
  const plan: CollectionPlan = {
    unit: { code: scope.unit.code, nameZh: scope.unit.nameZh, nameEn: scope.unit.nameEn },
    period: file.period,
    intent,
    rows,
    counts: { create: count("create"), update: count("update"), unchanged: count("unchanged"), error: count("error"), empty },
    fingerprint: "",
  };
  plan.fingerprint = fingerprintOf(plan, writes);
  return { plan, writes };
}

function text(value: CollectionCell): string {
  return value === null ? "" : String(value).trim();
}

/** The locked cells must still say which report the row is: this unit, this month, a measure it reports on, once. */
function keyIssues(
  fileRow: CollectionRow,
  file: CollectionFile,
  code: string,
  measure: CollectionMeasure | undefined,
  seen: Set<string>,
  issue: (field: CollectionField, key: string, values?: CollectionIssue["values"]) => CollectionIssue,
): CollectionIssue[] {
  const issues: CollectionIssue[] = [];
  if (!code) issues.push(issue("measureCode", "missingKey"));
  else if (!measure) issues.push(issue("measureCode", "unknownMeasure", { code }));
  else if (seen.has(code)) issues.push(issue("measureCode", "duplicateMeasure", { code }));
  if (text(fileRow.cells.unitCode) !== file.unitCode) issues.push(issue("unitCode", "keyChanged", { expected: file.unitCode }));
  if (text(fileRow.cells.period) !== file.period) issues.push(issue("period", "keyChanged", { expected: file.period }));
  const version = fileRow.cells.version;
  if (version !== null && !(typeof version === "number" && Number.isInteger(version) && version > 0)) issues.push(issue("version", "keyChanged", { expected: "" }));
  return issues;
}

/** The row as the report form would send it, checked by the form's schema; null (with issues added) when it fails. */
function parseRow(
  fileRow: CollectionRow,
  measure: CollectionMeasure,
  period: string,
  intent: CollectionIntent,
  issue: (field: CollectionField, key: string) => CollectionIssue,
  issues: CollectionIssue[],
): SaveReportInput | null {
  const cells = fileRow.cells;
  // The form offers the figures only when the measure has them; a figure for a measure without one is a mistake, not ignored.
  if (measure.kpiNameZh === null && cells.kpiActual !== null) issues.push(issue("kpiActual", "noKpi"));
  if (measure.investmentPlanned === null && cells.investmentCompleted !== null) issues.push(issue("investmentCompleted", "noInvestment"));
  if (cells.percentComplete === null) issues.push(issue("percentComplete", "required"));
  const result = saveReportInputSchema.safeParse({
    measureCode: measure.code,
    period,
    percentComplete: text(cells.percentComplete),
    progress: text(cells.progress),
    problems: text(cells.problems),
    nextSteps: text(cells.nextSteps),
    kpiActual: measure.kpiNameZh === null ? undefined : text(cells.kpiActual),
    investmentCompleted: measure.investmentPlanned === null ? undefined : text(cells.investmentCompleted),
    intent,
  });
  if (!result.success) {
    for (const [field, problem] of Object.entries(zodFieldErrors(result.error))) {
      if (!(INPUT_FIELDS as readonly string[]).includes(field) || issues.some((known) => known.field === field)) continue;
      // Out of range, not whole or not a number: the sheet's message names the range.
      const key = field === "percentComplete" && problem.key !== "required" ? "percentRange" : KNOWN_KEYS.has(problem.key) ? problem.key : "invalid";
      issues.push({ ...issue(field as InputField, key), values: problem.values });
    }
  }
  return issues.length === 0 && result.success ? result.data : null;
}

type Decision = Pick<CollectionPlanRow, "action" | "changes" | "stateAfter"> | { issue: CollectionIssue };

/**
 * Create, update or leave a report, by the report rules: only a new, draft or
 * returned report can be written; a submitted or approved one is refused when
 * the row differs from it, and so is a row whose report changed since the
 * file was downloaded (its version cell).
 */
function decide(
  measure: CollectionMeasure,
  input: SaveReportInput,
  fileVersion: CollectionCell,
  intent: CollectionIntent,
  issue: (field: CollectionField, key: string) => CollectionIssue,
): Decision {
  const report = measure.report;
  const target = targetState[intent];
  const changes = report ? INPUT_FIELDS.filter((field) => !sameValue(field, report, input)) : [...INPUT_FIELDS];
  const writes = !report || changes.length > 0 || (report.state !== target && (report.state === "DRAFT" || report.state === "RETURNED"));
  if (!writes) return { action: "unchanged", changes: [], stateAfter: report!.state };
  if (report?.state === "APPROVED") return { issue: issue("state", "approved") };
  if (report?.state === "SUBMITTED") return { issue: issue("state", "awaitingReview") };
  // The report was written again after this file was made: its newer text is not overwritten unseen.
  if (report && changes.length > 0 && fileVersion !== report.version) return { issue: issue("version", "staleVersion") };
  if (intent === "submit" && measure.status === "COMPLETED") return { issue: issue("measureCode", "measureCompleted") };
  return { action: report ? "update" : "create", changes: report ? changes : INPUT_FIELDS.filter((field) => hasValue(input, field)), stateAfter: target };
}

function hasValue(input: SaveReportInput, field: InputField): boolean {
  const value = input[field];
  return value !== null && value !== "";
}

function sameValue(field: InputField, report: NonNullable<CollectionMeasure["report"]>, input: SaveReportInput): boolean {
  const stored = report[field];
  const wanted = input[field];
  if (field === "kpiActual" || field === "investmentCompleted") {
    return (stored === null ? null : Number(stored)) === wanted;
  }
  return stored === wanted;
}

/** Seals the preview: the unit, month, choice, every row's outcome and what would be written over which version. */
function fingerprintOf(plan: CollectionPlan, writes: CollectionWrite[]): string {
  const sealed = {
    unit: plan.unit.code,
    period: plan.period,
    intent: plan.intent,
    rows: plan.rows.map((row) => [row.row, row.measureCode, row.action, row.stateBefore, row.issues.map((found) => `${found.column}:${found.key}`)]),
    writes: writes.map((write) => write.input),
  };
  return createHash("sha256").update(JSON.stringify(sealed)).digest("hex");
}
