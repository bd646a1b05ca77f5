import { conflictError } from "@/lib/audit/conflict-error";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { SessionUser } from "@/lib/auth/session-user";
import type { PrismaClient } from "@/lib/db/create-client";
import { AppError } from "@/lib/errors/app-error";
import { emitExtensionDecided } from "@/lib/reminders/action-events";
import { isoDay } from "@/lib/tracking/dates";
import type { DecideExtensionInput } from "./schemas";

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
    const measure = await tx.measure.findUniqueOrThrow({ where: { id: request.measureId } });
    await emitExtensionDecided(tx, user.id, measure, request, state, input.comment ?? "");
  });
}
