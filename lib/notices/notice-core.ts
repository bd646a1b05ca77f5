import type { NoticeLevel, Prisma } from "@/generated/prisma/client";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { can, type Permission } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session-user";
import { emitEvent } from "@/lib/events/emit-event";
import { AppError } from "@/lib/errors/app-error";
import { isoDay } from "@/lib/tracking/dates";

export const NEXT_LEVEL: Record<NoticeLevel, NoticeLevel | null> = { REMINDER: "SUPERVISE", SUPERVISE: "SPECIAL", SPECIAL: null };

/**
 * A notice with what every step needs, if the user may act on it under the
 * permission (for unit-scoped permissions: the user's unit is a recipient);
 * FORBIDDEN when it exists but not for this user, NOT_FOUND otherwise.
 */
export async function findNoticeFor(tx: Prisma.TransactionClient, user: SessionUser, permission: Permission, noticeId: string) {
  const notice = await tx.notice.findUnique({
    where: { id: noticeId },
    include: { recipients: true, measure: { select: { id: true, code: true, titleZh: true, titleEn: true } } },
  });
  if (!notice) throw new AppError("NOT_FOUND");
  if (!can(user, permission, notice.recipients.map((recipient) => recipient.unitId))) throw new AppError("FORBIDDEN");
  return notice;
}

export type NoticeWithRecipients = Awaited<ReturnType<typeof findNoticeFor>>;

/** Who hears of a unit's reply: the issuer, or every inspector when a rule issued the notice. */
export function deciderAudience(notice: { issuedById: string | null }) {
  return notice.issuedById ? { audienceUserIds: [notice.issuedById] } : { audienceRoles: ["INSPECTOR" as const] };
}

/** Values for the messages of a notice's events. */
export function eventPayload(notice: { year: number; number: number; level: NoticeLevel; replyDueDate: Date }, measure: { code: string; titleZh: string; titleEn: string }) {
  return {
    year: notice.year,
    number: notice.number,
    level: notice.level,
    replyDueDate: isoDay(notice.replyDueDate),
    measureCode: measure.code,
    measureTitleZh: measure.titleZh,
    measureTitleEn: measure.titleEn,
  };
}

export interface NewNotice {
  measure: { id: string; code: string; titleZh: string; titleEn: string };
  level: NoticeLevel;
  body: string;
  replyDueDate: Date;
  year: number;
  number: number;
  issuedById: string | null;
  recipients: { unitId: string; isLead: boolean }[];
  escalatedFromId?: string;
  ruleKey?: string;
  autoKey?: string;
}

/** Creates a numbered notice with its recipients, its history line and its event, in the caller's transaction. */
export async function createNotice(tx: Prisma.TransactionClient, input: NewNotice) {
  const notice = await tx.notice.create({
    data: {
      year: input.year,
      number: input.number,
      measureId: input.measure.id,
      level: input.level,
      body: input.body,
      replyDueDate: input.replyDueDate,
      issuedById: input.issuedById,
      escalatedFromId: input.escalatedFromId ?? null,
      ruleKey: input.ruleKey ?? null,
      autoKey: input.autoKey ?? null,
      recipients: { create: input.recipients },
    },
  });
  await recordAuditEvent(tx, {
    actorId: input.issuedById,
    action: "notice.issue",
    entityType: "Measure",
    entityId: input.measure.id,
    after: {
      notice: notice.id,
      serial: `${notice.year}-${notice.number}`,
      level: notice.level,
      replyDueDate: isoDay(notice.replyDueDate),
      ...(input.escalatedFromId ? { escalatedFrom: input.escalatedFromId } : {}),
      ...(input.ruleKey ? { rule: input.ruleKey } : {}),
    },
  });
  const unattendedUnitIds = await unitsWithoutActiveOfficial(tx, input.recipients.map((recipient) => recipient.unitId));
  await emitEvent(tx, {
    type: input.escalatedFromId ? "notice.escalated" : "notice.issued",
    key: input.autoKey ? `notice.issued:${input.autoKey}` : undefined,
    measureId: input.measure.id,
    audienceUnitIds: input.recipients.map((recipient) => recipient.unitId),
    // Nobody in such a unit would hear of it: the administrators are told.
    audienceRoles: unattendedUnitIds.length > 0 ? ["ADMIN"] : [],
    actorId: input.issuedById,
    entityType: "Notice",
    entityId: notice.id,
    payload: { ...eventPayload(notice, input.measure), unattendedUnitIds },
  });
  return notice;
}

/** Of these units, those without an active official (nobody there can read or answer a notice). */
export async function unitsWithoutActiveOfficial(tx: Prisma.TransactionClient, unitIds: string[]): Promise<string[]> {
  const staffed = await tx.user.findMany({
    where: { unitId: { in: unitIds }, role: "OFFICIAL", active: true },
    select: { unitId: true },
    distinct: ["unitId"],
  });
  const withOfficial = new Set(staffed.map((user) => user.unitId));
  return unitIds.filter((unitId) => !withOfficial.has(unitId));
}
