import { describe, expect, it } from "vitest";
import { lightExamples } from "@/lib/tracking/light-examples";
import { defaultTrackingSettings } from "@/lib/tracking/settings";

const today = new Date("2026-12-02T00:00:00Z");

describe("[SETTINGS] the worked examples of the light rule", () => {
  it("at the defaults: 60 % complete, 30 days before the due date, pace 80 %, margin 10 → yellow", () => {
    const examples = lightExamples(defaultTrackingSettings, today);
    expect(examples.behind).toEqual({ percent: 60, daysLeft: 30, expected: 80, margin: 10, window: 30, light: "YELLOW" });
    expect(examples.withinMargin).toMatchObject({ percent: 70, expected: 80, light: "BLUE" });
    expect(examples.dueSoon).toMatchObject({ daysLeft: 30, light: "BLUE" });
    expect(examples.notYetDue).toMatchObject({ daysLeft: 31, light: "GREEN" });
  });

  it("follows the settings: a wider margin and a shorter window change the numbers and the lights", () => {
    const examples = lightExamples({ paceMarginPercent: 25, dueSoonDays: 10 }, today);
    expect(examples.behind).toMatchObject({ percent: 45, expected: 80, margin: 25, light: "YELLOW" });
    expect(examples.withinMargin).toMatchObject({ percent: 55, light: "GREEN" });
    expect(examples.dueSoon).toMatchObject({ daysLeft: 10, light: "BLUE" });
    expect(examples.notYetDue).toMatchObject({ daysLeft: 11, light: "GREEN" });
  });

  it("keeps on-pace examples on pace at the extremes (margin 0, window 365)", () => {
    const examples = lightExamples({ paceMarginPercent: 0, dueSoonDays: 365 }, today);
    expect([examples.behind.light, examples.withinMargin.light, examples.dueSoon.light, examples.notYetDue.light]).toEqual(["YELLOW", "BLUE", "BLUE", "GREEN"]);
  });
});
