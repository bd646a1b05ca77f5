import type { Prisma, Role } from "@/generated/prisma/client";
import { fieldError } from "@/lib/errors/app-error";

/** Officials report for a unit, so they must have one; the unit must exist and be active. */
export async function assertValidUnitForRole(tx: Prisma.TransactionClient, role: Role, unitId: string | null) {
  if (role === "OFFICIAL" && !unitId) throw fieldError("unitId", "unitRequiredForOfficial");
  if (unitId && !(await tx.unit.count({ where: { id: unitId, active: true } }))) throw fieldError("unitId", "unknownUnit");
}

/** Audit snapshots of a user: never the password hash. */
export function userSnapshot(user: {
  loginName: string;
  displayName: string;
  role: Role;
  unitId: string | null;
  active: boolean;
  version: number;
}) {
  const { loginName, displayName, role, unitId, active, version } = user;
  return { loginName, displayName, role, unitId, active, version };
}
