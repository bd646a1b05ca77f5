import type { Prisma } from "@/generated/prisma/client";
import type { Completion } from "./undo-window";

/** The latest completion event of each of a measure's milestones since `since`, by milestone id. */
export async function latestCompletions(
  db: Pick<Prisma.TransactionClient, "auditEvent">,
  measureId: string,
  since: Date,
): Promise<Map<string, Completion>> {
  const events = await db.auditEvent.findMany({
    where: { entityType: "Measure", entityId: measureId, action: "milestone.complete", createdAt: { gte: since } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { actorId: true, createdAt: true, after: true },
  });
  const latest = new Map<string, Completion>();
  for (const event of events) {
    const milestoneId = (event.after as { milestone?: unknown } | null)?.milestone;
    if (typeof milestoneId === "string" && !latest.has(milestoneId)) latest.set(milestoneId, { actorId: event.actorId, createdAt: event.createdAt });
  }
  return latest;
}
