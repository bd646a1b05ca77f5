import type { Prisma } from "@/generated/prisma/client";
import { recordAuditEvent, recordAuditEvents } from "@/lib/audit/record-audit-event";
import type { SessionUser } from "@/lib/auth/session-user";
import type { PrismaClient } from "@/lib/db/create-client";
import { AppError, fieldError } from "@/lib/errors/app-error";
import { unitNameKey } from "@/lib/measure-import/match-unit-name";
import type { CreateUnitAliasInput, UnitAliasListQuery } from "./schemas";

/*
 * Unit aliases: other names offices write for a unit (省发改委). The measure
 * import matches them after the units' own names; admins keep them here, and a
 * confirmation in the import preview adds one.
 */

export const UNIT_ALIAS_PAGE_SIZE = 50;

export async function listUnitAliases(db: PrismaClient, { q, page }: UnitAliasListQuery) {
  const where: Prisma.UnitAliasWhereInput = q
    ? { OR: [{ alias: { contains: q, mode: "insensitive" } }, { unit: { nameZh: { contains: q, mode: "insensitive" } } }, { unit: { code: { contains: q } } }] }
    : {};
  const [total, aliases] = await Promise.all([
    db.unitAlias.count({ where }),
    db.unitAlias.findMany({
      where,
      orderBy: [{ alias: "asc" }, { id: "asc" }],
      skip: (page - 1) * UNIT_ALIAS_PAGE_SIZE,
      take: UNIT_ALIAS_PAGE_SIZE,
      select: { id: true, alias: true, createdAt: true, createdById: true, unit: { select: { code: true, nameZh: true, nameEn: true } } },
    }),
  ]);
  return { total, aliases, page, pageSize: UNIT_ALIAS_PAGE_SIZE };
}

/** Refuses a name that already means a unit (its own name or another alias), so a name never means two units. */
export async function createUnitAlias(db: PrismaClient, actor: SessionUser, input: CreateUnitAliasInput) {
  const key = unitNameKey(input.alias);
  return db.$transaction(async (tx) => {
    const unit = await tx.unit.findUnique({ where: { code: input.unitCode }, select: { id: true } });
    if (!unit) throw fieldError("unitCode", "unitNotFound");
    const units = await tx.unit.findMany({ select: { nameZh: true, nameEn: true } });
    if (units.some((other) => unitNameKey(other.nameZh) === key || unitNameKey(other.nameEn) === key)) throw fieldError("alias", "aliasIsUnitName");
    if (await tx.unitAlias.findUnique({ where: { key }, select: { id: true } })) throw fieldError("alias", "aliasTaken");
    const alias = await tx.unitAlias.create({ data: { alias: input.alias, key, unitId: unit.id, createdById: actor.id } });
    await recordAuditEvent(tx, { actorId: actor.id, action: "unitAlias.create", entityType: "Unit", entityId: unit.id, after: { alias: alias.alias } });
    return alias;
  });
}

export async function deleteUnitAlias(db: PrismaClient, actor: SessionUser, id: string) {
  await db.$transaction(async (tx) => {
    const alias = await tx.unitAlias.findUnique({ where: { id } });
    if (!alias) throw new AppError("NOT_FOUND");
    await tx.unitAlias.delete({ where: { id } });
    await recordAuditEvent(tx, { actorId: actor.id, action: "unitAlias.delete", entityType: "Unit", entityId: alias.unitId, before: { alias: alias.alias } });
  });
}

/**
 * The names an admin confirmed in an import's preview become aliases, in the
 * import's transaction (a name whose key is already taken is left as it is).
 */
export async function learnUnitAliases(tx: Prisma.TransactionClient, actor: SessionUser, confirmed: { name: string; unitCode: string }[]) {
  if (confirmed.length === 0) return;
  const units = await tx.unit.findMany({ where: { code: { in: confirmed.map((entry) => entry.unitCode) } }, select: { id: true, code: true } });
  const unitIds = new Map(units.map((unit) => [unit.code, unit.id]));
  const byKey = new Map(confirmed.flatMap(({ name, unitCode }) => (unitIds.has(unitCode) ? [[unitNameKey(name), { name, unitId: unitIds.get(unitCode)! }] as const] : [])));
  const created = await tx.unitAlias.createManyAndReturn({
    data: [...byKey].map(([key, { name, unitId }]) => ({ alias: name, key, unitId, createdById: actor.id })),
    skipDuplicates: true,
    select: { alias: true, unitId: true },
  });
  await recordAuditEvents(
    tx,
    created.map((alias) => ({ actorId: actor.id, action: "unitAlias.create", entityType: "Unit", entityId: alias.unitId, after: { alias: alias.alias, source: "import" } })),
  );
}
