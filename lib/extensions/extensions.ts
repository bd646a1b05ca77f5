import { conflictError } from "@/lib/audit/conflict-error";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { SessionUser } from "@/lib/auth/session-user";
import type { PrismaClient } from "@/lib/db/create-client";
import { AppError, fieldError } from "@/lib/errors/app-error";
import { findMeasureFor } from "@/lib/measures/find-measure-for";
import { isoDay } from "@/lib/tracking/dates";
import type { DecideExtensionInput, ReopenMeasureInput, RequestExtensionInput } from "./schemas";

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
  });
}

/** An inspector approves (the due date moves) or rejects a pending request. */
export async function decideExtension(db: PrismaClient, user: SessionUser, input: DecideExtensionInput) {
  return db.$transaction(async (tx) => {
    const request = await tx.extensionRequest.findUnique({ where: { id: input.extensionId } });
    if (!request) throw new AppError("NOT_FOUND");
    if (request.state !== "PENDING") throw new AppError("INVALID_STATE");
    const state = input.decision === "approve" ? "APPROVED" : "REJECTED";
    const updated = await tx.extensionRequest.updateMany({
      where: { id: request.id, version: input.version },
      data: { state, decidedById: user.id, decisionComment: input.comment || null, decidedAt: new Date(), version: { increment: 1 } },
    });
    if (updated.count === 0) throw await conflictError(tx, "Measure", request.measureId);
    if (state === "APPROVED") {
      await tx.measure.update({
        where: { id: request.measureId },
        data: { dueDate: request.requestedDueDate, version: { increment: 1 } },
      });
    }
    await recordAuditEvent(tx, {
      actorId: user.id,
      action: state === "APPROVED" ? "extension.approve" : "extension.reject",
      entityType: "Measure",
      entityId: request.measureId,
      before: { dueDate: isoDay(request.currentDueDate) },
      after: { extension: request.id, dueDate: isoDay(state === "APPROVED" ? request.requestedDueDate : request.currentDueDate), comment: input.comment },
    });
  });
}

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
