import type { Prisma } from "@/generated/prisma/client";
import type { PrismaClient } from "@/lib/db/create-client";
import type { ListUnitsQuery } from "./api-schemas";

/**
 * Units, active first, by code: all of them, or those matching a search (the
 * type-ahead unit pickers ask for a handful at a time).
 */
export async function listApiUnits(db: PrismaClient, { q, leading, limit }: ListUnitsQuery = { leading: false }) {
  const where: Prisma.UnitWhereInput = {
    ...(leading ? { ledMeasures: { some: {} } } : {}),
    ...(q
      ? {
          OR: (["code", "nameZh", "nameEn"] as const).map((field) => ({ [field]: { contains: q, mode: "insensitive" as const } })),
        }
      : {}),
  };
  const [units, total] = await Promise.all([
    db.unit.findMany({
      where,
      orderBy: [{ active: "desc" }, { code: "asc" }],
      take: limit,
      select: { code: true, nameZh: true, nameEn: true, kind: true, active: true, city: { select: { code: true } } },
    }),
    db.unit.count({ where }),
  ]);
  return { items: units.map(({ city, ...unit }) => ({ ...unit, city: city?.code ?? null })), total };
}

/** The cities of the economic circle, in their usual order. */
export async function listApiCities(db: PrismaClient) {
  return { items: await db.city.findMany({ orderBy: { sortOrder: "asc" }, select: { code: true, nameZh: true, nameEn: true } }) };
}
