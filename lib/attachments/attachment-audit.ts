import type { AuditEventInput } from "@/lib/audit/record-audit-event";
import type { SessionUser } from "@/lib/auth/session-user";
import { parentOf, type ParentColumns } from "./attachment-parent";

type Attachment = ParentColumns & { id: string; originalName: string; size: number; mimeType: string };

/**
 * The audit event of adding, removing or opening a file. Adding and removing
 * belong to the parent's history (a report's, so another unit's draft stays
 * private; else the measure's); opening is recorded on the file alone, so
 * downloads do not crowd the measure's history.
 */
export function auditOf(
  action: "attachment.add" | "attachment.delete" | "attachment.download",
  user: SessionUser,
  attachment: Attachment,
): AuditEventInput {
  const entity =
    action === "attachment.download"
      ? { entityType: "Attachment", entityId: attachment.id }
      : attachment.reportId
        ? { entityType: "ProgressReport", entityId: attachment.reportId }
        : { entityType: "Measure", entityId: attachment.measureId };
  return {
    actorId: user.id,
    action,
    ...entity,
    after: {
      attachment: attachment.id,
      name: attachment.originalName,
      size: attachment.size,
      mimeType: attachment.mimeType,
      parent: parentOf(attachment).parentType,
      ...(attachment.milestoneId ? { milestone: attachment.milestoneId } : {}),
      ...(action === "attachment.delete" ? { deleted: true } : {}),
    },
  };
}
