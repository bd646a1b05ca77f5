import { stableFraction } from "./stable-fraction";

/**
 * The invented percentages of a measure's older sample months (before the
 * months that keep the pace line): uneven, as projects are. Each measure gets,
 * from its code (reproducibly): a level at the start of the history behind or
 * ahead of its average pace; a shape (steady, a slow start that accelerates,
 * or a fast start that slows down); a quiet Spring Festival and a year-end
 * push; often a stall of 2–4 months; sometimes a wild month reported well ahead
 * of the work, then held flat until the work caught up (no report goes
 * backwards). A measure whose line is at 100 % by then finishes a few months
 * before or after its due month. The path ends at `anchor`, the first kept
 * month's percent, so it joins today's figures without a break.
 */
export interface HistoryShape {
  code: string;
  /** Offsets (months before now, negative, ascending, consecutive) to fill; the kept months follow them. */
  offsets: number[];
  /** Calendar month (1–12) of each offset. */
  months: number[];
  /** Percent of the first kept month, which the path reaches. */
  anchor: number;
  /** The pace line's percent at the month before the first offset (0 before the start date). */
  lineBefore: number;
  /** Offset of the due month. */
  dueOffset: number;
}

export type HistoryShapeName = "steady" | "accelerating" | "slowing";

export function historyShapeOf(code: string): HistoryShapeName {
  const roll = stableFraction(`${code}:shape`);
  return roll < 0.35 ? "accelerating" : roll < 0.55 ? "slowing" : "steady";
}

/** The percent of each offset, in the order of `offsets`. */
export function historyPercents({ code, offsets, months, anchor, lineBefore, dueOffset }: HistoryShape): number[] {
  if (!offsets.length) return [];
  const kept = offsets.at(-1)! + 1;
  // The month the path reaches 100 %: a few months before or after the due month, by the kept month at the latest.
  const finish = anchor >= 100 ? Math.max(offsets[0]!, Math.min(kept, dueOffset + Math.floor(stableFraction(`${code}:finish`) * 6) - 3)) : kept;
  // Steps: from the month before the history into each offset, then into the kept month; those after `finish` are 0.
  const steps = offsets.length + 1;
  const active = finish - offsets[0]! + 1;
  const shape = historyShapeOf(code);
  const weights = Array.from({ length: steps }, (_, step) => {
    if (step >= active) return 0;
    const t = (step + 0.5) / active;
    const base = shape === "accelerating" ? 0.15 + 2 * t * t : shape === "slowing" ? 0.15 + 2 * (1 - t) * (1 - t) : 1;
    const month = months[step] ?? (months.at(-1)! % 12) + 1;
    const season = month <= 2 ? 0.5 : month >= 11 ? 1.4 : 1;
    return base * season * (0.5 + stableFraction(`${code}:${step}:noise`));
  });
  if (active >= 8 && stableFraction(`${code}:stall`) < 0.45) {
    const length = 2 + Math.floor(stableFraction(`${code}:stall-length`) * 3);
    const from = 1 + Math.floor(stableFraction(`${code}:stall-at`) * (active - length - 2));
    for (let step = from; step < from + length; step++) weights[step] = 0;
  }
  if (active >= 8 && stableFraction(`${code}:wild`) < 0.3) {
    // Reported three months ahead of the work, then flat until the work caught up.
    const at = 1 + Math.floor(stableFraction(`${code}:wild-at`) * (active - 5));
    const ahead = weights.slice(at, at + 4).reduce((sum, weight) => sum + weight, 0);
    weights.splice(at, 4, ahead, 0, 0, 0);
  }
  let total = weights.reduce((sum, weight) => sum + weight, 0);
  if (total === 0) {
    weights.fill(1, 0, active);
    total = active;
  }
  const level = Math.min(anchor * 0.9, Math.round(lineBefore * (0.55 + 0.7 * stableFraction(`${code}:level`))));
  let done = 0;
  return offsets.map((offset, step) => {
    done += weights[step]!;
    if (offset >= finish) return 100;
    return Math.max(1, Math.min(99, Math.round(level + ((anchor - level) * done) / total)));
  });
}
