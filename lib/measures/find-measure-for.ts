import type { Prisma } from "@/generated/prisma/client";
import type { Permission } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session-user";
import { AppError } from "@/lib/errors/app-error";
import { measureWhereFor } from "./measure-where";

/**
 * The measure with this code if the user may act on it under the permission;
 * otherwise FORBIDDEN (it exists, but not for this user) or NOT_FOUND.
 */
export async function findMeasureFor(tx: Prisma.TransactionClient, user: SessionUser, permission: Permission, code: string) {
  const measure = await tx.measure.findFirst({ where: { code, ...measureWhereFor(user, permission) } });
  if (measure) return measure;
  throw new AppError((await tx.measure.count({ where: { code } })) ? "FORBIDDEN" : "NOT_FOUND");
}
