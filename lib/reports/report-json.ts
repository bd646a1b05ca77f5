import type { Prisma } from "@/generated/prisma/client";
import { amount, monthOfDate } from "@/lib/api/json-values";
import type { ReportJson } from "./api-schemas";

const unitRef = { select: { code: true, nameZh: true, nameEn: true } } as const;

/** What the API reads of a report. */
export const reportJsonSelect = {
  id: true,
  period: true,
  state: true,
  percentComplete: true,
  status: true,
  progress: true,
  problems: true,
  nextSteps: true,
  kpiActual: true,
  investmentCompleted: true,
  isCompletion: true,
  reviewComment: true,
  submittedAt: true,
  reviewedAt: true,
  isSample: true,
  version: true,
  measure: { select: { code: true, titleZh: true, titleEn: true } },
  unit: unitRef,
  author: { select: { displayName: true } },
  reviewer: { select: { displayName: true } },
} as const satisfies Prisma.ProgressReportSelect;

type ReportRow = Prisma.ProgressReportGetPayload<{ select: typeof reportJsonSelect }>;

export function toReportJson(report: ReportRow): ReportJson {
  return {
    id: report.id,
    measure: report.measure,
    unit: report.unit,
    period: monthOfDate(report.period)!,
    state: report.state,
    percentComplete: report.percentComplete,
    status: report.status,
    progress: report.progress,
    problems: report.problems,
    nextSteps: report.nextSteps,
    kpiActual: amount(report.kpiActual),
    investmentCompleted: amount(report.investmentCompleted),
    isCompletion: report.isCompletion,
    author: report.author.displayName,
    reviewer: report.reviewer?.displayName ?? null,
    reviewComment: report.reviewComment,
    submittedAt: report.submittedAt?.toISOString() ?? null,
    reviewedAt: report.reviewedAt?.toISOString() ?? null,
    isSample: report.isSample,
    version: report.version,
  };
}
