import { describe, expect, it } from "vitest";
import { todayInChina } from "@/lib/tracking/dates";
import { computeLight, expectedPercent, type LightInput } from "@/lib/tracking/light";

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const settings = { paceMarginPercent: 10, dueSoonDays: 30 };
const measure = (overrides: Partial<LightInput>): LightInput => ({
  status: "IN_PROGRESS",
  percentComplete: 50,
  startDate: d("2026-01-01"),
  dueDate: d("2027-01-01"),
  latestReportState: "APPROVED",
  ...overrides,
});

describe("[LIGHT] the traffic-light rule", () => {
  it("completed measures are shown apart, whatever their dates", () => {
    expect(computeLight(measure({ status: "COMPLETED", dueDate: d("2020-01-01"), percentComplete: 10 }), d("2026-11-28"), settings)).toBe("COMPLETED");
  });

  it("suspended measures get their own light: never red or yellow, whatever their dates and pace", () => {
    const overdueAndBehind = { status: "SUSPENDED" as const, dueDate: d("2020-01-01"), percentComplete: 0, latestReportState: "RETURNED" as const };
    expect(computeLight(measure(overdueAndBehind), d("2026-11-28"), settings)).toBe("SUSPENDED");
    expect(computeLight(measure({ status: "SUSPENDED", dueDate: null, startDate: null }), d("2026-11-28"), settings)).toBe("SUSPENDED");
  });

  it("red when past the due date; due today is not overdue (blue)", () => {
    const due = d("2026-11-28");
    expect(computeLight(measure({ dueDate: due, percentComplete: 99 }), d("2026-11-29"), settings)).toBe("RED");
    expect(computeLight(measure({ dueDate: due, percentComplete: 100 }), due, settings)).toBe("BLUE");
  });

  it("yellow when behind the expected pace by more than the margin", () => {
    // 2026-07-02 is halfway through 2026 (182 of 365 days): expected ≈ 49.9 %.
    const today = d("2026-07-02");
    const year = { startDate: d("2026-01-01"), dueDate: d("2027-01-01") };
    expect(expectedPercent(year.startDate, year.dueDate, today)).toBeCloseTo(49.86, 1);
    expect(computeLight(measure({ ...year, percentComplete: 40 }), today, settings)).toBe("GREEN");
    expect(computeLight(measure({ ...year, percentComplete: 39 }), today, settings)).toBe("YELLOW");
    expect(computeLight(measure({ ...year, percentComplete: 39 }), today, { ...settings, paceMarginPercent: 11 })).toBe("GREEN");
  });

  it("yellow when the latest report was returned, even on pace", () => {
    expect(computeLight(measure({ percentComplete: 90, latestReportState: "RETURNED" }), d("2026-03-01"), settings)).toBe("YELLOW");
  });

  it("blue when due within the window, counting the boundary day", () => {
    const due = d("2026-12-28");
    const on = { percentComplete: 99, dueDate: due };
    expect(computeLight(measure(on), d("2026-11-28"), settings)).toBe("BLUE"); // 30 days
    expect(computeLight(measure(on), d("2026-11-27"), settings)).toBe("GREEN"); // 31 days
  });

  it("start = due: nothing is expected before that day, everything on it", () => {
    const same = { startDate: d("2026-12-01"), dueDate: d("2026-12-01") };
    expect(expectedPercent(same.startDate, same.dueDate, d("2026-11-30"))).toBe(0);
    expect(expectedPercent(same.startDate, same.dueDate, d("2026-12-01"))).toBe(100);
    expect(computeLight(measure({ ...same, percentComplete: 0 }), d("2026-11-30"), settings)).toBe("BLUE");
    expect(computeLight(measure({ ...same, percentComplete: 50 }), d("2026-12-01"), settings)).toBe("YELLOW");
  });

  it("counts the leap day as a day", () => {
    // 2028-02-01 → 2028-03-02 spans 30 days only because February 2028 has 29.
    const start = d("2028-02-01");
    const due = d("2028-03-02");
    expect(expectedPercent(start, due, d("2028-02-16"))).toBe(50);
    expect(computeLight(measure({ startDate: start, dueDate: due, percentComplete: 45 }), d("2028-02-29"), settings)).toBe("YELLOW");
    expect(computeLight(measure({ startDate: start, dueDate: due, percentComplete: 0 }), d("2028-03-03"), settings)).toBe("RED");
  });

  it("without a start date there is no pace to fall behind", () => {
    expect(expectedPercent(null, d("2027-01-01"), d("2026-12-31"))).toBeNull();
    expect(computeLight(measure({ startDate: null, percentComplete: 0 }), d("2026-06-01"), settings)).toBe("GREEN");
    expect(computeLight(measure({ startDate: null, percentComplete: 0 }), d("2026-12-15"), settings)).toBe("BLUE");
  });

  it("without a due date a measure is never red or blue", () => {
    expect(computeLight(measure({ dueDate: null, percentComplete: 0 }), d("2030-01-01"), settings)).toBe("GREEN");
  });

  it("takes today's date in China, not in UTC", () => {
    // 2026-11-28 20:00 UTC is already 2026-11-29 in Beijing.
    expect(todayInChina(new Date("2026-11-28T20:00:00Z")).toISOString()).toBe("2026-11-29T00:00:00.000Z");
    expect(todayInChina(new Date("2026-11-28T10:00:00Z")).toISOString()).toBe("2026-11-28T00:00:00.000Z");
  });
});
