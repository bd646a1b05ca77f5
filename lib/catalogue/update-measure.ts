import { conflictError } from "@/lib/audit/conflict-error";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { SessionUser } from "@/lib/auth/session-user";
import type { PrismaClient } from "@/lib/db/create-client";
import { AppError } from "@/lib/errors/app-error";
import { measureSnapshot, measureWithLinks, resolveMeasureFields } from "./measure-fields";
import type { UpdateMeasureInput } from "./schemas";

/**
 * Edits a measure's catalogue fields (not its progress, which reports set), if
 * nobody changed it since the admin read it: a stale version is refused with
 * who changed it and when, and the form keeps what was typed.
 */
export async function updateMeasure(db: PrismaClient, actor: SessionUser, input: UpdateMeasureInput) {
  return db.$transaction(async (tx) => {
    const before = await tx.measure.findUnique({ where: { code: input.code }, include: measureWithLinks });
    if (!before) throw new AppError("NOT_FOUND");
    const { columns, cooperatingUnitIds, cityIds } = await resolveMeasureFields(tx, input);
    const updated = await tx.measure.updateMany({ where: { id: before.id, version: input.version }, data: { ...columns, version: { increment: 1 } } });
    if (updated.count === 0) throw await conflictError(tx, "Measure", before.id);
    await tx.measureCooperatingUnit.deleteMany({ where: { measureId: before.id } });
    await tx.measureCooperatingUnit.createMany({ data: cooperatingUnitIds.map((unitId) => ({ measureId: before.id, unitId })) });
    await tx.measureCity.deleteMany({ where: { measureId: before.id } });
    await tx.measureCity.createMany({ data: cityIds.map((cityId) => ({ measureId: before.id, cityId })) });
    const after = await tx.measure.findUniqueOrThrow({ where: { id: before.id }, include: measureWithLinks });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "measure.update",
      entityType: "Measure",
      entityId: before.id,
      before: measureSnapshot(before),
      after: measureSnapshot(after),
    });
    return after;
  });
}
