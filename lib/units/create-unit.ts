import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { SessionUser } from "@/lib/auth/session-user";
import type { PrismaClient } from "@/lib/db/create-client";
import { fieldError } from "@/lib/errors/app-error";
import type { CreateUnitInput } from "./schemas";
import { assertCityExists, unitSnapshot } from "./unit-rules";

export async function createUnit(db: PrismaClient, actor: SessionUser, input: CreateUnitInput) {
  return db.$transaction(async (tx) => {
    if (await tx.unit.count({ where: { code: input.code } })) throw fieldError("code", "unitCodeTaken");
    await assertCityExists(tx, input.cityId);
    const unit = await tx.unit.create({ data: input });
    await recordAuditEvent(tx, { actorId: actor.id, action: "unit.create", entityType: "Unit", entityId: unit.id, after: unitSnapshot(unit) });
    return unit;
  });
}
