import { describe, expect, it } from "vitest";
import { parseDeadline } from "@/lib/measure-import/parse-deadline";

const read = (value: string | number | Date) => {
  const result = parseDeadline(value);
  if (!result.ok) return { error: result.key };
  return { date: result.value.date?.toISOString().slice(0, 10) ?? null, rule: result.value.rule };
};

describe("deadline phrases as offices write them", () => {
  it.each([
    ["2021年12月底前", "2021-12-31", "monthEnd"],
    ["2021年12月底", "2021-12-31", "monthEnd"],
    ["2021年6月底", "2021-06-30", "monthEnd"],
    ["2024年2月底", "2024-02-29", "monthEnd"],
    ["2023年2月", "2023-02-28", "monthEnd"],
    ["2021年十二月底前", "2021-12-31", "monthEnd"],
    ["2021.9", "2021-09-30", "monthEnd"],
    ["2021-9", "2021-09-30", "monthEnd"],
    ["２０２１年９月底前", "2021-09-30", "monthEnd"],
    ["2021年9月前后", null, "error"],
    ["2021年底", "2021-12-31", "yearEnd"],
    ["2021年底前", "2021-12-31", "yearEnd"],
    ["2021年年底前完成", "2021-12-31", "yearEnd"],
    ["2022年", "2022-12-31", "yearEnd"],
    ["2022年度", "2022-12-31", "yearEnd"],
    ["力争2022年底前基本完成", "2022-12-31", "yearEnd"],
    ["2021年第三季度", "2021-09-30", "quarterEnd"],
    ["2021年三季度末", "2021-09-30", "quarterEnd"],
    ["2021年第1季度", "2021-03-31", "quarterEnd"],
    ["2021Q4", "2021-12-31", "quarterEnd"],
    ["2022年上半年", "2022-06-30", "halfYearEnd"],
    ["2022年下半年", "2022-12-31", "halfYearEnd"],
    ["2021年10月中旬", "2021-10-20", "dekad"],
    ["2021年10月上旬", "2021-10-10", "dekad"],
    ["2021年2月下旬", "2021-02-28", "dekad"],
    ["2021—2023年", "2023-12-31", "rangeEnd"],
    ["2021-2025年底", "2025-12-31", "rangeEnd"],
    ["2021-10-31", "2021-10-31", "exactDate"],
    ["2021/10/31", "2021-10-31", "exactDate"],
    ["2021年10月31日前", "2021-10-31", "exactDate"],
    ["2024年2月29日", "2024-02-29", "exactDate"],
    ["2021年12月底前（已完成）", "2021-12-31", "monthEnd"],
    [" 2021年 6月底 ", "2021-06-30", "monthEnd"],
    ["2021年6月\n底前", "2021-06-30", "monthEnd"],
    ["2021年左右", "2021-12-31", "yearEnd"],
  ])("%s → %s (%s)", (text, date, rule) => {
    expect(read(text)).toEqual(rule === "error" ? { error: "badDeadline" } : { date, rule });
  });

  it("an Excel date cell is that day", () => {
    expect(read(new Date(Date.UTC(2021, 9, 31)))).toEqual({ date: "2021-10-31", rule: "excelDate" });
  });

  it.each(["长期坚持", "持续推进", "常态化推进", " 长期 "])("%s is ongoing: kept without a due date", (text) => {
    expect(read(text)).toEqual({ date: null, rule: "ongoing" });
  });

  it.each([
    "",
    "尽快",
    "2021年6月底前完成主体，年底前完工",
    "2021年13月底",
    "2021年2月30日",
    "2021年第五季度",
    "2023—2021年",
    "1999年底",
    "2101年",
    "44500",
    "明年",
  ])("%j is an error for the person to fix, not a guess", (text) => {
    expect(read(text)).toEqual({ error: "badDeadline" });
  });
});
