import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { SessionUser } from "@/lib/auth/session-user";
import type { PrismaClient } from "@/lib/db/create-client";
import { fieldError } from "@/lib/errors/app-error";
import type { UpdateUserAccessInput } from "./schemas";
import { lockUserAtVersion } from "./lock-user";
import { assertValidUnitForRole, userSnapshot } from "./user-rules";

/** Changes a user's name, role and unit; an admin cannot take their own admin role away. */
export async function updateUserAccess(db: PrismaClient, actor: SessionUser, input: UpdateUserAccessInput) {
  await db.$transaction(async (tx) => {
    const before = await lockUserAtVersion(tx, input.userId, input.version);
    if (before.id === actor.id && input.role !== before.role) throw fieldError("role", "cannotChangeOwnRole");
    await assertValidUnitForRole(tx, input.role, input.unitId);
    const after = await tx.user.update({
      where: { id: before.id },
      data: { displayName: input.displayName, role: input.role, unitId: input.unitId, version: { increment: 1 } },
    });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "user.updateAccess",
      entityType: "User",
      entityId: before.id,
      before: userSnapshot(before),
      after: userSnapshot(after),
    });
  });
}
