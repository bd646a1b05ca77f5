import type { ImportCellValue } from "./parse-import-workbook";
import { cellText, type CellResult } from "./parse-import-cells";

/** Which reading of a deadline phrase gave the date; shown beside it in the preview. */
export const DEADLINE_RULES = [
  "excelDate",
  "exactDate",
  "monthEnd",
  "dekad",
  "quarterEnd",
  "halfYearEnd",
  "yearEnd",
  "rangeEnd",
  "ongoing",
] as const;
export type DeadlineRule = (typeof DEADLINE_RULES)[number];

/** A due date read from a person's phrase; `date` is null for an ongoing task (长期坚持). */
export interface Deadline {
  date: Date | null;
  rule: DeadlineRule;
}

const ok = (date: Date | null, rule: DeadlineRule): CellResult<Deadline> => ({ ok: true, value: { date, rule } });
const unreadable = (text: string): CellResult<Deadline> => ({ ok: false, key: "badDeadline", values: { value: text } });

// "Ongoing" is what the English ledger export writes for one (messages measureOngoing.due).
const ONGOING = /^(长期坚持|长期推进|长期|持续推进|持续开展|持续实施|持续|常态化推进|常态化|每年|逐年推进|按年度推进|ongoing)$/i;
const CHINESE_NUMBERS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10, 十一: 11, 十二: 12 };
const YEAR = "(\\d{4})\\s*年?度?";
const MONTH = "(\\d{1,2}|十[一二]?|[一二三四五六七八九])\\s*月份?";

/** End of a (year, month): a month number 1–12 and day 0 of the next month. */
const monthEnd = (year: number, month: number) => new Date(Date.UTC(year, month, 0));
const utcDate = (year: number, month: number, day: number) => new Date(Date.UTC(year, month - 1, day));
const monthNumber = (text: string) => CHINESE_NUMBERS[text] ?? Number(text);

/** Whether a due-date cell says the task is ongoing (长期坚持, or the exports' 长期 / Ongoing). */
export function isOngoingPhrase(value: ImportCellValue): boolean {
  return !(value instanceof Date) && ONGOING.test(normalise(cellText(value)));
}

/**
 * Reads a deadline as offices write them: an Excel date cell, 2021-10-31, 2021年12月底前,
 * 2021年底, 2021.9, 2021年第三季度, 2022年上半年, 2021—2023年, 长期坚持 … Each phrase means
 * the last day of the period it names. Anything else, or two deadlines in one cell, is an
 * error for the person to fix: never a guess.
 */
export function parseDeadline(value: ImportCellValue): CellResult<Deadline> {
  if (value instanceof Date) {
    // exceljs reads an Excel date cell (which has no zone) as that day at midnight UTC.
    return inRange(utcDate(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate()), "excelDate", String(value));
  }
  const original = cellText(value);
  const text = normalise(original);
  if (text === "") return unreadable(original);
  if (ONGOING.test(text)) return ok(null, "ongoing");

  let match = new RegExp(`^(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*[日号]?$`).exec(text);
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const date = utcDate(year, month, day);
    if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return unreadable(original);
    return inRange(date, "exactDate", original);
  }
  match = new RegExp(`^${YEAR}\\s*${MONTH}\\s*(上旬|中旬|下旬)$`).exec(text);
  if (match) {
    const [year, month] = [Number(match[1]), monthNumber(match[2]!)];
    if (month < 1 || month > 12) return unreadable(original);
    const date = match[3] === "上旬" ? utcDate(year, month, 10) : match[3] === "中旬" ? utcDate(year, month, 20) : monthEnd(year, month);
    return inRange(date, "dekad", original);
  }
  match = new RegExp(`^${YEAR}\\s*${MONTH}\\s*(底|末)?$`).exec(text) ?? /^(\d{4})\s*[-/.]\s*(\d{1,2})$/.exec(text);
  if (match) {
    const [year, month] = [Number(match[1]), monthNumber(match[2]!)];
    if (month < 1 || month > 12) return unreadable(original);
    return inRange(monthEnd(year, month), "monthEnd", original);
  }
  match = new RegExp(`^${YEAR}\\s*(?:第\\s*)?([一二三四1-4])\\s*季度?(?:末|底)?$`).exec(text) ?? /^(\d{4})\s*年?\s*Q([1-4])$/i.exec(text);
  if (match) {
    const quarter = monthNumber(match[2]!);
    return inRange(monthEnd(Number(match[1]), quarter * 3), "quarterEnd", original);
  }
  match = new RegExp(`^${YEAR}\\s*(上|下)半年(?:末|底)?$`).exec(text);
  if (match) return inRange(monthEnd(Number(match[1]), match[2] === "上" ? 6 : 12), "halfYearEnd", original);
  match = new RegExp(`^${YEAR}\\s*(?:年底|年末|底|末)?$`).exec(text);
  if (match) return inRange(monthEnd(Number(match[1]), 12), "yearEnd", original);
  match = /^(\d{4})\s*年?\s*[-—–~～至到]\s*(\d{4})\s*年?(?:底|末)?$/.exec(text);
  if (match && Number(match[2]) > Number(match[1])) return inRange(monthEnd(Number(match[2]), 12), "rangeEnd", original);
  return unreadable(original);
}

/** Full-width digits and spaces to ASCII; the words around a deadline that do not change it. */
function normalise(text: string): string {
  return text
    .replace(/[０-９]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0))
    .replace(/[．]/g, ".")
    .replace(/[\s\u3000]+/g, "")
    .replace(/[（(][^）)]*[)）]$/, "")
    .replace(/^(力争|计划|预计|确保|争取|于)/, "")
    .replace(/(基本完成|全面完成|完成|建成|实现)$/, "")
    .replace(/(以前|之前|前|左右|为止|止)$/, "");
}

function inRange(date: Date, rule: DeadlineRule, original: string): CellResult<Deadline> {
  const year = date.getUTCFullYear();
  return year >= 2000 && year <= 2100 ? ok(date, rule) : unreadable(original);
}
