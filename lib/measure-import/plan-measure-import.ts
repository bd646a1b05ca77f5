import { createHash } from "node:crypto";
import en from "@/messages/en.json";
import zh from "@/messages/zh-CN.json";
import type { Prisma } from "@/generated/prisma/client";
import type { ImportLanguage } from "./import-columns";
import { cellText } from "./parse-import-cells";
import type { OfficeSheet, ParsedWorkbook } from "./parse-import-workbook";
import { loadCatalogue, type Catalogue } from "./load-import-catalogue";
import type { Desired, ImportField, ImportIssue, ImportPlan, MeasureImportPlan, PlannedWrite } from "./import-types";
import { NEW_AREA_ID } from "./plan-new-areas";
import { officeHeaders, officeRows, type RowReading } from "./plan-office-rows";
import { readImportRow } from "./read-import-row";
import { headerSignature, loadRememberedChoice } from "./remembered-mapping";
import type { OfficeChoice } from "./schemas";

/** Names (zh or en, as written) to ids. */
function nameIndex(records: { id: string; nameZh: string; nameEn: string }[]) {
  const index = new Map<string, string>();
  for (const record of records) {
    index.set(record.nameZh.normalize("NFKC").toLowerCase(), record.id);
    index.set(record.nameEn.normalize("NFKC").toLowerCase(), record.id);
  }
  return (name: string) => index.get(name.normalize("NFKC").toLowerCase());
}

/**
 * Plans an import without writing: each row becomes a create (new code), an
 * update (with the changed fields) or nothing (no change), and every bad cell
 * becomes an error naming row and column. Empty optional cells leave a field
 * as it is. Run it again inside the confirming transaction: the same file and
 * choices against unchanged data give the same fingerprint.
 */
export async function planMeasureImport(
  tx: Prisma.TransactionClient,
  workbook: ParsedWorkbook,
  fileBytes: Uint8Array,
  choice: OfficeChoice = {},
): Promise<MeasureImportPlan> {
  const source = workbook.format === "office" ? await officeSource(tx, workbook.office, choice) : ledgerRows(workbook);
  const catalogue = await loadCatalogue(tx, source.codes);
  const { rows, mapping, newAreas } = source.read(catalogue);
  const existingByCode = new Map(catalogue.measures.map((measure) => [measure.code, measure]));
  const language = source.language;
  const display = displayFor(language, catalogue);

  const errors: ImportIssue[] = [];
  const firstRowOfCode = new Map<string, number>();
  const writes: (PlannedWrite & { row: number; title: string })[] = [];
  let unchanged = 0;

  for (const reading of rows) {
    const { rowNumber, code, title, desired, dueRule, errors: rowErrors } = reading;
    if (code !== undefined) {
      const firstRow = firstRowOfCode.get(code);
      if (firstRow !== undefined) rowErrors.unshift({ row: rowNumber, column: source.codeHeader, key: "duplicateCode", values: { code, firstRow } });
      else firstRowOfCode.set(code, rowNumber);
    }
    errors.push(...rowErrors);
    if (rowErrors.length > 0 || code === undefined) continue;
    const existing = existingByCode.get(code);
    const current = existing ? currentValues(existing, language) : {};
    const changes = (Object.keys(desired) as ImportField[])
      .filter((field) => !sameValue(current[field] ?? null, desired[field] ?? null))
      .map((field) => ({ field, before: display(field, current[field] ?? null), after: display(field, desired[field] ?? null) }));
    if (existing && changes.length === 0) {
      unchanged++;
      continue;
    }
    writes.push({ row: rowNumber, code, title: title ?? "", desired, changes, dueRule, existing: existing && { id: existing.id, version: existing.version } });
  }

  const summary = (write: (typeof writes)[number]) => ({ row: write.row, code: write.code, title: write.title, changes: write.changes, ...(write.dueRule && { dueRule: write.dueRule }) });
  const plan: Omit<ImportPlan, "fingerprint"> = {
    format: workbook.format,
    rows: source.rowCount,
    creates: writes.filter((write) => !write.existing).map(summary),
    updates: writes.filter((write) => write.existing).map(summary),
    unchanged,
    errors,
    warnings: source.warnings,
    ignoredColumns: source.ignoredColumns,
    exampleRows: source.exampleRows,
    skippedRows: source.skippedRows,
    ...(mapping && { mapping }),
    ...(newAreas && newAreas.length > 0 && { newAreas }),
  };
  const fileHash = createHash("sha256").update(fileBytes).digest("hex");
  const fingerprint = createHash("sha256").update(fileHash).update(JSON.stringify(plan)).digest("hex");
  return { plan: { ...plan, fingerprint }, writes, language };
}

/** The project's own layout: every row read by its headers. */
function ledgerRows(workbook: Extract<ParsedWorkbook, { format: "ledger" }>) {
  const { sheet } = workbook;
  return {
    codes: sheet.rows.map((row) => cellText(row.cells.code ?? null)).filter(Boolean),
    // The title's header says the file's language ("KPI" reads the same in both).
    language: sheet.columns.title!.language,
    rowCount: sheet.rows.length,
    codeHeader: sheet.columns.code!.header,
    warnings: [],
    ignoredColumns: sheet.ignoredColumns,
    exampleRows: sheet.exampleRows,
    skippedRows: [],
    read(catalogue: Catalogue): { rows: RowReading[]; mapping?: undefined; newAreas?: undefined } {
      const areaIds = new Map(catalogue.areas.map((area) => [area.code, area.id]));
      const lookups = { unitId: nameIndex(catalogue.units), cityId: nameIndex(catalogue.cities), areaId: (code: string) => areaIds.get(code) };
      return { rows: sheet.rows.map((row) => ({ rowNumber: row.rowNumber, ...readImportRow(row, sheet, lookups) })) };
    },
  };
}

/** An office's table: without choices of the admin, those remembered for its header apply. */
async function officeSource(tx: Prisma.TransactionClient, office: OfficeSheet, choice: OfficeChoice) {
  const signature = headerSignature(officeHeaders(office));
  const effective = Object.keys(choice).length === 0 ? ((await loadRememberedChoice(tx, signature)) ?? {}) : choice;
  return officeRows(office, effective, signature);
}

type Existing = Catalogue["measures"][number];

function currentValues(measure: Existing, language: ImportLanguage): Desired {
  return {
    title: language === "en" ? measure.titleEn : measure.titleZh,
    description: language === "en" ? measure.descriptionEn : measure.descriptionZh,
    leadUnit: measure.leadUnitId,
    cooperatingUnits: measure.cooperatingUnits.map(({ unitId }) => unitId).sort(),
    responsiblePerson: measure.responsiblePerson,
    dueDate: measure.dueDate?.toISOString().slice(0, 10) ?? null,
    ongoing: measure.ongoing ? "true" : null,
    kpiName: language === "en" ? measure.kpiNameEn : measure.kpiNameZh,
    kpiUnit: measure.kpiUnit,
    kpiTarget: measure.kpiTarget?.toString() ?? null,
    investmentPlanned: measure.investmentPlanned?.toString() ?? null,
    area: measure.areaId,
    cities: measure.cities.map(({ cityId }) => cityId).sort(),
  };
}

function sameValue(a: Desired[ImportField], b: Desired[ImportField]): boolean {
  const empty = (value: typeof a) => value === null || value === undefined || value === "" || (Array.isArray(value) && value.length === 0);
  if (empty(a) || empty(b)) return empty(a) && empty(b);
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Values as people read them: unit and city names in the file's language, area codes. */
function displayFor(language: ImportLanguage, catalogue: Catalogue) {
  const name = (record: { nameZh: string; nameEn: string }) => (language === "en" ? record.nameEn : record.nameZh);
  const units = new Map(catalogue.units.map((unit) => [unit.id, name(unit)]));
  const cities = new Map(catalogue.cities.map((city) => [city.id, name(city)]));
  const areas = new Map(catalogue.areas.map((area) => [area.id, area.code]));
  const separator = language === "en" ? "; " : "、";
  return (field: ImportField, value: Desired[ImportField]): string => {
    if (value === null || value === undefined) return "";
    if (field === "leadUnit") return units.get(value as string) ?? "";
    if (field === "area") return areas.get(value as string) ?? (value as string).replace(NEW_AREA_ID, "");
    if (field === "ongoing") return (language === "en" ? en : zh).measureImport.fields.ongoing;
    if (field === "cooperatingUnits") return (value as string[]).map((id) => units.get(id)).join(separator);
    if (field === "cities") return (value as string[]).map((id) => cities.get(id)).join(separator);
    return value as string;
  };
}
