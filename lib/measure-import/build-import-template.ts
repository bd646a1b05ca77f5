import ExcelJS from "exceljs";
import type { PrismaClient } from "@/lib/db/create-client";
import { LEDGER_COLUMN_IDS, type LedgerColumnId } from "@/lib/exports/ledger-export-record";
import { headerText, isMeasureColumn, REQUIRED_COLUMN_IDS, type ImportLanguage, type MeasureColumnId } from "./import-columns";
import { IMPORT_MAX_BYTES, IMPORT_MAX_ROWS } from "./import-limits";

/** Messages under "measureImport", in the user's language. */
export type TemplateTranslator = (key: string, values?: Record<string, string | number>) => string;

// The template holds the row-number column (for the example marker) and the columns the import reads.
const TEMPLATE_COLUMNS: LedgerColumnId[] = LEDGER_COLUMN_IDS.filter((id) => id === "index" || isMeasureColumn(id));
const widths: Partial<Record<LedgerColumnId, number>> = { index: 8, code: 12, title: 40, leadUnit: 30, cooperatingUnits: 30, kpi: 36, cities: 20 };

/**
 * The import template: the header row in the user's language, one example row
 * (marked as example, so it is never imported), and a sheet explaining each
 * column with the accepted area codes, unit names and city names.
 */
export async function buildImportTemplate(db: PrismaClient, language: ImportLanguage, t: TemplateTranslator): Promise<Buffer> {
  const [areas, units, cities] = await Promise.all([
    db.area.findMany({ orderBy: [{ programme: { sortOrder: "asc" } }, { sortOrder: "asc" }], select: { code: true, titleZh: true, titleEn: true } }),
    db.unit.findMany({ where: { active: true }, orderBy: { code: "asc" }, select: { nameZh: true, nameEn: true } }),
    db.city.findMany({ orderBy: { sortOrder: "asc" }, select: { nameZh: true, nameEn: true } }),
  ]);
  const pick = (record: { nameZh: string; nameEn: string }) => (language === "en" ? record.nameEn : record.nameZh);
  const workbook = new ExcelJS.Workbook();

  const sheet = workbook.addWorksheet(t("template.sheet"), { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = TEMPLATE_COLUMNS.map((id) => ({ header: headerText(id, language), key: id, width: widths[id] ?? 14 }));
  sheet.getRow(1).font = { bold: true };
  const example: Record<Extract<MeasureColumnId, LedgerColumnId> | "index", string> = {
    index: t("exampleMarker"),
    code: "9.9.1",
    title: t("template.exampleTitle"),
    leadUnit: units[0] ? pick(units[0]) : "",
    cooperatingUnits: units[1] ? pick(units[1]) : "",
    responsiblePerson: t("template.examplePerson"),
    dueDate: "2027-06-30",
    kpi: t("template.exampleKpi"),
    investment: "500",
    area: areas[0]?.code ?? "",
    cities: cities[0] ? pick(cities[0]) : "",
  };
  const exampleRow = sheet.addRow(example);
  exampleRow.font = { italic: true, color: { argb: "FF64748B" } };

  const help = workbook.addWorksheet(t("template.helpSheet"));
  help.columns = [{ width: 22 }, { width: 12 }, { width: 90 }];
  help.addRow([t("template.general", { maxMb: IMPORT_MAX_BYTES / 1024 / 1024, maxRows: IMPORT_MAX_ROWS })]);
  help.getCell("A1").alignment = { wrapText: true };
  help.addRow([]);
  const headerRow = help.addRow([t("template.columnHeader"), t("template.requiredHeader"), t("template.meaningHeader")]);
  headerRow.font = { bold: true };
  for (const id of LEDGER_COLUMN_IDS) {
    const need = !isMeasureColumn(id) ? "ignored" : (REQUIRED_COLUMN_IDS as readonly string[]).includes(id) ? "required" : "optional";
    help.addRow([headerText(id, language), t(`template.${need}`), t(`template.columns.${id}`)]);
  }
  const list = (title: string, rows: string[][]) => {
    help.addRow([]);
    help.addRow([title]).font = { bold: true };
    for (const row of rows) help.addRow(row);
  };
  list(t("template.areasTitle"), areas.map((area) => [area.code, language === "en" ? area.titleEn : area.titleZh]));
  list(t("template.unitsTitle"), units.map((unit) => [unit.nameZh, unit.nameEn]));
  list(t("template.citiesTitle"), cities.map((city) => [city.nameZh, city.nameEn]));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
