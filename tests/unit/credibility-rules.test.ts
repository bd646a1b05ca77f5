import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import zh from "@/messages/zh-CN.json";
import { type CredibilityFacts, evaluateCredibility, reportingDeadlineInstant } from "@/lib/credibility/rules";
import { defaultCredibilitySettings } from "@/lib/credibility/settings";
import { textSimilarity } from "@/lib/credibility/similarity";

/**
 * The credibility rules (issue #20): each on a report that raises it and one
 * that does not, at the default thresholds (jump 30, out of step 30, copy 90 %,
 * last minute 120 min in 3 months) and reporting day 28.
 */
const settings = defaultCredibilitySettings;
const REPORTING_DAY = 28;
const period = new Date("2026-11-01T00:00:00Z");
const month = (offset: number) => new Date(Date.UTC(2026, 10 + offset, 1));
const progressText = "完成东区污水管网改造3.2公里，新建泵站1座已进入设备安装阶段，西区管网施工招标已完成。";

/** A plain report at 50 %, last approved at 40 % in October, submitted well before the deadline. */
function facts(overrides: Partial<CredibilityFacts> = {}): CredibilityFacts {
  return {
    period,
    percentComplete: 50,
    kpiActual: null,
    investmentCompleted: null,
    progress: progressText,
    isCompletion: false,
    submittedAt: new Date("2026-11-20T02:00:00Z"),
    measure: { kpiBaseline: null, kpiTarget: null, investmentPlanned: null },
    previousApproved: { period: month(-1), percentComplete: 40 },
    milestonesCompleted: 0,
    lastMonth: { progress: "完成东区管网前期勘察，泵站土建开工。" },
    earlierSubmissions: [],
    ...overrides,
  };
}
const rules = (input: CredibilityFacts) => evaluateCredibility(input, settings, REPORTING_DAY).map((flag) => flag.rule);

describe("credibility rules", () => {
  it("raises nothing on a plausible report", () => {
    expect(rules(facts())).toEqual([]);
  });

  it("jump: more than the threshold without a milestone completed meanwhile", () => {
    const flags = evaluateCredibility(facts({ percentComplete: 75 }), settings, REPORTING_DAY);
    expect(flags).toEqual([{ rule: "jump", values: { since: "2026-10", from: 40, to: 75, points: 35, limit: 30 } }]);
    // A milestone completed in the month explains the rise; exactly the threshold is not "more than".
    expect(rules(facts({ percentComplete: 75, milestonesCompleted: 1 }))).toEqual([]);
    expect(rules(facts({ percentComplete: 70 }))).toEqual([]);
  });

  it("drop: below the previous approved report", () => {
    const flags = evaluateCredibility(facts({ percentComplete: 35 }), settings, REPORTING_DAY);
    expect(flags).toEqual([{ rule: "drop", values: { since: "2026-10", from: 40, to: 35, points: 5 } }]);
    expect(rules(facts({ percentComplete: 40 }))).toEqual([]);
    expect(rules(facts({ percentComplete: 20, previousApproved: null }))).toEqual([]);
  });

  it("100 % without a completion report", () => {
    const previousApproved = { period: month(-1), percentComplete: 90 };
    expect(rules(facts({ percentComplete: 100, previousApproved }))).toEqual(["fullWithoutCompletion"]);
    expect(rules(facts({ percentComplete: 100, previousApproved, isCompletion: true }))).toEqual([]);
  });

  it("KPI out of step with percent complete, from the baseline to the target", () => {
    const measure = { kpiBaseline: 100, kpiTarget: 200, investmentPlanned: null };
    // (190 − 100) / (200 − 100) = 90 % of the way against 50 % complete.
    const flags = evaluateCredibility(facts({ measure, kpiActual: 190 }), settings, REPORTING_DAY);
    expect(flags).toEqual([{ rule: "kpiOutOfStep", values: { share: 90, percent: 50, gap: 40, limit: 30, actual: 190, target: 200 } }]);
    expect(rules(facts({ measure, kpiActual: 160 }))).toEqual([]);
    // A target equal to the baseline gives no share to compare.
    expect(rules(facts({ measure: { ...measure, kpiTarget: 100 }, kpiActual: 190 }))).toEqual([]);
  });

  it("investment out of step, and above plan", () => {
    const measure = { kpiBaseline: null, kpiTarget: null, investmentPlanned: 1000 };
    expect(evaluateCredibility(facts({ measure, investmentCompleted: 100 }), settings, REPORTING_DAY)).toEqual([
      { rule: "investmentOutOfStep", values: { share: 10, percent: 50, gap: 40, limit: 30, completed: 100, planned: 1000 } },
    ]);
    expect(rules(facts({ measure, investmentCompleted: 450 }))).toEqual([]);
    // 1,050 of 1,000 planned at 90 % complete: above plan, not out of step (105 vs 90).
    const nearlyDone = { percentComplete: 90, previousApproved: { period: month(-1), percentComplete: 85 } };
    expect(rules(facts({ ...nearlyDone, measure, investmentCompleted: 1050 }))).toEqual(["investmentAbovePlan"]);
    expect(rules(facts({ ...nearlyDone, measure, investmentCompleted: 1000 }))).toEqual([]);
  });

  it("progress text copied or nearly copied from last month", () => {
    const nearly = progressText.replace("3.2", "3.3");
    const flags = evaluateCredibility(facts({ lastMonth: { progress: nearly } }), settings, REPORTING_DAY);
    expect(flags.map((flag) => flag.rule)).toEqual(["copiedProgress"]);
    expect(flags[0]!.values).toMatchObject({ limit: 90, since: "2026-10" });
    expect(Number(flags[0]!.values.similarity)).toBeGreaterThanOrEqual(90);
    expect(rules(facts({ lastMonth: { progress: progressText } }))).toEqual(["copiedProgress"]);
    // A different text, or one too short to judge ("无"), is not flagged.
    expect(rules(facts())).toEqual([]);
    expect(rules(facts({ progress: "无", lastMonth: { progress: "无" } }))).toEqual([]);
  });

  it("submitted minutes before the deadline in each of the last months", () => {
    // The deadline of a month: the end of its 28th day, China time (16:00 UTC on the 28th).
    expect(reportingDeadlineInstant(period, 28).toISOString()).toBe("2026-11-28T16:00:00.000Z");
    const justBefore = (offset: number, minutes: number) => new Date(reportingDeadlineInstant(month(offset), 28).getTime() - minutes * 60_000);
    const earlierSubmissions = [
      { period: month(-1), submittedAt: justBefore(-1, 30) },
      { period: month(-2), submittedAt: justBefore(-2, 100) },
    ];
    const flags = evaluateCredibility(facts({ submittedAt: justBefore(0, 5), earlierSubmissions }), settings, REPORTING_DAY);
    expect(flags).toEqual([{ rule: "lastMinute", values: { months: 3, limit: 120 } }]);
    // One month in time breaks the streak; so does a month missing, or a late one (after the deadline).
    expect(rules(facts({ submittedAt: justBefore(0, 300), earlierSubmissions }))).toEqual([]);
    expect(rules(facts({ submittedAt: justBefore(0, 5), earlierSubmissions: earlierSubmissions.slice(0, 1) }))).toEqual([]);
    expect(rules(facts({ submittedAt: justBefore(0, -10), earlierSubmissions }))).toEqual([]);
  });

  it("reads its thresholds from the settings", () => {
    const strict = { ...settings, jumpPoints: 5 };
    expect(evaluateCredibility(facts({ percentComplete: 50 }), strict, REPORTING_DAY).map((flag) => flag.rule)).toEqual(["jump"]);
  });
});

describe("text similarity (cosine of character 3-grams)", () => {
  it("is 1 for the same text, ignoring spaces and punctuation, and low for different texts", () => {
    expect(textSimilarity(progressText, `${progressText.replace(/，/g, ", ")}  `)).toBe(1);
    expect(textSimilarity(progressText, "本月主要开展了人员培训和制度修订工作，下月将组织验收。")).toBeLessThan(0.1);
    expect(textSimilarity("无", "无")).toBeNull();
  });
});

describe("reasons in both languages", () => {
  it("every rule's reason renders with its figures, nothing left as a placeholder", () => {
    const measure = { kpiBaseline: 0, kpiTarget: 100, investmentPlanned: 1000 };
    const raised = evaluateCredibility(
      facts({ percentComplete: 100, measure, kpiActual: 20, investmentCompleted: 1200, lastMonth: { progress: progressText } }),
      settings,
      REPORTING_DAY,
    );
    expect(raised.map((flag) => flag.rule)).toEqual(["jump", "fullWithoutCompletion", "kpiOutOfStep", "investmentAbovePlan", "copiedProgress"]);
    const justBefore = new Date(reportingDeadlineInstant(period, 28).getTime() - 60_000);
    const streak = [-1, -2].map((offset) => ({ period: month(offset), submittedAt: new Date(reportingDeadlineInstant(month(offset), 28).getTime() - 60_000) }));
    raised.push(...evaluateCredibility(facts({ percentComplete: 30, submittedAt: justBefore, earlierSubmissions: streak, measure, investmentCompleted: 900 }), settings, REPORTING_DAY));
    expect(new Set(raised.map((flag) => flag.rule))).toEqual(new Set(["jump", "drop", "fullWithoutCompletion", "kpiOutOfStep", "investmentOutOfStep", "investmentAbovePlan", "copiedProgress", "lastMinute"]));
    for (const messages of [zh, en]) {
      const t = createTranslator({ locale: messages === zh ? "zh-CN" : "en", messages, namespace: "credibility" });
      for (const flag of raised) {
        const reason = t(`rules.${flag.rule}.reason`, flag.values);
        expect(reason).not.toMatch(/[{}]/);
        for (const value of Object.values(flag.values)) expect(reason).toContain(String(value));
      }
    }
  });
});
