import type { PrismaClient } from "@/lib/db/create-client";

/** What the catalogue forms choose from: programmes with their areas, and the cities. */
export async function loadCatalogueChoices(db: PrismaClient) {
  const [programmes, cities] = await Promise.all([
    db.programme.findMany({
      orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
      include: { areas: { orderBy: [{ sortOrder: "asc" }, { code: "asc" }] } },
    }),
    db.city.findMany({ orderBy: [{ sortOrder: "asc" }, { code: "asc" }], select: { code: true, nameZh: true, nameEn: true } }),
  ]);
  return { programmes, cities };
}
export type CatalogueChoices = Awaited<ReturnType<typeof loadCatalogueChoices>>;

/** A measure as the edit form shows it: every catalogue field as the text of its input. */
export async function loadMeasureForEdit(db: PrismaClient, code: string) {
  const measure = await db.measure.findUnique({
    where: { code },
    include: {
      area: { select: { code: true } },
      leadUnit: { select: { code: true, nameZh: true, nameEn: true } },
      cooperatingUnits: { select: { unit: { select: { code: true, nameZh: true, nameEn: true } } }, orderBy: { unit: { code: "asc" } } },
      cities: { select: { city: { select: { code: true } } } },
    },
  });
  if (!measure) return null;
  const day = (value: Date | null) => value?.toISOString().slice(0, 10) ?? "";
  const text = (value: { toString(): string } | null) => value?.toString() ?? "";
  return {
    code: measure.code,
    version: measure.version,
    status: measure.status,
    suspendedAt: measure.suspendedAt,
    suspendedReason: measure.suspendedReason,
    leadUnit: measure.leadUnit,
    /** The cooperating units as the picker's chips. */
    cooperatingUnits: measure.cooperatingUnits.map((link) => link.unit),
    values: {
      areaCode: measure.area.code,
      titleZh: measure.titleZh,
      titleEn: measure.titleEn,
      descriptionZh: measure.descriptionZh,
      descriptionEn: measure.descriptionEn,
      cooperatingUnits: measure.cooperatingUnits.map((link) => link.unit.code).join(", "),
      cities: measure.cities.map((link) => link.city.code).join(","),
      responsiblePerson: measure.responsiblePerson ?? "",
      startDate: day(measure.startDate),
      dueDate: day(measure.dueDate),
      ongoing: measure.ongoing ? "on" : "",
      kpiNameZh: measure.kpiNameZh ?? "",
      kpiNameEn: measure.kpiNameEn ?? "",
      kpiUnit: measure.kpiUnit ?? "",
      kpiBaseline: text(measure.kpiBaseline),
      kpiTarget: text(measure.kpiTarget),
      investmentPlanned: text(measure.investmentPlanned),
    },
  };
}
export type MeasureForEdit = NonNullable<Awaited<ReturnType<typeof loadMeasureForEdit>>>;
