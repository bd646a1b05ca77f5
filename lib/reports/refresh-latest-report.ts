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

/**
 * The same for many measures in one statement: after their lead unit changed
 * (an import), the latest report columns follow the NEW lead unit's reports.
 */
export async function refreshLatestReports(tx: Prisma.TransactionClient, measureIds: string[]): Promise<void> {
  if (measureIds.length === 0) return;
  await tx.$executeRaw`
    UPDATE "Measure" AS m SET ("latestReportState", "latestReportPeriod") = (
      SELECT r.state, r.period FROM "ProgressReport" r
      WHERE r."measureId" = m.id AND r."unitId" = m."leadUnitId" AND r.state <> 'DRAFT'
      ORDER BY r.period DESC, r."updatedAt" DESC LIMIT 1)
    WHERE m.id = ANY(${measureIds}::text[])`;
}
