import type { PrismaClient } from "@/lib/db/create-client";

/** Who changed what on a measure and its reports, newest first. */
export async function listMeasureHistory(db: PrismaClient, measureId: string, take = 50) {
  const reportIds = (await db.progressReport.findMany({ where: { measureId }, select: { id: true } })).map((report) => report.id);
  return db.auditEvent.findMany({
    where: {
      OR: [
        { entityType: "Measure", entityId: measureId },
        { entityType: "ProgressReport", entityId: { in: reportIds } },
      ],
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    include: { actor: { select: { displayName: true } } },
  });
}

export type HistoryEvent = Awaited<ReturnType<typeof listMeasureHistory>>[number];
