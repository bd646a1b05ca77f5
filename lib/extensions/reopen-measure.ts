import { conflictError } from "@/lib/audit/conflict-error";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { SessionUser } from "@/lib/auth/session-user";
import type { PrismaClient } from "@/lib/db/create-client";
import { AppError } from "@/lib/errors/app-error";
import { findMeasureFor } from "@/lib/measures/find-measure-for";
import type { ReopenMeasureInput } from "./schemas";

/** An inspector reopens a closed-out measure, saying why. */
export async function reopenMeasure(db: PrismaClient, user: SessionUser, input: ReopenMeasureInput) {
  return db.$transaction(async (tx) => {
    const measure = await findMeasureFor(tx, user, "measure.reopen", input.measureCode);
    if (measure.status !== "COMPLETED") throw new AppError("INVALID_STATE");
    const updated = await tx.measure.updateMany({
      where: { id: measure.id, version: input.version },
      data: { status: "IN_PROGRESS", version: { increment: 1 } },
    });
    if (updated.count === 0) throw await conflictError(tx, "Measure", measure.id);
    await recordAuditEvent(tx, {
      actorId: user.id,
      action: "measure.reopen",
      entityType: "Measure",
      entityId: measure.id,
      before: { status: "COMPLETED" },
      after: { status: "IN_PROGRESS", reason: input.reason },
    });
  });
}
