import type { Prisma } from "@/generated/prisma/client";
import { can } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session-user";
import type { PrismaClient } from "@/lib/db/create-client";
import { AppError } from "@/lib/errors/app-error";
import type { ListUnitsPageQuery } from "./schemas";

const unitRowSelect = {
  id: true,
  code: true,
  nameZh: true,
  nameEn: true,
  kind: true,
  cityId: true,
  active: true,
  version: true,
  webhookUrl: true,
  city: { select: { nameZh: true, nameEn: true } },
  // Two index probes per row of the page (User.unitId, Measure.leadUnitId).
  _count: { select: { users: true, ledMeasures: true } },
} satisfies Prisma.UnitSelect;

function unitsWhere({ q, kind, active }: ListUnitsPageQuery): Prisma.UnitWhereInput {
  return {
    ...(kind ? { kind } : {}),
    ...(active ? { active: active === "true" } : {}),
    ...(q ? { OR: (["code", "nameZh", "nameEn"] as const).map((field) => ({ [field]: { contains: q, mode: "insensitive" as const } })) } : {}),
  };
}

/**
 * One page of units for administrators: a count, then the page (a page past
 * the end shows the last one). Active first, by code (its unique index).
 */
export async function listUnitsPage(db: PrismaClient, actor: Pick<SessionUser, "role" | "unitId">, query: ListUnitsPageQuery) {
  if (!can(actor, "unit.manage")) throw new AppError("FORBIDDEN");
  const where = unitsWhere(query);
  const total = await db.unit.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / query.perPage));
  const page = Math.min(query.page, pageCount);
  const rows = await db.unit.findMany({
    where,
    orderBy: [{ active: "desc" }, { code: "asc" }],
    skip: (page - 1) * query.perPage,
    take: query.perPage,
    select: unitRowSelect,
  });
  return { rows, total, page, pageCount };
}

/** The unit opened in the edit drawer (?edit=<id>), or null. */
export async function getUnitForEdit(db: PrismaClient, actor: Pick<SessionUser, "role" | "unitId">, id: string) {
  if (!can(actor, "unit.manage")) throw new AppError("FORBIDDEN");
  return db.unit.findUnique({ where: { id }, select: unitRowSelect });
}

export type UnitPageRow = Awaited<ReturnType<typeof listUnitsPage>>["rows"][number];
