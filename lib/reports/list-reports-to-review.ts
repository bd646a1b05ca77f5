import type { PrismaClient } from "@/lib/db/create-client";
import { reportIdsWrittenBy } from "./report-writers";

/**
 * Submitted reports waiting for this leader or inspector, oldest first (not those
 * they wrote, as author or as an earlier writer in the audit trail: nobody
 * reviews their own); and whether any is sample data.
 */
export async function listReportsToReview(db: PrismaClient, reviewerId: string) {
  const written = [...(await reportIdsWrittenBy(db, reviewerId))];
  const reports = await db.progressReport.findMany({
    where: { state: "SUBMITTED", authorId: { not: reviewerId }, ...(written.length > 0 ? { id: { notIn: written } } : {}) },
    orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
    take: 500,
    select: {
      id: true,
      period: true,
      percentComplete: true,
      isCompletion: true,
      submittedAt: true,
      isSample: true,
      measure: { select: { code: true, titleZh: true, titleEn: true, leadUnitId: true } },
      unit: { select: { id: true, nameZh: true, nameEn: true } },
      author: { select: { displayName: true } },
    },
  });
  return { reports, hasSample: reports.some((report) => report.isSample) };
}
