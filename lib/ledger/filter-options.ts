import type { PrismaClient } from "@/lib/db/create-client";

/**
 * What the filter forms offer: programmes, areas and cities as menus, and the
 * selected lead unit by name. Units are too many for a menu (about 1,500 at
 * province scale), so the form's unit picker searches `GET /api/v1/units`.
 */
export async function listLedgerFilterOptions(db: PrismaClient, leadUnitCode?: string) {
  const [programmes, areas, cities, leadUnit] = await Promise.all([
    db.programme.findMany({ orderBy: { sortOrder: "asc" }, select: { code: true, titleZh: true, titleEn: true } }),
    db.area.findMany({ orderBy: { sortOrder: "asc" }, select: { code: true, titleZh: true, titleEn: true } }),
    db.city.findMany({ orderBy: { sortOrder: "asc" }, select: { code: true, nameZh: true, nameEn: true } }),
    leadUnitCode ? db.unit.findUnique({ where: { code: leadUnitCode }, select: { code: true, nameZh: true, nameEn: true } }) : null,
  ]);
  return { programmes, areas, cities, leadUnit };
}

export type LedgerFilterOptions = Awaited<ReturnType<typeof listLedgerFilterOptions>>;
