import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { SessionUser } from "@/lib/auth/session-user";
import type { PrismaClient } from "@/lib/db/create-client";
import { fieldError } from "@/lib/errors/app-error";
import { measureSnapshot, measureWithLinks, resolveMeasureFields } from "./measure-fields";
import type { CreateMeasureInput } from "./schemas";

/** Adds a measure to the catalogue (an admin's form), placed last in its area; audited in the same transaction. */
export async function createMeasure(db: PrismaClient, actor: SessionUser, input: CreateMeasureInput) {
  return db.$transaction(async (tx) => {
    if (await tx.measure.count({ where: { code: input.code } })) throw fieldError("code", "measureCodeTaken");
    const { columns, cooperatingUnitIds, cityIds } = await resolveMeasureFields(tx, input);
    const last = await tx.measure.aggregate({ where: { areaId: columns.areaId }, _max: { sortOrder: true } });
    const measure = await tx.measure.create({
      data: {
        ...columns,
        code: input.code,
        sortOrder: (last._max.sortOrder ?? 0) + 1,
        cooperatingUnits: { create: cooperatingUnitIds.map((unitId) => ({ unitId })) },
        cities: { create: cityIds.map((cityId) => ({ cityId })) },
      },
      include: measureWithLinks,
    });
    await recordAuditEvent(tx, { actorId: actor.id, action: "measure.create", entityType: "Measure", entityId: measure.id, after: measureSnapshot(measure) });
    return measure;
  });
}
