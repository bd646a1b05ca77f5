import type { PrismaClient } from "@/lib/db/create-client";

/** What the ledger's filter menus offer: programmes, areas, cities and units that lead a measure. */
export async function listLedgerFilterOptions(db: PrismaClient) {
  const [programmes, areas, cities, leadUnits] = await Promise.all([
    db.programme.findMany({ orderBy: { sortOrder: "asc" }, select: { code: true, titleZh: true, titleEn: true } }),
    db.area.findMany({ orderBy: { sortOrder: "asc" }, select: { code: true, titleZh: true, titleEn: true } }),
    db.city.findMany({ orderBy: { sortOrder: "asc" }, select: { code: true, nameZh: true, nameEn: true } }),
    db.unit.findMany({ where: { ledMeasures: { some: {} } }, orderBy: { code: "asc" }, select: { code: true, nameZh: true, nameEn: true } }),
  ]);
  return { programmes, areas, cities, leadUnits };
}
