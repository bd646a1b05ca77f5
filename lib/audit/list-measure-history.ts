import type { PrismaClient } from "@/lib/db/create-client";

/**
 * Who changed what on a measure and its reports, newest first, as a member of
 * `viewerUnitId` may see it: another unit's draft is private, so the events of
 * another unit's report that is a draft now are left out, and so are the draft
 * saves (report.save) of another unit's report that was submitted since.
 */
export async function listMeasureHistory(db: PrismaClient, measureId: string, viewerUnitId: string | null, take = 50) {
  const reports = await db.progressReport.findMany({ where: { measureId }, select: { id: true, unitId: true, state: true } });
  const own = reports.filter((report) => viewerUnitId !== null && report.unitId === viewerUnitId).map((report) => report.id);
  const others = reports.filter((report) => report.unitId !== viewerUnitId && report.state !== "DRAFT").map((report) => report.id);
  return db.auditEvent.findMany({
    where: {
      OR: [
        { entityType: "Measure", entityId: measureId },
        { entityType: "ProgressReport", entityId: { in: own } },
        { entityType: "ProgressReport", entityId: { in: others }, action: { not: "report.save" } },
      ],
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    include: { actor: { select: { displayName: true } } },
  });
}

export type HistoryEvent = Awaited<ReturnType<typeof listMeasureHistory>>[number];
