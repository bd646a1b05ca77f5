import { describe, expect, it } from "vitest";
import { cjkHyphenation } from "@/lib/bulletin/cjk-hyphenation";

describe("[BULLETIN] CJK line breaking for the PDF", () => {
  it("splits Chinese into characters, with empty pieces between them (no hyphen at the break)", () => {
    expect(cjkHyphenation("济南都市圈")).toEqual(["济", "", "南", "", "都", "", "市", "", "圈"]);
  });

  it("keeps Latin words and numbers whole, also between Chinese characters", () => {
    expect(cjkHyphenation("Jinan")).toEqual(["Jinan"]);
    expect(cjkHyphenation("2.1交通G104")).toEqual(["2.1", "", "交", "", "通", "", "G104"]);
  });

  it("keeps closing punctuation with the character before it", () => {
    expect(cjkHyphenation("通报，完成。")).toEqual(["通", "", "报，", "", "完", "", "成。"]);
    expect(cjkHyphenation("累计完成90%。")).toEqual(["累", "", "计", "", "完", "", "成", "", "90%。"]);
  });
});
