import { describe, expect, it } from "vitest";
import { measures } from "@/prisma/seed/data/measures";
import { SAMPLE_MONTHS, sampleReportsFor, stableFraction } from "@/prisma/seed/sample-progress";
import { monthOf } from "@/lib/tracking/dates";

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

  it("keeps the current and last two closed months on the pace line (today's figures), from a history of up to two years", () => {
    for (const measure of measures) {
      const start = Date.parse(measure.sample.startDate);
      const due = Date.parse(measure.sample.dueDate);
      const pace = 0.65 + stableFraction(`${measure.code}:pace`) * 0.5;
      const reports = sampleReportsFor(measure, now);
      const first = Math.max(monthOf(now, -SAMPLE_MONTHS).getTime(), monthOf(new Date(start)).getTime());
      expect(reports[0]!.period.getTime(), measure.code).toBe(first);
      for (const report of reports.filter((report) => report.period >= monthOf(now, -2))) {
        const periodEnd = Date.UTC(report.period.getUTCFullYear(), report.period.getUTCMonth() + 1, 0);
        const elapsed = Math.min(1, (periodEnd - start) / (due - start));
        expect(report.percentComplete, `${measure.code} ${report.period.toISOString()}`).toBe(Math.max(1, Math.min(100, Math.round(elapsed * 100 * pace))));
      }
    }
  });

  it("gives the older months an uneven history: stalls, jumps, and measures finished early and late", () => {
    const histories = measures.map((measure) => ({ measure, reports: sampleReportsFor(measure, now).filter((report) => report.period < monthOf(now, -2)) }));
    const gains = (reports: { percentComplete: number }[]) => reports.slice(1).map((report, index) => report.percentComplete - reports[index]!.percentComplete);
    const stalled = histories.filter(({ reports }) => gains(reports.filter((report) => report.percentComplete < 100)).join(",").includes("0,0,0"));
    const jumped = histories.filter(({ reports }) => gains(reports).some((gain) => gain >= 6));
    expect(stalled.length).toBeGreaterThanOrEqual(5);
    expect(jumped.length).toBeGreaterThanOrEqual(3);
    const finishedVersusDue = histories.flatMap(({ measure, reports }) => {
      const finished = sampleReportsFor(measure, now).find((report) => report.percentComplete === 100);
      return finished && reports.length ? [Math.sign(finished.period.getTime() - monthOf(new Date(measure.sample.dueDate)).getTime())] : [];
    });
    expect(finishedVersusDue).toContain(-1);
    expect(finishedVersusDue).toContain(1);
  });
});
