import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { SessionUser } from "@/lib/auth/session-user";
import type { PrismaClient } from "@/lib/db/create-client";
import { AppError, fieldError } from "@/lib/errors/app-error";
import { findMeasureFor } from "@/lib/measures/find-measure-for";
import { emitExtensionRequested } from "@/lib/reminders/action-events";
import { isoDay } from "@/lib/tracking/dates";
import type { RequestExtensionInput } from "./schemas";

/** An official asks, before the due date, to move it later; one open request at a time. */
export async function requestExtension(db: PrismaClient, user: SessionUser, input: RequestExtensionInput, today: Date) {
  return db.$transaction(async (tx) => {
    const measure = await findMeasureFor(tx, user, "extension.request", input.measureCode);
    if (!measure.dueDate || measure.status === "COMPLETED") throw new AppError("INVALID_STATE");
    if (measure.dueDate < today) throw fieldError("requestedDueDate", "alreadyOverdue");
    if (input.requestedDueDate <= measure.dueDate) throw fieldError("requestedDueDate", "mustBeLater");
    if (await tx.extensionRequest.count({ where: { measureId: measure.id, state: "PENDING" } })) {
      throw fieldError("requestedDueDate", "extensionPending");
    }
    const request = await tx.extensionRequest.create({
      data: {
        measureId: measure.id,
        requestedById: user.id,
        currentDueDate: measure.dueDate,
        requestedDueDate: input.requestedDueDate,
        reason: input.reason,
      },
    });
    await recordAuditEvent(tx, {
      actorId: user.id,
      action: "extension.request",
      entityType: "Measure",
      entityId: measure.id,
      after: { extension: request.id, from: isoDay(measure.dueDate), to: isoDay(input.requestedDueDate), reason: input.reason },
    });
    await emitExtensionRequested(tx, user.id, measure, request);
  });
}
