import { describe, expect, it } from "vitest";
import { timeScale } from "@/lib/timeline/scale";

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe("[TIMELINE] the time scale", () => {
  it("spans whole years around the dates and today, with ticks at the zoom's step", () => {
    const scale = timeScale([d("2026-03-10"), null, d("2027-05-01")], d("2026-11-28"), "quarter");
    expect(scale.ticks[0]!.date).toEqual(d("2026-01-01"));
    expect(scale.ticks.at(-1)!.date).toEqual(d("2027-10-01"));
    expect(scale.ticks).toHaveLength(8);
    expect(scale.x(d("2026-01-01"))).toBe(0);
    // 1.2 px a day at quarter zoom; 2026 and 2027 have 730 days.
    expect(scale.width).toBeCloseTo(730 * 1.2);
  });

  it("widens to include today, and zooms by pixels per day", () => {
    const month = timeScale([d("2030-06-01")], d("2026-11-28"), "month");
    const year = timeScale([d("2030-06-01")], d("2026-11-28"), "year");
    expect(month.ticks[0]!.date).toEqual(d("2026-01-01"));
    expect(month.ticks).toHaveLength(60);
    expect(year.ticks).toHaveLength(5);
    expect(month.x(d("2026-01-11")) / year.x(d("2026-01-11"))).toBeCloseTo(4 / 0.35);
  });
});
