import { Prisma } from "@/generated/prisma/client";
import type { PrismaClient } from "@/lib/db/create-client";

export interface LeadReportText {
  measureId: string;
  progress: string;
  problems: string;
  nextSteps: string;
  /** The report's live evidence files (佐证材料); never a draft's, so everyone who sees the report may count them. */
  evidenceFiles: number;
}

/**
 * The three texts of each measure's latest submitted report of its LEAD unit
 * (up to a month, if given): what exports and bulletins print as the measure's
 * progress, with how many evidence files back it. Drafts never count, and neither do cooperating units' reports,
 * which are shown beside the lead unit's on the measure page, never in its place.
 */
export async function latestLeadReports(db: PrismaClient, measureIds: string[], upTo?: Date): Promise<Map<string, LeadReportText>> {
  if (measureIds.length === 0) return new Map();
  // One index probe per measure on (measureId, unitId, period), which is unique: the
  // latest report is the first one found backwards, and only its files are counted.
  // (DISTINCT ON over all the measures' reports read and sorted ~60 rows per measure.)
  const rows = await db.$queryRaw<LeadReportText[]>(Prisma.sql`
    SELECT m.id AS "measureId", r.progress, r.problems, r."nextSteps",
      (SELECT count(*)::int FROM "Attachment" a WHERE a."reportId" = r.id AND a."deletedAt" IS NULL) AS "evidenceFiles"
    FROM "Measure" m CROSS JOIN LATERAL (
      SELECT r.id, r.progress, r.problems, r."nextSteps" FROM "ProgressReport" r
      WHERE r."measureId" = m.id AND r."unitId" = m."leadUnitId" AND r.state <> 'DRAFT'
        ${upTo ? Prisma.sql`AND r.period <= ${upTo.toISOString().slice(0, 10)}::date` : Prisma.empty}
      ORDER BY r.period DESC LIMIT 1
    ) r
    WHERE m.id = ANY(${measureIds})`);
  return new Map(rows.map((row) => [row.measureId, row]));
}
