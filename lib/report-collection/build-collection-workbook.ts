import ExcelJS from "exceljs";
import type { SessionUser } from "@/lib/auth/session-user";
import type { PrismaClient } from "@/lib/db/create-client";
import { localized } from "@/lib/i18n/localized";
import {
  COLLECTION_COLUMNS,
  COLLECTION_FORMAT_VERSION,
  COLLECTION_MARKER,
  columnOf,
  FIRST_DATA_ROW,
  HEADER_ROW,
  type InputField,
  META_ROWS,
  META_SHEET,
} from "./collection-format";
import { type CollectionMeasure, loadCollectionScope } from "./load-collection-scope";

type Translate = (key: string, values?: Record<string, string | number>) => string;

/** Report states in which the unit can still write its report (the report state machine's save/submit). */
const WRITABLE_STATES = new Set([null, "DRAFT", "RETURNED"]);

/** Whether a row's report cells are open for input: the report can still be written, and the measure is not closed out. */
export function isWritable(measure: CollectionMeasure): boolean {
  return measure.status !== "COMPLETED" && WRITABLE_STATES.has(measure.report?.state ?? null);
}

/**
 * A unit's report sheet for a month (报表回收表): one row per measure it leads
 * or cooperates on, the report columns prefilled from its report of that month
 * where there is one. Everything but the report cells of rows it can still
 * write is locked; the hidden sheet names the unit, month and format version.
 */
export async function buildCollectionWorkbook(db: PrismaClient, user: SessionUser, unitCode: string, period: string, locale: string, t: Translate) {
  const scope = await loadCollectionScope(db, user, unitCode, period);
  // A closed-out measure takes no more reports, unless the unit already has one for this month.
  const measures = scope.measures.filter((measure) => measure.status !== "COMPLETED" || measure.report);
  const unitName = localized(scope.unit, "name", locale);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Luoshi";
  const sheet = workbook.addWorksheet(t("sheetName"), { views: [{ state: "frozen", ySplit: HEADER_ROW, xSplit: 2 }] });
  sheet.columns = COLLECTION_COLUMNS.map((column) => ({ width: column.width }));
  const last = COLLECTION_COLUMNS.length;

  sheet.mergeCells(1, 1, 1, last);
  sheet.getCell(1, 1).value = t("sheetTitle", { unit: unitName, period });
  sheet.getCell(1, 1).font = { bold: true, size: 14 };
  sheet.mergeCells(2, 1, 2, last);
  sheet.getCell(2, 1).value = t("sheetHelp");
  sheet.getCell(2, 1).alignment = { wrapText: true, vertical: "top" };
  sheet.getRow(2).height = 45;
  const header = sheet.getRow(HEADER_ROW);
  COLLECTION_COLUMNS.forEach((column, index) => {
    const cell = header.getCell(index + 1);
    cell.value = t(`columns.${column.field}`);
    cell.font = { bold: true };
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE2E8F0" } };
    cell.alignment = { wrapText: true, vertical: "middle" };
  });

  measures.forEach((measure, index) => writeRow(sheet.getRow(FIRST_DATA_ROW + index), measure, scope.unit.code, period, locale, t));

  // Locked cells stay selectable; the password only guards against slips, the upload checks every key cell anyway.
  await sheet.protect("", { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });
  const meta = workbook.addWorksheet(META_SHEET, { state: "veryHidden" });
  meta.getCell(META_ROWS.marker, 1).value = "format";
  meta.getCell(META_ROWS.marker, 2).value = COLLECTION_MARKER;
  meta.getCell(META_ROWS.version, 1).value = "version";
  meta.getCell(META_ROWS.version, 2).value = COLLECTION_FORMAT_VERSION;
  meta.getCell(META_ROWS.unit, 1).value = "unit";
  meta.getCell(META_ROWS.unit, 2).value = scope.unit.code;
  meta.getCell(META_ROWS.period, 1).value = "period";
  meta.getCell(META_ROWS.period, 2).value = period;
  await meta.protect("", {});
  const buffer = await workbook.xlsx.writeBuffer();
  return { bytes: new Uint8Array(buffer as ArrayBuffer), unitName, unitCode: scope.unit.code };
}

function writeRow(row: ExcelJS.Row, measure: CollectionMeasure, unitCode: string, period: string, locale: string, t: Translate) {
  const report = measure.report;
  const hasKpi = measure.kpiNameZh !== null;
  const hasInvestment = measure.investmentPlanned !== null;
  const set = (field: Parameters<typeof columnOf>[0], value: ExcelJS.CellValue) => {
    row.getCell(columnOf(field)).value = value;
  };
  set("measureCode", measure.code);
  set("title", localized(measure, "title", locale));
  set("role", t(measure.isLead ? "roleLead" : "roleCooperating"));
  set(
    "kpi",
    hasKpi
      ? t("kpiCell", { name: (locale === "en" ? measure.kpiNameEn : measure.kpiNameZh) ?? "", target: measure.kpiTarget?.toString() ?? "—", unit: measure.kpiUnit ?? "" })
      : "—",
  );
  set("state", t(`state.${report?.state ?? "NONE"}`));
  set("progress", report?.progress || null);
  set("problems", report?.problems || null);
  set("nextSteps", report?.nextSteps || null);
  set("percentComplete", report ? report.percentComplete : null);
  set("kpiActual", report?.kpiActual != null ? Number(report.kpiActual) : null);
  set("investmentCompleted", report?.investmentCompleted != null ? Number(report.investmentCompleted) : null);
  set("unitCode", unitCode);
  set("period", period);
  set("version", report ? report.version : null);
  row.alignment = { wrapText: true, vertical: "top" };

  if (!isWritable(measure)) return;
  const open = (field: InputField, validation?: ExcelJS.DataValidation) => {
    const cell = row.getCell(columnOf(field));
    cell.protection = { locked: false };
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFBEB" } };
    if (validation) cell.dataValidation = validation;
  };
  open("progress");
  open("problems");
  open("nextSteps");
  open("percentComplete", {
    type: "whole",
    operator: "between",
    allowBlank: true,
    formulae: [0, 100],
    showErrorMessage: true,
    errorTitle: t("validation.title"),
    error: t("validation.percent"),
  });
  const amount: ExcelJS.DataValidation = {
    type: "decimal",
    operator: "greaterThanOrEqual",
    allowBlank: true,
    formulae: [0],
    showErrorMessage: true,
    errorTitle: t("validation.title"),
    error: t("validation.amount"),
  };
  if (hasKpi) open("kpiActual", amount);
  if (hasInvestment) open("investmentCompleted", amount);
}
