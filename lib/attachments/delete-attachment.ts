import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { SessionUser } from "@/lib/auth/session-user";
import type { PrismaClient } from "@/lib/db/create-client";
import { AppError } from "@/lib/errors/app-error";
import { auditOf } from "./attachment-audit";
import { findWritableParent, parentOf } from "./attachment-parent";
import { attachmentWhereFor } from "./attachment-where";

/**
 * Removes a file from its parent while the parent may still change (the same
 * rule as adding): the row is only marked, its bytes stay, and the history
 * says who removed what.
 */
export async function deleteAttachment(db: PrismaClient, user: SessionUser, id: string) {
  await db.$transaction(async (tx) => {
    const attachment = await tx.attachment.findFirst({ where: { AND: [attachmentWhereFor(user), { id }] } });
    if (!attachment) throw new AppError("NOT_FOUND");
    await findWritableParent(tx, user, parentOf(attachment), true);
    const marked = await tx.attachment.updateMany({
      where: { id, deletedAt: null },
      data: { deletedAt: new Date(), deletedById: user.id },
    });
    if (marked.count === 0) throw new AppError("NOT_FOUND");
    await recordAuditEvent(tx, auditOf("attachment.delete", user, attachment));
  });
}
