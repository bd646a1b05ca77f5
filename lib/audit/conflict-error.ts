import type { Prisma } from "@/generated/prisma/client";
import { AppError } from "@/lib/errors/app-error";

/**
 * The "changed by X at T — reload" error for an edit based on a stale version,
 * naming the last audited change of the record.
 */
export async function conflictError(tx: Prisma.TransactionClient, entityType: string, entityId: string) {
  const last = await tx.auditEvent.findFirst({
    where: { entityType, entityId },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true, actor: { select: { displayName: true } } },
  });
  return new AppError("CONFLICT", { by: last?.actor?.displayName ?? "?", at: last?.createdAt.toISOString() ?? "" });
}
