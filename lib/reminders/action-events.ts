import type { Prisma } from "@/generated/prisma/client";
import { emitEvent } from "@/lib/events/emit-event";
import { formatPeriod, isoDay } from "@/lib/tracking/dates";

/*
 * The events of people's actions, emitted inside the action's transaction (one
 * call from each use-case, so the actions stay small). One-off events: random keys.
 */

type MeasureRef = { id: string; code: string; titleZh: string; titleEn: string; leadUnitId: string };
const measurePayload = (measure: MeasureRef) => ({ code: measure.code, titleZh: measure.titleZh, titleEn: measure.titleEn });

/** A report now waits for review: to the reviewers (inspectors and leaders). */
export function emitReportSubmitted(tx: Prisma.TransactionClient, actorId: string, measure: MeasureRef, report: { id: string; unitId: string; period: Date }) {
  return emitEvent(tx, {
    type: "report.submitted",
    measureId: measure.id,
    actorId,
    entityType: "ProgressReport",
    entityId: report.id,
    audienceRoles: ["INSPECTOR", "LEADER"],
    payload: { ...measurePayload(measure), period: formatPeriod(report.period), unitId: report.unitId },
  });
}

/** A report was returned: to the unit that wrote it. */
export function emitReportReturned(tx: Prisma.TransactionClient, actorId: string, measure: MeasureRef, report: { id: string; unitId: string; period: Date }, comment: string) {
  return emitEvent(tx, {
    type: "report.returned",
    measureId: measure.id,
    actorId,
    entityType: "ProgressReport",
    entityId: report.id,
    audienceUnitIds: [report.unitId],
    payload: { ...measurePayload(measure), period: formatPeriod(report.period), comment },
  });
}

/** An extension was requested: to the inspectors, who decide it. */
export function emitExtensionRequested(tx: Prisma.TransactionClient, actorId: string, measure: MeasureRef, request: { id: string; currentDueDate: Date; requestedDueDate: Date }) {
  return emitEvent(tx, {
    type: "extension.requested",
    measureId: measure.id,
    actorId,
    entityType: "ExtensionRequest",
    entityId: request.id,
    audienceRoles: ["INSPECTOR"],
    payload: { ...measurePayload(measure), from: isoDay(request.currentDueDate), to: isoDay(request.requestedDueDate) },
  });
}

/** An extension was approved or rejected: to the measure's lead unit and the person who asked. */
export function emitExtensionDecided(
  tx: Prisma.TransactionClient,
  actorId: string,
  measure: MeasureRef,
  request: { id: string; requestedById: string; currentDueDate: Date; requestedDueDate: Date },
  state: "APPROVED" | "REJECTED",
  comment: string,
) {
  return emitEvent(tx, {
    type: "extension.decided",
    measureId: measure.id,
    actorId,
    entityType: "ExtensionRequest",
    entityId: request.id,
    audienceUnitIds: [measure.leadUnitId],
    audienceUserIds: [request.requestedById],
    payload: { ...measurePayload(measure), state, from: isoDay(request.currentDueDate), to: isoDay(request.requestedDueDate), comment },
  });
}
