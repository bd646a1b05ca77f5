import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { SessionUser } from "@/lib/auth/session-user";
import type { PrismaClient } from "@/lib/db/create-client";
import { findMeasureFor } from "@/lib/measures/find-measure-for";
import { isoDay } from "@/lib/tracking/dates";
import type { AddMilestoneInput } from "./schemas";

/** Adds a milestone to a measure the user may manage, after the existing ones. */
export async function addMilestone(db: PrismaClient, user: SessionUser, input: AddMilestoneInput) {
  return db.$transaction(async (tx) => {
    const measure = await findMeasureFor(tx, user, "milestone.manage", input.measureCode);
    const count = await tx.milestone.count({ where: { measureId: measure.id } });
    const milestone = await tx.milestone.create({
      data: { measureId: measure.id, titleZh: input.titleZh, titleEn: input.titleEn, dueDate: input.dueDate, sortOrder: count },
    });
    await recordAuditEvent(tx, {
      actorId: user.id,
      action: "milestone.add",
      entityType: "Measure",
      entityId: measure.id,
      after: { milestone: milestone.id, titleZh: input.titleZh, dueDate: isoDay(input.dueDate) },
    });
  });
}
