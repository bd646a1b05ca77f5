import { Prisma } from "@/generated/prisma/client";
import { scopeOf, type Permission } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session-user";
import { ownUnitMeasureIdsSql } from "./measure-sql";

/**
 * The measures a user may act on under a permission, as a Prisma `where`.
 * Every unit-scoped read and write adds this, so a forgotten check cannot leak.
 */
export function measureWhereFor(user: Pick<SessionUser, "role" | "unitId">, permission: Permission): Prisma.MeasureWhereInput {
  const scope = scopeOf(user.role, permission);
  if (scope === "all") return {};
  if (scope === "ownUnit" && user.unitId) return measuresOfUnitWhere(user.unitId);
  // No grant: match nothing.
  return { id: { in: [] } };
}

/** The measures a unit leads or cooperates on: what it reports on. */
export function measuresOfUnitWhere(unitId: string): Prisma.MeasureWhereInput {
  return { OR: [{ leadUnitId: unitId }, { cooperatingUnits: { some: { unitId } } }] };
}

/** measureWhereFor as SQL on a measure id expression (e.g. `c."measureId"`), for the raw-SQL reads (sql-rows.ts). */
export function measureIdWhereSql(user: Pick<SessionUser, "role" | "unitId">, permission: Permission, measureId: Prisma.Sql): Prisma.Sql {
  const scope = scopeOf(user.role, permission);
  if (scope === "all") return Prisma.sql`TRUE`;
  if (scope === "ownUnit" && user.unitId) return Prisma.sql`${measureId} IN (${ownUnitMeasureIdsSql(user.unitId)})`;
  // No grant: match nothing.
  return Prisma.sql`FALSE`;
}
