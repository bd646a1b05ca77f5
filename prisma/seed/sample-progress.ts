import { isoDate, monthEnd, monthOf } from "@/lib/tracking/dates";
import type { MeasureSeed } from "./data/types";
import { historyPercents } from "./sample-history";
import { stableFraction } from "./stable-fraction";

export { stableFraction };

export type SampleReportState = "DRAFT" | "SUBMITTED" | "APPROVED" | "RETURNED";
export type SampleStatus = "NOT_STARTED" | "IN_PROGRESS" | "COMPLETED";

export interface SampleReport {
  period: Date;
  percentComplete: number;
  status: SampleStatus;
  state: SampleReportState;
  progress: string;
  problems: string;
  nextSteps: string;
  kpiActual: number | null;
  investmentCompleted: number | null;
  reviewComment: string | null;
  /** Reaching 100 % is reported as a completion report (销号). */
  isCompletion: boolean;
}

/** How many past months get sample reports, from the start date if later (plus the current month for some measures). */
export const SAMPLE_MONTHS = 24;
/**
 * The latest closed months whose reports follow the pace line exactly (with the
 * current month): today's lights, percentages, review states and the
 * credibility flags of the waiting reports, which tests and specs assert.
 * The older months get an uneven history that joins them (sample-history.ts).
 */
const PACE_LINE_MONTHS = 2;

const problemsPool = [
  "跨市审批事项衔接较慢，部分手续仍在办理中。",
  "项目资金到位率偏低，需协调省级专项资金支持。",
  "涉及多个部门，协调会商机制有待进一步完善。",
  "征地拆迁进度滞后于计划。",
  "",
];
const nextStepsPool = [
  "加强与配合单位的沟通对接，按月调度推进。",
  "召开专题协调会，解决跨市衔接问题。",
  "加快前期手续办理，力争按期完成节点任务。",
  "梳理问题清单，明确责任人和完成时限。",
];


/**
 * Invented monthly reports for one measure up to `now`. The current and the
 * last PACE_LINE_MONTHS months follow the time elapsed between start and due
 * date at a per-measure pace, so the demo shows measures ahead, on and behind
 * pace, overdue and completed; the older months lead there unevenly (stalls,
 * speed-ups, a wild month, early and late finishes).
 */
export function sampleReportsFor(measure: MeasureSeed, now: Date): SampleReport[] {
  const start = isoDate(measure.sample.startDate);
  const due = isoDate(measure.sample.dueDate);
  const pace = 0.65 + stableFraction(`${measure.code}:pace`) * 0.5;
  const lineAt = (offset: number) => {
    const periodEnd = monthEnd(monthOf(now, offset));
    if (periodEnd < start) return 0;
    const elapsed = Math.min(1, (periodEnd.getTime() - start.getTime()) / (due.getTime() - start.getTime()));
    return Math.max(1, Math.min(100, Math.round(elapsed * 100 * pace)));
  };
  const offsets: number[] = [];
  for (let offset = -SAMPLE_MONTHS; offset <= 0; offset++) if (monthEnd(monthOf(now, offset)) >= start) offsets.push(offset);
  const older = offsets.filter((offset) => offset < -PACE_LINE_MONTHS);
  const olderPercents = historyPercents({
    code: measure.code,
    offsets: older,
    months: older.map((offset) => monthOf(now, offset).getUTCMonth() + 1),
    anchor: lineAt(-PACE_LINE_MONTHS),
    lineBefore: older.length ? lineAt(older[0]! - 1) : 0,
    dueOffset: (due.getUTCFullYear() - now.getUTCFullYear()) * 12 + due.getUTCMonth() - now.getUTCMonth(),
  });
  const reports: SampleReport[] = [];
  let previous = older.length ? 0 : null;

  for (const offset of offsets) {
    const period = monthOf(now, offset);
    const isCurrent = offset === 0;
    const isLatestClosed = offset === -1;
    const roll = stableFraction(`${measure.code}:${offset}`);
    if (isCurrent && roll > 0.35) continue;
    if (isLatestClosed && roll > 0.9) continue;

    const olderIndex = older.indexOf(offset);
    const percentComplete = olderIndex >= 0 ? olderPercents[olderIndex]! : lineAt(offset);
    const status: SampleStatus = percentComplete >= 100 ? "COMPLETED" : "IN_PROGRESS";
    const state: SampleReportState = isCurrent
      ? roll < 0.2 ? "DRAFT" : "SUBMITTED"
      : isLatestClosed
        ? roll < 0.55 ? "APPROVED" : roll < 0.75 ? "SUBMITTED" : "RETURNED"
        : "APPROVED";
    const month = period.getUTCMonth() + 1;
    const gain = olderIndex >= 0 && previous !== null ? percentComplete - previous : null;
    previous = percentComplete;
    reports.push({
      period,
      percentComplete,
      status,
      state,
      progress: `【示例】${month}月，${measure.titleZh}${progressPhrase(gain, percentComplete)}，累计完成约${percentComplete}%。`,
      problems: problemsPool[Math.floor(roll * problemsPool.length)] ?? "",
      nextSteps: nextStepsPool[Math.floor(stableFraction(`${measure.code}:${offset}:next`) * nextStepsPool.length)] ?? "",
      kpiActual: measure.sample.kpi
        ? round2(measure.sample.kpi.baseline + ((measure.sample.kpi.target - measure.sample.kpi.baseline) * percentComplete) / 100)
        : null,
      investmentCompleted: measure.sample.investmentPlanned
        ? round2((measure.sample.investmentPlanned * percentComplete) / 100)
        : null,
      reviewComment: state === "RETURNED" ? "【示例】进展描述不够具体，请补充量化数据后重新报送。" : null,
      isCompletion: status === "COMPLETED",
    });
  }
  return reports;
}

/** How an older month's report describes its gain (the pace-line months keep "按计划推进"). */
function progressPhrase(gain: number | null, percent: number): string {
  if (gain === null || percent >= 100) return "按计划推进";
  if (gain === 0) return "本月进展停滞，待前期问题解决后继续推进";
  if (gain >= 6) return "集中攻坚，本月进度明显加快";
  return "按计划推进";
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
