import { Prisma } from "@/generated/prisma/client";

/** The scope filters the ledger and the dashboard share: programme, area, city and lead unit, by code. */
export interface MeasureScope {
  programme?: string;
  area?: string;
  city?: string;
  leadUnit?: string;
}

/**
 * Measure `m` with its area `a` and programme `p`: the fixed aliases every
 * fragment of this module (and its callers' extra conditions) rely on.
 */
export const scopedMeasuresFrom = Prisma.sql`"Measure" m JOIN "Area" a ON a.id = m."areaId" JOIN "Programme" p ON p.id = a."programmeId"`;

/** The scope filters on `m`, `a` and `p`, ANDed with any extra conditions of the caller. */
export function scopeWhereSql(scope: MeasureScope, extra: Prisma.Sql[] = []): Prisma.Sql {
  const conditions: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (scope.programme) conditions.push(Prisma.sql`p.code = ${scope.programme}`);
  if (scope.area) conditions.push(Prisma.sql`a.code = ${scope.area}`);
  if (scope.city) {
    // A set of ids the planner can hash, rather than a probe per measure.
    conditions.push(Prisma.sql`m.id IN (SELECT mc."measureId" FROM "MeasureCity" mc
      WHERE mc."cityId" = (SELECT c.id FROM "City" c WHERE c.code = ${scope.city}))`);
  }
  if (scope.leadUnit) conditions.push(Prisma.sql`m."leadUnitId" = (SELECT u.id FROM "Unit" u WHERE u.code = ${scope.leadUnit})`);
  return Prisma.join([...conditions, ...extra], " AND ");
}
