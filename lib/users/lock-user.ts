import type { Prisma } from "@/generated/prisma/client";
import { conflictError } from "@/lib/audit/conflict-error";
import { AppError } from "@/lib/errors/app-error";

/**
 * Locks a user row for an edit based on `version`; fails with CONFLICT when
 * someone changed it since, so no edit silently overwrites another.
 */
export async function lockUserAtVersion(tx: Prisma.TransactionClient, userId: string, version: number) {
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "User" WHERE id = ${userId} FOR UPDATE`;
  if (locked.length === 0) throw new AppError("NOT_FOUND");
  const current = await tx.user.findUniqueOrThrow({ where: { id: userId } });
  if (current.version !== version) throw await conflictError(tx, "User", userId);
  return current;
}
