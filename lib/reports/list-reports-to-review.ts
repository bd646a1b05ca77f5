import type { PrismaClient } from "@/lib/db/create-client";

/**
 * Submitted reports waiting for this leader or inspector, oldest first (not those
 * they wrote: nobody reviews their own); and whether any is sample data.
 */
export async function listReportsToReview(db: PrismaClient, reviewerId: string) {
  const reports = await db.progressReport.findMany({
    where: { state: "SUBMITTED", authorId: { not: reviewerId } },
    orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
    take: 500,
    select: {
      id: true,
      period: true,
      percentComplete: true,
      isCompletion: true,
      submittedAt: true,
      isSample: true,
      measure: { select: { code: true, titleZh: true, titleEn: true } },
      unit: { select: { nameZh: true, nameEn: true } },
      author: { select: { displayName: true } },
    },
  });
  return { reports, hasSample: reports.some((report) => report.isSample) };
}
