import { scopeOf } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session-user";
import type { PrismaClient } from "@/lib/db/create-client";

/**
 * The units whose report sheet the user may download: for an inspector every
 * unit that leads or cooperates on a measure, for an official their own.
 */
export async function listCollectionUnits(db: PrismaClient, user: SessionUser) {
  const scope = scopeOf(user.role, "report.collect");
  if (scope === null || (scope === "ownUnit" && !user.unitId)) return [];
  return db.unit.findMany({
    where: {
      ...(scope === "ownUnit" ? { id: user.unitId! } : {}),
      OR: [{ ledMeasures: { some: {} } }, { cooperatesOn: { some: {} } }],
    },
    select: { code: true, nameZh: true, nameEn: true },
    orderBy: [{ kind: "asc" }, { code: "asc" }],
  });
}
