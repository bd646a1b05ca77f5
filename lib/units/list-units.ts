import type { PrismaClient } from "@/lib/db/create-client";

/** Active units as choices of a select (an account's unit): id and names only. */
export async function listUnitOptions(db: PrismaClient) {
  return db.unit.findMany({ where: { active: true }, orderBy: { code: "asc" }, select: { id: true, code: true, nameZh: true, nameEn: true } });
}

export async function listCities(db: PrismaClient) {
  return db.city.findMany({ orderBy: { sortOrder: "asc" }, select: { id: true, nameZh: true, nameEn: true } });
}
