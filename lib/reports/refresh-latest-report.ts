import type { Prisma } from "@/generated/prisma/client";

/**
 * Copies the state and month of a measure's latest submitted report onto the
 * measure (drafts do not count). Call it in the transaction of every report change.
 */
export async function refreshLatestReport(tx: Prisma.TransactionClient, measureId: string): Promise<void> {
  const latest = await tx.progressReport.findFirst({
    where: { measureId, state: { not: "DRAFT" } },
    orderBy: [{ period: "desc" }, { updatedAt: "desc" }],
    select: { state: true, period: true },
  });
  await tx.measure.update({
    where: { id: measureId },
    data: { latestReportState: latest?.state ?? null, latestReportPeriod: latest?.period ?? null },
  });
}
