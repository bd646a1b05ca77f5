import type { PrismaClient } from "@/lib/db/create-client";

/** All units, active first, by code. */
export async function listApiUnits(db: PrismaClient) {
  const units = await db.unit.findMany({
    orderBy: [{ active: "desc" }, { code: "asc" }],
    select: { code: true, nameZh: true, nameEn: true, kind: true, active: true, city: { select: { code: true } } },
  });
  return { items: units.map(({ city, ...unit }) => ({ ...unit, city: city?.code ?? null })) };
}

/** The cities of the economic circle, in their usual order. */
export async function listApiCities(db: PrismaClient) {
  return { items: await db.city.findMany({ orderBy: { sortOrder: "asc" }, select: { code: true, nameZh: true, nameEn: true } }) };
}
