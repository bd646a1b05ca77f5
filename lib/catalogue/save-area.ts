import { conflictError } from "@/lib/audit/conflict-error";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { SessionUser } from "@/lib/auth/session-user";
import type { Prisma } from "@/generated/prisma/client";
import type { PrismaClient } from "@/lib/db/create-client";
import { AppError, fieldError } from "@/lib/errors/app-error";
import type { CreateAreaInput, UpdateAreaInput } from "./schemas";

type AreaRow = { code: string; titleZh: string; titleEn: string; sortOrder: number; version: number; programme: { code: string } };
const withProgramme = { programme: { select: { code: true } } } as const;

const snapshot = (area: AreaRow) => ({
  code: area.code,
  programme: area.programme.code,
  titleZh: area.titleZh,
  titleEn: area.titleEn,
  sortOrder: area.sortOrder,
  version: area.version,
});

async function programmeId(tx: Prisma.TransactionClient, code: string) {
  const programme = await tx.programme.findUnique({ where: { code }, select: { id: true } });
  if (!programme) throw fieldError("programmeCode", "invalid");
  return programme.id;
}

/** Adds an area (领域) to a programme; audited in the same transaction. */
export async function createArea(db: PrismaClient, actor: SessionUser, input: CreateAreaInput) {
  return db.$transaction(async (tx) => {
    if (await tx.area.count({ where: { code: input.code } })) throw fieldError("code", "catalogueCodeTaken");
    const { programmeCode, ...fields } = input;
    const area = await tx.area.create({ data: { ...fields, programmeId: await programmeId(tx, programmeCode) }, include: withProgramme });
    await recordAuditEvent(tx, { actorId: actor.id, action: "area.create", entityType: "Area", entityId: area.id, after: snapshot(area) });
    return area;
  });
}

/** Renames an area or moves it to another programme (its code is stable), if nobody changed it since it was read. */
export async function updateArea(db: PrismaClient, actor: SessionUser, input: UpdateAreaInput) {
  return db.$transaction(async (tx) => {
    const before = await tx.area.findUnique({ where: { code: input.code }, include: withProgramme });
    if (!before) throw new AppError("NOT_FOUND");
    const { code, version, programmeCode, ...fields } = input;
    const updated = await tx.area.updateMany({
      where: { code, version },
      data: { ...fields, programmeId: await programmeId(tx, programmeCode), version: { increment: 1 } },
    });
    if (updated.count === 0) throw await conflictError(tx, "Area", before.id);
    const after = await tx.area.findUniqueOrThrow({ where: { code }, include: withProgramme });
    await recordAuditEvent(tx, { actorId: actor.id, action: "area.update", entityType: "Area", entityId: before.id, before: snapshot(before), after: snapshot(after) });
  });
}
