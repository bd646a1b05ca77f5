import { describe, expect, it } from "vitest";
import { rankUnits, type UnitScore } from "@/lib/scoring/compute-unit-scores";

const unit = (code: string, total: number) =>
  ({ unit: { id: code, code, nameZh: code, nameEn: code }, total, components: {}, costs: [], hasSample: false }) as unknown as Omit<UnitScore, "rank" | "list">;
const ranked = (totals: Record<string, number>, listSize = 3) =>
  rankUnits(Object.entries(totals).map(([code, total]) => unit(code, total)), { listSize, baseScore: 100 }).map((u) => [u.unit.code, u.rank, u.list]);

describe("ranking and the red and black lists", () => {
  it("ranks best first; equal totals share a rank (then by code)", () => {
    expect(ranked({ d: 70, a: 90, c: 90, b: 50 })).toEqual([
      ["a", 1, "red"],
      ["c", 1, "red"],
      // k = min(3, 4 / 2) = 2 ranks at each end: d is second from the bottom.
      ["d", 3, "black"],
      ["b", 4, "black"],
    ]);
  });

  it("takes min(listSize, half the units) ranks at each end (ties at the boundary come along), never a full score on the black list", () => {
    expect(ranked({ a: 100, b: 100, c: 100 })).toEqual([
      ["a", 1, "red"],
      ["b", 1, "red"],
      ["c", 1, "red"],
    ]);
    expect(ranked({ a: 100 })).toEqual([["a", 1, null]]);
    expect(ranked({ a: 95, b: 90, c: 80, d: 60, e: 40, f: 30, g: 20, h: 10 }, 2)).toEqual([
      ["a", 1, "red"],
      ["b", 2, "red"],
      ["c", 3, null],
      ["d", 4, null],
      ["e", 5, null],
      ["f", 6, null],
      ["g", 7, "black"],
      ["h", 8, "black"],
    ]);
  });

  it("puts units tied at the bottom boundary all on the black list", () => {
    expect(ranked({ a: 90, b: 80, c: 50, d: 50 }, 1)).toEqual([
      ["a", 1, "red"],
      ["b", 2, null],
      ["c", 3, "black"],
      ["d", 3, "black"],
    ]);
  });
});
