import { Prisma } from "@/generated/prisma/client";
import { hasForbiddenCharacters } from "@/lib/validation/text";
import type { ImportCellValue } from "./parse-import-workbook";

/** What reading one cell gave: a value, or the message key (and values) of the problem. */
export type CellResult<T> = { ok: true; value: T } | { ok: false; key: string; values?: Record<string, string | number> };

const ok = <T>(value: T): CellResult<T> => ({ ok: true, value });
const bad = (key: string, values?: Record<string, string | number>): CellResult<never> => ({ ok: false, key, values });

export function cellText(value: ImportCellValue): string {
  if (value === null) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value).trim();
}

/** Plain text (a cell's line breaks kept): no control, invisible or text-direction characters, at most `max` characters. */
export function parseText(value: ImportCellValue, max: number): CellResult<string> {
  const text = cellText(value);
  if (hasForbiddenCharacters(text, { multiLine: true })) return bad("forbiddenCharacters");
  if (text.length > max) return bad("tooLong", { max });
  return ok(text);
}

/** A measure code such as 2.1.3: letters, digits, dots, dashes and underscores. */
export function parseCode(value: ImportCellValue): CellResult<string> {
  const text = cellText(value);
  if (!/^[\p{L}\p{N}._-]{1,50}$/u.test(text)) return bad("badCode", { value: text });
  return ok(text);
}

/**
 * A date: a date cell, or text as 2026-12-31, 2026/12/31, 2026.12.31 or
 * 2026年12月31日. Returned as midnight UTC, as dates are stored.
 */
export function parseDate(value: ImportCellValue): CellResult<Date> {
  if (value instanceof Date) {
    // exceljs reads an Excel date cell (which has no zone) as that day at midnight UTC.
    return ok(new Date(Date.UTC(value.getUTCFullYear(), value.getUTCMonth(), value.getUTCDate())));
  }
  const text = cellText(value);
  const match = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text);
  if (!match) return bad("badDate", { value: text });
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day || year < 2000 || year > 2100) return bad("badDate", { value: text });
  return ok(date);
}

/** A non-negative amount with at most `scale` decimals, as a canonical decimal string. */
export function parseAmount(text: string, scale: number): string | null {
  const compact = text.replace(/[,，\s]/g, "");
  if (!/^\d+(\.\d+)?$/.test(compact)) return null;
  const decimal = new Prisma.Decimal(compact);
  if (decimal.decimalPlaces() > scale || decimal.greaterThanOrEqualTo(new Prisma.Decimal(10).pow(18 - scale))) return null;
  return decimal.toString();
}

export interface ParsedKpi {
  name: string;
  unit: string | null;
  target: string | null;
}

/**
 * A KPI as the export writes it: "name (unit)：目标 120，实际 80" or
 * "name (unit): target 120, actual 80". The unit and the target may be left
 * out; the actual comes from reports and is ignored.
 */
export function parseKpi(value: ImportCellValue): CellResult<ParsedKpi> {
  const text = cellText(value);
  const match = /^(?<name>.+?)\s*(?:[(（](?<unit>[^()（）]*)[)）])?\s*(?:[:：]\s*(?:目标|target)\s*(?<target>[^,，]*?)\s*(?:[,，]\s*(?:实际|actual).*)?)?$/iu.exec(text);
  const groups = match?.groups;
  if (!groups || !groups.name) return bad("badKpi", { value: text });
  const target = groups.target ? parseAmount(groups.target, 4) : null;
  if (groups.target && target === null) return bad("badKpi", { value: text });
  return ok({ name: groups.name.trim(), unit: groups.unit?.trim() || null, target });
}

/** A KPI target on its own (the typed Excel export's number cell): up to four decimals. */
export function parseKpiTarget(value: ImportCellValue): CellResult<string> {
  const target = parseAmount(cellText(value), 4);
  return target === null ? bad("badKpi", { value: cellText(value) }) : ok(target);
}

/**
 * Planned investment (万元): a number, or the export's "计划 500，完成 120" /
 * "planned 500, completed 120" (the completed part comes from reports and is ignored).
 */
export function parseInvestment(value: ImportCellValue): CellResult<string> {
  const text = cellText(value);
  const match = /^(?:(?:计划|planned)\s*)?(?<planned>[\d.,\s]+?)\s*(?:[,，]\s*(?:完成|completed).*)?$/iu.exec(text);
  const planned = match?.groups?.planned ? parseAmount(match.groups.planned, 2) : null;
  if (planned === null) return bad("badInvestment", { value: text });
  return ok(planned);
}

/** Names in one cell, separated by 、 ; ； or line breaks. */
export function splitNames(value: ImportCellValue): string[] {
  return cellText(value)
    .split(/[、;；\n]/)
    .map((name) => name.trim())
    .filter(Boolean);
}
