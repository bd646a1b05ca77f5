import { Prisma } from "@/generated/prisma/client";
import type { DashboardQuery } from "./schemas";

/** The dashboard's scope filters on measure `m`, its area `a` and programme `p`. */
export function scopeWhereSql(query: Pick<DashboardQuery, "programme" | "area" | "city" | "leadUnit">): Prisma.Sql {
  const conditions: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (query.programme) conditions.push(Prisma.sql`p.code = ${query.programme}`);
  if (query.area) conditions.push(Prisma.sql`a.code = ${query.area}`);
  if (query.city) {
    conditions.push(Prisma.sql`m.id IN (SELECT mc."measureId" FROM "MeasureCity" mc
      WHERE mc."cityId" = (SELECT c.id FROM "City" c WHERE c.code = ${query.city}))`);
  }
  if (query.leadUnit) conditions.push(Prisma.sql`m."leadUnitId" = (SELECT u.id FROM "Unit" u WHERE u.code = ${query.leadUnit})`);
  return Prisma.join(conditions, " AND ");
}

/** Measure `m` with its area `a` and programme `p`, for scopeWhereSql. */
export const scopedMeasuresFrom = Prisma.sql`"Measure" m JOIN "Area" a ON a.id = m."areaId" JOIN "Programme" p ON p.id = a."programmeId"`;
