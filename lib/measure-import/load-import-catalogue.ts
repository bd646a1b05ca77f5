import type { Prisma } from "@/generated/prisma/client";

/** The units, areas, programmes and cities an import names, and the measures of the codes it holds. */
export async function loadCatalogue(tx: Prisma.TransactionClient, codes: string[]) {
  const [units, areas, cities, measures, programmes] = await Promise.all([
    tx.unit.findMany({ select: { id: true, code: true, nameZh: true, nameEn: true, kind: true, active: true, aliases: { select: { alias: true } } } }),
    tx.area.findMany({ select: { id: true, code: true, titleZh: true, titleEn: true } }),
    tx.city.findMany({ select: { id: true, nameZh: true, nameEn: true } }),
    tx.measure.findMany({
      where: { code: { in: codes } },
      select: {
        id: true,
        code: true,
        version: true,
        titleZh: true,
        titleEn: true,
        descriptionZh: true,
        descriptionEn: true,
        leadUnitId: true,
        responsiblePerson: true,
        dueDate: true,
        ongoing: true,
        kpiNameZh: true,
        kpiNameEn: true,
        kpiUnit: true,
        kpiTarget: true,
        investmentPlanned: true,
        areaId: true,
        cooperatingUnits: { select: { unitId: true } },
        cities: { select: { cityId: true } },
      },
    }),
    tx.programme.findMany({ select: { id: true, code: true } }),
  ]);
  return { units, areas, cities, measures, programmes };
}
export type Catalogue = Awaited<ReturnType<typeof loadCatalogue>>;
