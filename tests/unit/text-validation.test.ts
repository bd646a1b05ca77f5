import { describe, expect, it } from "vitest";
import { isCalendarDay, isMonth } from "@/lib/validation/period";
import { hasForbiddenCharacters, multiLineText, singleLineText } from "@/lib/validation/text";

describe("[INPUT] the shared text rule", () => {
  const refusedEverywhere = {
    "NUL": "a\u0000b",
    "C1 NEL": "a\u0085b",
    "C1 CSI": "a\u009Bb",
    "DEL": "a\u007Fb",
    "RLO": "abc\u202Egpj.exe",
    "RLM": "a\u200Fb",
    "LRI": "a\u2066b",
    "ALM": "a\u061Cb",
    "ZWSP": "a\u200Bb",
    "word joiner": "a\u2060b",
    "BOM": "a\uFEFFb",
    "soft hyphen": "a\u00ADb",
    "Hangul filler": "a\u3164b",
    "line separator": "a\u2028b",
    "tag": "a\u{E0041}b",
    "lone high surrogate": "a\ud800b",
    "lone low surrogate": "a\udc00",
    "stray ZWJ": "\u200Dab",
    "ZWNJ before a space": "a\u200C b",
  };
  it.each(Object.entries(refusedEverywhere))("%s is refused in one-line and multi-line text", (_label, value) => {
    expect(hasForbiddenCharacters(value)).toBe(true);
    expect(hasForbiddenCharacters(value, { multiLine: true })).toBe(true);
  });

  it("line breaks and tabs only in multi-line text", () => {
    for (const value of ["a\nb", "a\r\nb", "a\tb"]) {
      expect(hasForbiddenCharacters(value)).toBe(true);
      expect(hasForbiddenCharacters(value, { multiLine: true })).toBe(false);
    }
  });

  it("ordinary text of every script, emoji sequences and variation selectors pass", () => {
    for (const value of ["张三👩‍💻 مرحبا e\u0301 ß", "❤️ 🇨🇳 👨‍👩‍👧", "می‌خواهم", "עברית", "济南市（历下区）", "<script>"]) {
      expect(hasForbiddenCharacters(value), value).toBe(false);
    }
  });

  it("the zod helpers use the rule and name the key", () => {
    expect(singleLineText(20).safeParse("a\u0085b").error?.issues[0]?.message).toBe("forbiddenCharacters");
    expect(multiLineText(20).safeParse("a\u200Bb").error?.issues[0]?.message).toBe("forbiddenCharacters");
    expect(multiLineText(20).parse(" a\nb ")).toBe("a\nb");
  });
});

describe("[INPUT] months and days", () => {
  it("only years from 2000 and real months and days", () => {
    expect(["2026-01", "2000-12", "2999-06"].every(isMonth)).toBe(true);
    expect(["0000-01", "0099-12", "1999-12", "2026-13", "2026-00", "2026-1", " 2026-01", "12026-01"].some(isMonth)).toBe(false);
    expect(["2026-02-28", "2028-02-29", "9999-12-31"].every(isCalendarDay)).toBe(true);
    expect(["0000-01-01", "1999-12-31", "2026-02-30", "2026-02-29", "2026-13-01"].some(isCalendarDay)).toBe(false);
  });
});
