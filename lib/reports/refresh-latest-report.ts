import type { Prisma } from "@/generated/prisma/client";

/**
 * Copies the state and month of the latest submitted report of the measure's
 * LEAD unit onto the measure (drafts and cooperating units' reports do not
 * count: only the lead unit speaks for the measure). Call it in the transaction
 * of every report change.
 */
export async function refreshLatestReport(tx: Prisma.TransactionClient, measureId: string): Promise<void> {
  const { leadUnitId } = await tx.measure.findUniqueOrThrow({ where: { id: measureId }, select: { leadUnitId: true } });
  const latest = await tx.progressReport.findFirst({
    where: { measureId, unitId: leadUnitId, state: { not: "DRAFT" } },
    orderBy: [{ period: "desc" }, { updatedAt: "desc" }],
    select: { state: true, period: true },
  });
  await tx.measure.update({
    where: { id: measureId },
    data: { latestReportState: latest?.state ?? null, latestReportPeriod: latest?.period ?? null },
  });
}
