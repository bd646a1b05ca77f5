import { describe, expect, it } from "vitest";
import { fitLabel } from "@/lib/dashboard/fit-label";
import { trendFromFirstData } from "@/lib/dashboard/trend-start";

const months = ["2025-12", "2026-01", "2026-02", "2026-03"].map((month) => ({ month, averagePercent: 0 }));

describe("[DASHBOARD] the trend starts at the first month with data", () => {
  it("leaves out the months before the first approved report, and says how many", () => {
    expect(trendFromFirstData(months, "2026-02")).toEqual({ points: months.slice(2), hidden: 2 });
  });
  it("keeps every month when data goes back further than the window", () => {
    expect(trendFromFirstData(months, "2024-05")).toEqual({ points: months, hidden: 0 });
  });
  it("draws nothing when there is no data at all", () => {
    expect(trendFromFirstData(months, null)).toEqual({ points: [], hidden: 4 });
  });
});

describe("[DASHBOARD] chart labels fit their axis", () => {
  it("keeps a short label whole", () => {
    expect(fitLabel("济南市发改委", 132, 12)).toBe("济南市发改委");
  });
  it("cuts a long Chinese unit name with an ellipsis, within the width", () => {
    const label = fitLabel("山东省发展和改革委员会（省粮食和物资储备局）", 132, 12);
    expect(label.endsWith("…")).toBe(true);
    expect([...label].length * 12).toBeLessThanOrEqual(132);
  });
  it("fits about twice as many Latin characters", () => {
    const label = fitLabel("Shandong Provincial Development and Reform Commission", 132, 12);
    // 132 px at 7.2 px a character: 17 characters and the ellipsis.
    expect(label).toBe("Shandong Provinci…");
  });
});
