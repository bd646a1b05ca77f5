import { describe, expect, it } from "vitest";
import { parseCode, parseDate, parseInvestment, parseKpi, parseText, splitNames } from "@/lib/measure-import/parse-import-cells";

const value = <T>(result: { ok: true; value: T } | { ok: false }) => (result.ok ? result.value : "refused");

describe("[IMPORT] cell reading", () => {
  it("reads dates as typed in Chinese offices, and refuses impossible ones", () => {
    for (const text of ["2027-03-31", "2027/3/31", "2027.03.31", "2027年3月31日"]) expect(value(parseDate(text)), text).toEqual(new Date("2027-03-31T00:00:00Z"));
    expect(value(parseDate(new Date("2027-03-31T00:00:00Z")))).toEqual(new Date("2027-03-31T00:00:00Z"));
    for (const text of ["2027-02-30", "2027-13-01", "明年", "46000", "31/03/2027"]) expect(parseDate(text), text).toMatchObject({ ok: false, key: "badDate" });
    expect(parseDate(46000)).toMatchObject({ ok: false, key: "badDate" });
  });

  it("reads the export's KPI text in both languages, ignoring the actual", () => {
    expect(value(parseKpi("新增里程 (公里)：目标 120.5，实际 30"))).toEqual({ name: "新增里程", unit: "公里", target: "120.5" });
    expect(value(parseKpi("New length (km): target 120, actual"))).toEqual({ name: "New length", unit: "km", target: "120" });
    expect(value(parseKpi("线路 (A) 长度（公里）：目标 8"))).toEqual({ name: "线路 (A) 长度", unit: "公里", target: "8" });
    expect(value(parseKpi("覆盖率 ()：目标 ，实际 "))).toEqual({ name: "覆盖率", unit: null, target: null });
    expect(value(parseKpi("只有名称"))).toEqual({ name: "只有名称", unit: null, target: null });
    expect(parseKpi("名称 (个)：目标 很多")).toMatchObject({ ok: false, key: "badKpi" });
    expect(parseKpi("名称 (个)：目标 1.23456")).toMatchObject({ ok: false, key: "badKpi" });
  });

  it("reads planned investment as a number or the export's text", () => {
    expect(value(parseInvestment(500))).toBe("500");
    expect(value(parseInvestment("1,200.5"))).toBe("1200.5");
    expect(value(parseInvestment("计划 5000.25，完成 100"))).toBe("5000.25");
    expect(value(parseInvestment("planned 800, completed"))).toBe("800");
    for (const bad of ["-5", "很多", "1.234", "计划 ，完成 3"]) expect(parseInvestment(bad), bad).toMatchObject({ ok: false, key: "badInvestment" });
  });

  it("checks codes and text, and splits name lists", () => {
    expect(value(parseCode("2.3.3.1"))).toBe("2.3.3.1");
    expect(value(parseCode(1.1))).toBe("1.1");
    expect(parseCode("bad code!")).toMatchObject({ ok: false, key: "badCode" });
    expect(parseText("a\u202eb", 10)).toMatchObject({ ok: false, key: "forbiddenCharacters" });
    expect(parseText("x".repeat(11), 10)).toMatchObject({ ok: false, key: "tooLong", values: { max: 10 } });
    expect(splitNames("甲局、乙局; Bureau C；丙办\n丁委")).toEqual(["甲局", "乙局", "Bureau C", "丙办", "丁委"]);
  });
});
