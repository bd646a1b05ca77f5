import { conflictError } from "@/lib/audit/conflict-error";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { SessionUser } from "@/lib/auth/session-user";
import type { PrismaClient } from "@/lib/db/create-client";
import { findMeasureFor } from "./find-measure-for";
import type { UpdateMeasureOwnerInput } from "./schemas";

/**
 * Sets a measure's responsible person, if the user's unit may edit it and the
 * measure is still at the version the user read; audited in the same transaction.
 */
export async function updateMeasureOwner(db: PrismaClient, user: SessionUser, input: UpdateMeasureOwnerInput) {
  return db.$transaction(async (tx) => {
    const before = await findMeasureFor(tx, user, "measure.editOwner", input.code);
    const updated = await tx.measure.updateMany({
      where: { id: before.id, version: input.version },
      data: { responsiblePerson: input.responsiblePerson, version: { increment: 1 } },
    });
    if (updated.count === 0) throw await conflictError(tx, "Measure", before.id);
    await recordAuditEvent(tx, {
      actorId: user.id,
      action: "measure.editOwner",
      entityType: "Measure",
      entityId: before.id,
      before: { responsiblePerson: before.responsiblePerson, version: before.version },
      after: { responsiblePerson: input.responsiblePerson, version: before.version + 1 },
    });
  });
}
