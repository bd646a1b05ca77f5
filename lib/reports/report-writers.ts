import type { Prisma } from "@/generated/prisma/client";

/** The audit actions of writing a report (an inspector's on-behalf submission too): whoever did one of them wrote it. */
export const WRITING_ACTIONS = ["report.save", "report.submit", "report.submitOnBehalf"];

type Reader = Pick<Prisma.TransactionClient, "auditEvent">;

/**
 * The ids of reports (among `reportIds`, or any when not given) that the user
 * wrote: saved or submitted some version of. The report's author field holds
 * only the last writer; the audit trail holds them all. Nobody reviews these.
 */
export async function reportIdsWrittenBy(db: Reader, userId: string, reportIds?: string[]): Promise<Set<string>> {
  if (reportIds && reportIds.length === 0) return new Set();
  const events = await db.auditEvent.findMany({
    where: {
      entityType: "ProgressReport",
      actorId: userId,
      action: { in: WRITING_ACTIONS },
      ...(reportIds ? { entityId: { in: reportIds } } : {}),
    },
    select: { entityId: true },
    distinct: ["entityId"],
  });
  return new Set(events.map((event) => event.entityId));
}
