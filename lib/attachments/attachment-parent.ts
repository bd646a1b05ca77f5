import type { Prisma } from "@/generated/prisma/client";
import { can } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session-user";
import { AppError } from "@/lib/errors/app-error";

export const PARENT_TYPES = ["report", "milestone", "extension", "measure"] as const;
export type ParentType = (typeof PARENT_TYPES)[number];
export type ParentRef = { parentType: ParentType; parentId: string };

/** The columns of an Attachment row that name its parent. */
export type ParentColumns = { measureId: string; reportId: string | null; milestoneId: string | null; extensionRequestId: string | null };

/** Which of an attachment's columns holds its parent, as a ParentRef. */
export function parentOf(row: ParentColumns): ParentRef {
  if (row.reportId) return { parentType: "report", parentId: row.reportId };
  if (row.milestoneId) return { parentType: "milestone", parentId: row.milestoneId };
  if (row.extensionRequestId) return { parentType: "extension", parentId: row.extensionRequestId };
  return { parentType: "measure", parentId: row.measureId };
}

/** The row's where for "the live attachments of this parent". */
export function parentWhere(columns: ParentColumns): Prisma.AttachmentWhereInput {
  return { ...columns, deletedAt: null };
}

/**
 * The parent, if the user may change its files now: the parent's own right on
 * the measure (report.write on one's own unit's report, milestone.manage,
 * extension.request, measure.editOwner) and an editable state — a report only
 * as a DRAFT or RETURNED (a submitted or approved report's files are frozen),
 * an extension request only while PENDING. In a transaction, the parent's row
 * is locked, so a concurrent submit waits for this change or this sees it.
 */
export async function findWritableParent(tx: Prisma.TransactionClient, user: SessionUser, ref: ParentRef, lock: boolean) {
  const parent = await loadParent(tx, ref, lock);
  if (!parent) throw new AppError("NOT_FOUND");
  const units = [parent.measure.leadUnitId, ...parent.measure.cooperatingUnits.map((unit) => unit.unitId)];
  if (!can(user, parent.permission, units) || !can(user, "attachment.write", units)) throw new AppError("FORBIDDEN");
  if (parent.ownUnitId !== undefined && parent.ownUnitId !== user.unitId) throw new AppError("FORBIDDEN");
  if (!parent.editable) throw new AppError("INVALID_STATE");
  return parent;
}

const measureSelect = { id: true, code: true, leadUnitId: true, cooperatingUnits: { select: { unitId: true } } } as const;

async function loadParent(tx: Prisma.TransactionClient, ref: ParentRef, lock: boolean) {
  const table = { report: "ProgressReport", milestone: "Milestone", extension: "ExtensionRequest", measure: "Measure" }[ref.parentType];
  if (lock) await tx.$queryRawUnsafe(`SELECT 1 FROM "${table}" WHERE id = $1 FOR UPDATE`, ref.parentId);
  switch (ref.parentType) {
    case "report": {
      const report = await tx.progressReport.findUnique({
        where: { id: ref.parentId },
        select: { id: true, unitId: true, state: true, period: true, measure: { select: measureSelect } },
      });
      if (!report) return null;
      return {
        ...base(report.measure, { reportId: report.id }),
        permission: "report.write" as const,
        ownUnitId: report.unitId,
        editable: report.state === "DRAFT" || report.state === "RETURNED",
        period: report.period,
      };
    }
    case "milestone": {
      const milestone = await tx.milestone.findUnique({ where: { id: ref.parentId }, select: { id: true, measure: { select: measureSelect } } });
      if (!milestone) return null;
      return { ...base(milestone.measure, { milestoneId: milestone.id }), permission: "milestone.manage" as const, ownUnitId: undefined, editable: true };
    }
    case "extension": {
      const request = await tx.extensionRequest.findUnique({
        where: { id: ref.parentId },
        select: { id: true, state: true, measure: { select: measureSelect } },
      });
      if (!request) return null;
      return {
        ...base(request.measure, { extensionRequestId: request.id }),
        permission: "extension.request" as const,
        ownUnitId: undefined,
        editable: request.state === "PENDING",
      };
    }
    case "measure": {
      const measure = await tx.measure.findUnique({ where: { id: ref.parentId }, select: measureSelect });
      if (!measure) return null;
      return { ...base(measure, {}), permission: "measure.editOwner" as const, ownUnitId: undefined, editable: true };
    }
  }
}

function base(measure: { id: string; code: string; leadUnitId: string; cooperatingUnits: { unitId: string }[] }, columns: Partial<ParentColumns>) {
  return {
    measure,
    columns: { measureId: measure.id, reportId: null, milestoneId: null, extensionRequestId: null, ...columns } as ParentColumns,
  };
}

export type WritableParent = Awaited<ReturnType<typeof findWritableParent>>;

