import { describe, expect, it } from "vitest";
import { measures } from "@/prisma/seed/data/measures";
import { SAMPLE_MONTHS, sampleReportsFor, stableFraction } from "@/prisma/seed/sample-progress";

const now = new Date("2026-11-28T04:00:00Z");

describe("[SEED] sample progress", () => {
  it("is deterministic for the same measure and date", () => {
    expect(sampleReportsFor(measures[0]!, now)).toEqual(sampleReportsFor(measures[0]!, now));
    expect(stableFraction("a")).toBe(stableFraction("a"));
    expect(stableFraction("a")).not.toBe(stableFraction("b"));
  });

  it("reports monthly, never going backwards, within 1–100 %", () => {
    for (const measure of measures) {
      const reports = sampleReportsFor(measure, now);
      expect(reports.length).toBeLessThanOrEqual(SAMPLE_MONTHS + 1);
      const percents = reports.map((report) => report.percentComplete);
      expect(percents).toEqual([...percents].sort((a, b) => a - b));
      for (const report of reports) {
        expect(report.period.getUTCDate()).toBe(1);
        expect(report.percentComplete).toBeGreaterThanOrEqual(1);
        expect(report.percentComplete).toBeLessThanOrEqual(100);
        expect(report.progress).toContain("【示例】");
        expect(report.status === "COMPLETED").toBe(report.percentComplete === 100);
        expect(report.isCompletion).toBe(report.status === "COMPLETED");
      }
    }
  });

  it("only returned reports carry a review comment, and only the current month has drafts", () => {
    const all = measures.flatMap((measure) => sampleReportsFor(measure, now));
    for (const report of all) {
      expect(report.reviewComment !== null).toBe(report.state === "RETURNED");
      if (report.state === "DRAFT") expect(report.period.getUTCMonth()).toBe(now.getUTCMonth());
    }
  });

  it("leaves measures behind pace as well as ahead, so the demo shows both", () => {
    const latest = measures.map((measure) => {
      const start = Date.parse(measure.sample.startDate);
      const due = Date.parse(measure.sample.dueDate);
      const elapsed = Math.min(1, (now.getTime() - start) / (due - start));
      return { elapsed: elapsed * 100, percent: sampleReportsFor(measure, now).at(-1)?.percentComplete ?? 0 };
    });
    expect(latest.some((row) => row.percent < row.elapsed - 10)).toBe(true);
    expect(latest.some((row) => row.percent >= row.elapsed)).toBe(true);
  });
});
