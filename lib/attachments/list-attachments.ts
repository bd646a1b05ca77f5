import type { SessionUser } from "@/lib/auth/session-user";
import type { PrismaClient } from "@/lib/db/create-client";
import { attachmentInclude, attachmentJson } from "./attachment-json";
import { attachmentWhereFor } from "./attachment-where";

/** The live files of a measure (its own and its reports', milestones', extension requests') that the user may open, oldest first. */
export async function listAttachments(db: Pick<PrismaClient, "attachment">, user: SessionUser, measureId: string, reportId?: string) {
  const rows = await db.attachment.findMany({
    where: { AND: [attachmentWhereFor(user), { measureId }, reportId ? { reportId } : {}] },
    include: attachmentInclude,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return rows.map(attachmentJson);
}
