import type { PrismaClient } from "@/lib/db/create-client";

export async function listUnits(db: PrismaClient) {
  return db.unit.findMany({
    orderBy: [{ active: "desc" }, { kind: "asc" }, { code: "asc" }],
    include: { city: { select: { id: true, nameZh: true, nameEn: true } }, _count: { select: { users: true, ledMeasures: true } } },
  });
}

export async function listCities(db: PrismaClient) {
  return db.city.findMany({ orderBy: { sortOrder: "asc" }, select: { id: true, nameZh: true, nameEn: true } });
}

export type UnitRow = Awaited<ReturnType<typeof listUnits>>[number];
