import { describe, expect, it } from "vitest";
import { extractThemes } from "@/lib/bulletin/narrative-themes";

describe("[BULLETIN] themes of 存在问题 by phrase frequency", () => {
  it("counts a phrase once per text and keeps the longest phrase that occurs as often", () => {
    const themes = extractThemes([
      "资金到位不足，征地拆迁进度慢。",
      "项目资金到位不足，资金到位不足影响开工。",
      "征地拆迁进度慢，手续办理周期长。",
      "手续办理周期长。",
      "资金到位不足。",
    ]);
    expect(themes).toEqual([
      { phrase: "资金到位不足", count: 3 },
      // Ties in pinyin order (shou before zheng).
      { phrase: "手续办理周期长", count: 2 },
      { phrase: "征地拆迁进度慢", count: 2 },
    ]);
  });

  it("leaves out stop words, phrases of one text only, and non-Han text", () => {
    expect(extractThemes(["暂无", "无", "目前没有问题", "N/A none", "工作方面的问题"])).toEqual([]);
    expect(extractThemes(["用地指标紧张"], { minCount: 1 })).toEqual([{ phrase: "用地指标紧张", count: 1 }]);
    expect(extractThemes(["用地指标紧张"])).toEqual([]);
  });

  it("does not list two overlapping phrases of the same theme, and stops at the limit", () => {
    const texts = ["审批流程较长", "审批流程较长", "审批流程慢", "环评审批慢", "环评审批慢", "用地紧张", "用地紧张", "人才短缺", "人才短缺"];
    const themes = extractThemes(texts, { limit: 3 });
    // 审批 is in five texts; 审批流程 (3) and 环评审批慢 (2) overlap it and are not listed beside it.
    expect(themes).toEqual([
      { phrase: "审批", count: 5 },
      { phrase: "人才短缺", count: 2 },
      { phrase: "用地紧张", count: 2 },
    ]);
  });
});
