import type { PrismaClient } from "@/lib/db/create-client";
import type { HistoryFacts } from "./history-sentence";

/**
 * Who changed what on a measure and its reports, newest first, as a member of
 * `viewerUnitId` may see it: another unit's draft is private, so the events of
 * another unit's report that is a draft now are left out, and so are the draft
 * saves (report.save) of another unit's report that was submitted since.
 * Each event comes with what its sentence names (lib/audit/history-sentence.ts):
 * the actor's role and unit, the report's month and unit, the milestone's title.
 */
export async function listMeasureHistory(db: PrismaClient, measureId: string, viewerUnitId: string | null, take = 50) {
  const [reports, milestones] = await Promise.all([
    db.progressReport.findMany({
      where: { measureId },
      select: { id: true, unitId: true, state: true, period: true, unit: { select: { nameZh: true, nameEn: true } } },
    }),
    db.milestone.findMany({ where: { measureId }, select: { id: true, titleZh: true, titleEn: true } }),
  ]);
  const own = reports.filter((report) => viewerUnitId !== null && report.unitId === viewerUnitId).map((report) => report.id);
  const others = reports.filter((report) => report.unitId !== viewerUnitId && report.state !== "DRAFT").map((report) => report.id);
  const events = await db.auditEvent.findMany({
    where: {
      OR: [
        { entityType: "Measure", entityId: measureId },
        { entityType: "ProgressReport", entityId: { in: own } },
        { entityType: "ProgressReport", entityId: { in: others }, action: { not: "report.save" } },
      ],
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    include: { actor: { select: { displayName: true, role: true, unit: { select: { nameZh: true, nameEn: true } } } } },
  });
  const reportById = new Map(reports.map((report) => [report.id, report]));
  const milestoneById = new Map(milestones.map((milestone) => [milestone.id, milestone]));
  return events.map((event) => {
    const report = event.entityType === "ProgressReport" ? reportById.get(event.entityId) : undefined;
    const milestoneId = (event.after as { milestone?: unknown } | null)?.milestone;
    return {
      ...event,
      report: report ? { period: report.period, unit: report.unit } : null,
      milestone: typeof milestoneId === "string" ? (milestoneById.get(milestoneId) ?? null) : null,
    } satisfies HistoryFacts & { id: string; createdAt: Date };
  });
}

export type HistoryEvent = Awaited<ReturnType<typeof listMeasureHistory>>[number];
