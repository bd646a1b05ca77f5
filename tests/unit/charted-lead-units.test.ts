import { describe, expect, it } from "vitest";
import { CHARTED_LEAD_UNITS, chartedLeadUnits } from "@/lib/dashboard/charted-lead-units";
import type { Breakdown } from "@/lib/dashboard/get-dashboard-data";
import { emptyLightCounts } from "@/lib/tracking/light";

const unit = (code: string, total: number): Breakdown => ({
  code,
  nameZh: `单位${code}`,
  nameEn: `Unit ${code}`,
  total,
  lights: { ...emptyLightCounts(), GREEN: total },
});

describe("[DASHBOARD] lead units on the chart", () => {
  it("charts the 30 units with the most measures, most first, and counts them all", () => {
    // 1,500 units as at province scale, their totals shuffled by a fixed stride.
    const units = Array.from({ length: 1500 }, (_, index) => unit(`u${String(index).padStart(4, "0")}`, (index * 7919) % 1500));
    const { shown, total } = chartedLeadUnits(units);
    expect(CHARTED_LEAD_UNITS).toBe(30);
    expect(total).toBe(1500);
    expect(shown).toHaveLength(30);
    expect(shown.map((row) => row.total)).toEqual(Array.from({ length: 30 }, (_, index) => 1499 - index));
    // Every unit left out has fewer measures than the last one charted.
    const charted = new Set(shown.map((row) => row.code));
    const smallestCharted = shown.at(-1)!.total;
    expect(units.filter((row) => !charted.has(row.code)).every((row) => row.total <= smallestCharted)).toBe(true);
  });

  it("cuts ties by code, so the same data always charts the same units", () => {
    const tied = ["c", "a", "d", "b"].map((code) => unit(code, 5));
    expect(chartedLeadUnits(tied, 2).shown.map((row) => row.code)).toEqual(["a", "b"]);
    expect(chartedLeadUnits([...tied].reverse(), 2).shown.map((row) => row.code)).toEqual(["a", "b"]);
  });

  it("charts every unit when there are no more than the limit, without reordering the input", () => {
    const few = [unit("b", 1), unit("a", 3)];
    const { shown, total } = chartedLeadUnits(few);
    expect(shown.map((row) => row.code)).toEqual(["a", "b"]);
    expect(total).toBe(2);
    expect(few.map((row) => row.code)).toEqual(["b", "a"]);
  });
});
