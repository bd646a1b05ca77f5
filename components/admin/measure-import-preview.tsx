"use client";

import { useTranslations } from "next-intl";
import type { FieldChange, ImportPlan } from "@/lib/measure-import/import-types";

/** The dry run: counts, then the errors, the measures to create and those to update, field by field. */
export function MeasureImportPreview({ plan }: { plan: ImportPlan }) {
  const t = useTranslations("measureImport");
  const tNew = useTranslations("importNewArea");
  return (
    <div className="flex flex-col gap-3" data-testid="import-preview">
      <p role="status" className="font-medium" data-testid="import-summary">
        {t("summary", { rows: plan.rows, creates: plan.creates.length, updates: plan.updates.length, unchanged: plan.unchanged, errors: plan.errors.length })}
      </p>
      {plan.format === "ledger" && plan.ignoredColumns.length > 0 && <p className="text-sm text-slate-600">{t("ignoredColumns", { columns: plan.ignoredColumns.join(", ") })}</p>}
      {plan.exampleRows.length > 0 && <p className="text-sm text-slate-600">{t("exampleRows", { rows: plan.exampleRows.join(", ") })}</p>}
      {plan.errors.length > 0 && (
        <details open className="rounded border border-red-200 bg-red-50 p-2" data-testid="import-errors">
          <summary className="cursor-pointer font-medium text-red-900">{t("errorsTitle", { count: plan.errors.length })}</summary>
          <p className="my-1 text-sm text-red-900">{t("fixErrors")}</p>
          <ul className="list-disc pl-6 text-sm">
            {plan.errors.map((issue, index) => (
              <li key={index}>{t("issueLine", { row: issue.row, column: issue.column, message: t(`issues.${issue.key}` as never, issue.values as never) })}</li>
            ))}
          </ul>
        </details>
      )}
      <IssueList title={t("warningsTitle", { count: plan.warnings.length })} issues={plan.warnings} testId="import-warnings" />
      {plan.skippedRows.length > 0 && (
        <details className="rounded border border-slate-200 p-2" data-testid="import-skipped">
          <summary className="cursor-pointer font-medium">{t("skippedTitle", { count: plan.skippedRows.length })}</summary>
          <ul className="list-disc pl-6 text-sm">
            {plan.skippedRows.map((skipped) => (
              <li key={skipped.row}>{t("skippedLine", { row: skipped.row, kind: t(`skippedKinds.${skipped.kind}` as never) })}</li>
            ))}
          </ul>
        </details>
      )}
      {plan.newAreas && (
        <details open className="rounded border border-slate-200 p-2" data-testid="import-new-areas">
          <summary className="cursor-pointer font-medium">{tNew("previewTitle")}</summary>
          <ul className="list-disc pl-6 text-sm">
            {plan.newAreas.map((area) => (
              <li key={area.code}>{tNew("previewLine", { code: area.code, title: area.titleZh, programme: area.programme, section: area.section })}</li>
            ))}
          </ul>
        </details>
      )}
      <PlanTable title={t("createsTitle", { count: plan.creates.length })} items={plan.creates} showBefore={false} testId="import-creates" />
      <PlanTable title={t("updatesTitle", { count: plan.updates.length })} items={plan.updates} showBefore testId="import-updates" />
    </div>
  );
}

function IssueList({ title, issues, testId }: { title: string; issues: ImportPlan["warnings"]; testId: string }) {
  const t = useTranslations("measureImport");
  if (issues.length === 0) return null;
  return (
    <details className="rounded border border-amber-200 bg-amber-50 p-2" data-testid={testId}>
      <summary className="cursor-pointer font-medium">{title}</summary>
      <ul className="list-disc pl-6 text-sm">
        {issues.map((issue, index) => (
          <li key={index}>{t("issueLine", { row: issue.row, column: issue.column, message: t(`issues.${issue.key}` as never, issue.values as never) })}</li>
        ))}
      </ul>
    </details>
  );
}

function PlanTable({ title, items, showBefore, testId }: {
  title: string;
  items: ImportPlan["creates"];
  showBefore: boolean;
  testId: string;
}) {
  const t = useTranslations("measureImport");
  if (items.length === 0) return null;
  return (
    <details open className="rounded border border-slate-200 p-2" data-testid={testId}>
      <summary className="cursor-pointer font-medium">{title}</summary>
      <div className="overflow-x-auto">
        <table className="mt-2 w-full text-left text-sm">
          <thead className="bg-slate-50">
            <tr>
              <th className="px-2 py-1">{t("rowHeader")}</th>
              <th className="px-2 py-1">{t("codeHeader")}</th>
              <th className="px-2 py-1">{t("titleHeader")}</th>
              <th className="px-2 py-1">{t("changesHeader")}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.row} className="border-t border-slate-100 align-top">
                <td className="px-2 py-1">{item.row}</td>
                <td className="px-2 py-1 whitespace-nowrap">{item.code}</td>
                <td className="px-2 py-1">{item.title}</td>
                <td className="px-2 py-1">
                  <ul>
                    {item.changes.map((change) => (
                      <ChangeLine key={change.field} change={change} showBefore={showBefore} />
                    ))}
                  </ul>
                  {item.dueRule && <p className="text-xs text-slate-500">{t("fields.dueDate")}: {t("dueRule", { rule: t(`dueRules.${item.dueRule}`) })}</p>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

function ChangeLine({ change, showBefore }: { change: FieldChange; showBefore: boolean }) {
  const t = useTranslations("measureImport");
  const value = (text: string) => text || t("empty");
  return (
    <li>
      <span className="text-slate-600">{t(`fields.${change.field}`)}: </span>
      {showBefore && <del className="text-slate-500">{value(change.before)}</del>}
      {showBefore && " → "}
      <ins className="no-underline">{value(change.after)}</ins>
    </li>
  );
}
