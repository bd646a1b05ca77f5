import type { PrismaClient } from "@/lib/db/create-client";
import { monthEnd } from "@/lib/tracking/dates";

export interface MissingByUnit {
  unit: { code: string; nameZh: string; nameEn: string };
  expected: number;
  missing: { code: string; titleZh: string; titleEn: string; state: "DRAFT" | "RETURNED" | null }[];
}

/**
 * For a month: which lead units have not submitted the report of each measure
 * they lead that is under way (started, not completed or suspended). A draft or
 * a returned report still counts as missing.
 */
export async function listMissingReports(db: PrismaClient, period: Date): Promise<MissingByUnit[]> {
  const periodEnd = monthEnd(period);
  const measures = await db.measure.findMany({
    where: {
      status: { in: ["NOT_STARTED", "IN_PROGRESS"] },
      OR: [{ startDate: null }, { startDate: { lte: periodEnd } }],
    },
    orderBy: [{ leadUnit: { code: "asc" } }, { code: "asc" }],
    select: {
      id: true,
      code: true,
      titleZh: true,
      titleEn: true,
      leadUnitId: true,
      leadUnit: { select: { code: true, nameZh: true, nameEn: true } },
      progressReports: { where: { period }, select: { unitId: true, state: true } },
    },
  });
  const byUnit = new Map<string, MissingByUnit>();
  for (const measure of measures) {
    const entry = byUnit.get(measure.leadUnitId) ?? { unit: measure.leadUnit, expected: 0, missing: [] };
    entry.expected++;
    const report = measure.progressReports.find((candidate) => candidate.unitId === measure.leadUnitId);
    const state = report?.state ?? null;
    if (state === null || state === "DRAFT" || state === "RETURNED") {
      entry.missing.push({ code: measure.code, titleZh: measure.titleZh, titleEn: measure.titleEn, state });
    }
    byUnit.set(measure.leadUnitId, entry);
  }
  return [...byUnit.values()].filter((entry) => entry.missing.length > 0).sort((a, b) => b.missing.length - a.missing.length);
}
