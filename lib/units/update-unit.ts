import { conflictError } from "@/lib/audit/conflict-error";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { SessionUser } from "@/lib/auth/session-user";
import type { PrismaClient } from "@/lib/db/create-client";
import { AppError } from "@/lib/errors/app-error";
import type { UpdateUnitInput } from "./schemas";
import { assertCityExists, unitSnapshot } from "./unit-rules";

/** Renames, re-classifies or (de)activates a unit, if nobody changed it since it was read. */
export async function updateUnit(db: PrismaClient, actor: SessionUser, input: UpdateUnitInput) {
  await db.$transaction(async (tx) => {
    const before = await tx.unit.findUnique({ where: { id: input.unitId } });
    if (!before) throw new AppError("NOT_FOUND");
    await assertCityExists(tx, input.cityId);
    const { unitId, version, ...fields } = input;
    const updated = await tx.unit.updateMany({
      where: { id: unitId, version },
      data: { ...fields, version: { increment: 1 } },
    });
    if (updated.count === 0) throw await conflictError(tx, "Unit", unitId);
    const after = await tx.unit.findUniqueOrThrow({ where: { id: unitId } });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "unit.update",
      entityType: "Unit",
      entityId: unitId,
      before: unitSnapshot(before),
      after: unitSnapshot(after),
    });
  });
}
