import type { PrismaClient } from "@/lib/db/create-client";

const unitSelect = { id: true, code: true, nameZh: true, nameEn: true } as const;
const partSelect = {
  id: true,
  unitId: true,
  period: true,
  percentComplete: true,
  kpiActual: true,
  investmentCompleted: true,
  progress: true,
  reviewedAt: true,
} as const;

/**
 * Each cooperating unit's own part of a measure: the unit and its latest
 * APPROVED report (its newest approved month; null before any), shown beside
 * the lead unit's on the measure page. These figures are the unit's own and are
 * never copied onto the measure, whose figures only the lead unit's approved
 * report sets. Units in the order the measure lists them (by code).
 */
export async function listCooperatingParts(db: PrismaClient, measureId: string) {
  const links = await db.measureCooperatingUnit.findMany({
    where: { measureId },
    select: { unit: { select: unitSelect } },
    orderBy: { unit: { code: "asc" } },
  });
  if (links.length === 0) return [];
  const approved = await db.progressReport.findMany({
    where: { measureId, unitId: { in: links.map(({ unit }) => unit.id) }, state: "APPROVED" },
    orderBy: [{ unitId: "asc" }, { period: "desc" }],
    distinct: ["unitId"],
    select: partSelect,
  });
  const byUnit = new Map(approved.map((report) => [report.unitId, report]));
  return links.map(({ unit }) => ({ unit, latestApproved: byUnit.get(unit.id) ?? null }));
}

export type CooperatingPart = Awaited<ReturnType<typeof listCooperatingParts>>[number];
