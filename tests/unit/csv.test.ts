import { describe, expect, it } from "vitest";
import { csvField, csvLine } from "@/lib/exports/csv";

describe("[EXPORT] CSV fields", () => {
  it("neutralises cells a spreadsheet would run as formulas", () => {
    expect(csvField("=HYPERLINK(\"http://x\")")).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvField("+1")).toBe("'+1");
    expect(csvField("-2")).toBe("'-2");
    expect(csvField("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvField("\tcmd")).toBe("'\tcmd");
    expect(csvField("a=b")).toBe("a=b");
  });

  it("quotes commas, quotes and newlines, and keeps Chinese as it is", () => {
    expect(csvField("甲,乙")).toBe('"甲,乙"');
    expect(csvField('说"明"')).toBe('"说""明"""');
    expect(csvField("第一行\n第二行")).toBe('"第一行\n第二行"');
    expect(csvField(null)).toBe("");
    expect(csvLine(["实施“瓶颈路”畅通工程", 87, undefined])).toBe("实施“瓶颈路”畅通工程,87,\r\n");
  });
});
