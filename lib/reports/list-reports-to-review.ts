import type { PrismaClient } from "@/lib/db/create-client";
import { reportIdsWrittenBy } from "./report-writers";

/**
 * Submitted reports waiting for this leader or inspector, oldest first (not those
 * they wrote, as author or as an earlier writer in the audit trail: nobody
 * reviews their own); and whether any is sample data. The measure's dates and
 * figures come along for its light (the review queue, lib/reviews).
 */
export async function listReportsToReview(db: PrismaClient, reviewerId: string) {
  const written = [...(await reportIdsWrittenBy(db, reviewerId))];
  const reports = await db.progressReport.findMany({
    where: { state: "SUBMITTED", authorId: { not: reviewerId }, ...(written.length > 0 ? { id: { notIn: written } } : {}) },
    orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
    take: 500,
    select: {
      id: true,
      version: true,
      period: true,
      percentComplete: true,
      isCompletion: true,
      submittedAt: true,
      isSample: true,
      measure: { select: queueMeasureSelect },
      unit: { select: { id: true, nameZh: true, nameEn: true } },
      author: { select: { displayName: true } },
    },
  });
  return { reports, hasSample: reports.some((report) => report.isSample) };
}

/** What a queue row shows of its measure: code, title, area and programme, and what its light needs. */
export const queueMeasureSelect = {
  code: true,
  titleZh: true,
  titleEn: true,
  leadUnitId: true,
  status: true,
  percentComplete: true,
  startDate: true,
  dueDate: true,
  latestReportState: true,
  isSample: true,
  area: { select: { code: true, titleZh: true, titleEn: true, programme: { select: { code: true, titleZh: true, titleEn: true } } } },
} as const;
