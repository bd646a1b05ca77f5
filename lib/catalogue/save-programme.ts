import { conflictError } from "@/lib/audit/conflict-error";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { SessionUser } from "@/lib/auth/session-user";
import type { PrismaClient } from "@/lib/db/create-client";
import { AppError, fieldError } from "@/lib/errors/app-error";
import type { CreateProgrammeInput, UpdateProgrammeInput } from "./schemas";

const snapshot = (programme: CreateProgrammeInput & { version: number }) => ({
  code: programme.code,
  titleZh: programme.titleZh,
  titleEn: programme.titleEn,
  descriptionZh: programme.descriptionZh,
  descriptionEn: programme.descriptionEn,
  sortOrder: programme.sortOrder,
  version: programme.version,
});

/** Adds a programme (规划/战略); audited in the same transaction. */
export async function createProgramme(db: PrismaClient, actor: SessionUser, input: CreateProgrammeInput) {
  return db.$transaction(async (tx) => {
    if (await tx.programme.count({ where: { code: input.code } })) throw fieldError("code", "catalogueCodeTaken");
    const programme = await tx.programme.create({ data: input });
    await recordAuditEvent(tx, { actorId: actor.id, action: "programme.create", entityType: "Programme", entityId: programme.id, after: snapshot(programme) });
    return programme;
  });
}

/** Renames a programme (its code is stable), if nobody changed it since it was read. */
export async function updateProgramme(db: PrismaClient, actor: SessionUser, input: UpdateProgrammeInput) {
  return db.$transaction(async (tx) => {
    const before = await tx.programme.findUnique({ where: { code: input.code } });
    if (!before) throw new AppError("NOT_FOUND");
    const { code, version, ...fields } = input;
    const updated = await tx.programme.updateMany({ where: { code, version }, data: { ...fields, version: { increment: 1 } } });
    if (updated.count === 0) throw await conflictError(tx, "Programme", before.id);
    const after = await tx.programme.findUniqueOrThrow({ where: { code } });
    await recordAuditEvent(tx, { actorId: actor.id, action: "programme.update", entityType: "Programme", entityId: before.id, before: snapshot(before), after: snapshot(after) });
  });
}
