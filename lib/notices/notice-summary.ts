import { Prisma } from "@/generated/prisma/client";
import type { NoticeLevel } from "@/generated/prisma/enums";
import type { PrismaClient } from "@/lib/db/create-client";
import { isoDay } from "@/lib/tracking/dates";

export interface NoticeSummary {
  /** Notices in progress (OPEN, REPLIED, RETURNED). */
  open: number;
  /** Awaiting the unit's reply past the deadline. */
  overdue: number;
  /** Level of the latest notice. */
  latestLevel: NoticeLevel;
}

/** Per measure (of those given that have any notice): open and overdue counts and the latest level. */
export async function noticeSummaries(db: Pick<PrismaClient, "$queryRaw">, measureIds: string[], today: Date): Promise<Map<string, NoticeSummary>> {
  if (measureIds.length === 0) return new Map();
  const rows = await db.$queryRaw<(NoticeSummary & { measureId: string })[]>(Prisma.sql`
    SELECT n."measureId",
           (COUNT(*) FILTER (WHERE n.state IN ('OPEN', 'REPLIED', 'RETURNED')))::int AS open,
           (COUNT(*) FILTER (WHERE n.state IN ('OPEN', 'RETURNED') AND n."replyDueDate" < ${isoDay(today)}::date))::int AS overdue,
           ((array_agg(n.level::text ORDER BY n."createdAt" DESC, n.number DESC))[1]) AS "latestLevel"
    FROM "Notice" n WHERE n."measureId" = ANY(${measureIds}::text[])
    GROUP BY n."measureId"`);
  return new Map(rows.map(({ measureId, ...summary }) => [measureId, summary]));
}
