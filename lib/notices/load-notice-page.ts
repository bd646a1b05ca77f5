import { can } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session-user";
import type { PrismaClient } from "@/lib/db/create-client";
import { AppError } from "@/lib/errors/app-error";
import { addDays, isoDay } from "@/lib/tracking/dates";
import { getNotice, listNotices, noticeRecipientUnits } from "./list-notices";
import { NEXT_LEVEL } from "./notice-core";
import type { ListNoticesQuery } from "./api-schemas";

/** Whether the user sees which recipient units have no active official: admins and the issuer (inspectors, for automatic notices). */
export function seesNoOfficialFlag(user: SessionUser, notice: { issuedById: string | null }): boolean {
  return user.role === "ADMIN" || notice.issuedById === user.id || (notice.issuedById === null && user.role === "INSPECTOR");
}

/** The notice page: the notice, what the user may do on it, and its escalation links; null when not found. */
export async function loadNoticePage(db: PrismaClient, user: SessionUser, id: string, today: Date) {
  let notice;
  try {
    notice = await getNotice(db, user, id, today);
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") return null;
    throw error;
  }
  const recipients = await db.noticeRecipient.findMany({ where: { noticeId: id }, select: { unitId: true, isLead: true } });
  const own = recipients.find((recipient) => recipient.unitId === user.unitId);
  const awaitingLead = notice.state === "OPEN" || notice.state === "RETURNED";
  const canReply =
    own !== undefined &&
    can(user, "notice.reply", recipients.map((recipient) => recipient.unitId)) &&
    (own.isLead ? awaitingLead : awaitingLead || notice.state === "REPLIED");
  const link = (linkId: string | null) =>
    linkId ? db.notice.findUnique({ where: { id: linkId }, select: { id: true, year: true, number: true } }) : Promise.resolve(null);
  const [escalatedFrom, escalatedTo] = await Promise.all([link(notice.escalatedFromId), link(notice.escalatedToId)]);
  return {
    notice,
    escalatedFrom,
    escalatedTo,
    defaultDueDate: isoDay(addDays(today, 7)),
    permissions: {
      reply: canReply ? { cooperating: !own!.isLead } : null,
      decide: notice.state === "REPLIED" && can(user, "notice.decide"),
      escalateTo: (awaitingLead || notice.state === "REPLIED") && can(user, "notice.issue") ? NEXT_LEVEL[notice.level] : null,
      showNoOfficialFlag: seesNoOfficialFlag(user, notice),
    },
  };
}

/** The /notices page: one page of notices and the unit filter's choices. */
export async function loadNoticesPage(db: PrismaClient, user: SessionUser, query: ListNoticesQuery, today: Date) {
  const [list, units] = await Promise.all([listNotices(db, user, query, today), noticeRecipientUnits(db, user)]);
  return { ...list, units };
}


/** The notices section of a measure page: the measure's notices the user may read, and whether they may issue one. */
export async function loadMeasureNotices(
  db: PrismaClient,
  user: SessionUser,
  measure: { code: string; status: string; cooperatingUnits: { unit: { id: string; nameZh: string; nameEn: string } }[] },
  today: Date,
) {
  const canRead = can(user, "notice.read");
  const list = canRead ? await listNotices(db, user, { measure: measure.code, page: 1, perPage: 50 }, today) : { items: [], total: 0 };
  return {
    canRead,
    notices: list.items,
    total: list.total,
    flags: list.items.map((notice) => seesNoOfficialFlag(user, notice)),
    canIssue: can(user, "notice.issue") && measure.status !== "COMPLETED",
    cooperatingUnits: measure.cooperatingUnits.map(({ unit }) => unit),
    defaultDueDate: isoDay(addDays(today, 7)),
  };
}
