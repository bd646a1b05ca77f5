import type { Prisma } from "@/generated/prisma/client";
import { measures } from "./data/measures";
import { sampleReportsFor } from "./sample-progress";
import { refreshLatestReport } from "@/lib/reports/refresh-latest-report";
import { sampleReporterFor, sampleReviewer } from "./seed-users";

type Tx = Prisma.TransactionClient;

/**
 * Writes invented monthly reports (flagged isSample) for the given measures,
 * reported by their lead unit and reviewed by the demo inspector (a placeholder
 * outside demo mode), then sets each
 * measure's figures from its latest approved report, as approval will later do.
 */
export async function seedSampleReports(tx: Tx, measureCodes: string[], now: Date): Promise<number> {
  const reviewer = await sampleReviewer(tx);
  let written = 0;
  for (const seed of measures.filter((measure) => measureCodes.includes(measure.code))) {
    const measure = await tx.measure.findUniqueOrThrow({ where: { code: seed.code }, include: { leadUnit: true } });
    const authorId = await sampleReporterFor(tx, measure.leadUnit);
    const reports = sampleReportsFor(seed, now);
    // One statement per measure: two years of history would be hundreds of round trips on PGlite.
    await tx.progressReport.createMany({
      data: reports.map((report) => {
        const submittedAt = report.state === "DRAFT" ? null : new Date(report.period.getTime() + 27 * 86_400_000);
        const reviewed = report.state === "APPROVED" || report.state === "RETURNED";
        return {
          ...report,
          measureId: measure.id,
          unitId: measure.leadUnitId,
          authorId,
          isSample: true,
          submittedAt,
          reviewerId: reviewed ? reviewer.id : null,
          reviewedAt: reviewed && submittedAt ? new Date(submittedAt.getTime() + 2 * 86_400_000) : null,
        };
      }),
    });
    written += reports.length;
    await refreshLatestReport(tx, measure.id);
    const latestApproved = reports.filter((report) => report.state === "APPROVED").at(-1);
    if (latestApproved) {
      await tx.measure.update({
        where: { id: measure.id },
        data: {
          percentComplete: latestApproved.percentComplete,
          status: latestApproved.status,
          kpiActual: latestApproved.kpiActual,
          investmentCompleted: latestApproved.investmentCompleted,
        },
      });
    }
  }
  return written;
}
