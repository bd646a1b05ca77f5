import type { Prisma } from "@/generated/prisma/client";
import type { SessionUser } from "@/lib/auth/session-user";
import type { PrismaClient } from "@/lib/db/create-client";
import { AppError } from "@/lib/errors/app-error";
import { isoDay } from "@/lib/tracking/dates";
import { type ListNoticesQuery, listNoticesQuerySchema, type NoticeDetailJson, type NoticeJson } from "./api-schemas";
import { noticeWhereFor, overdueNoticeWhere } from "./notice-where";

const unitSelect = {
  code: true,
  nameZh: true,
  nameEn: true,
  _count: { select: { users: { where: { role: "OFFICIAL", active: true } } } },
} as const;

export const noticeSelect = {
  id: true,
  year: true,
  number: true,
  level: true,
  state: true,
  body: true,
  replyDueDate: true,
  issuedById: true,
  issuedBy: { select: { displayName: true } },
  ruleKey: true,
  escalatedFromId: true,
  escalatedTo: { select: { id: true } },
  createdAt: true,
  closedAt: true,
  version: true,
  measure: { select: { code: true, titleZh: true, titleEn: true } },
  recipients: { select: { isLead: true, unitId: true, unit: { select: unitSelect } }, orderBy: [{ isLead: "desc" }, { unit: { code: "asc" } }] },
} satisfies Prisma.NoticeSelect;

type NoticeRow = Prisma.NoticeGetPayload<{ select: typeof noticeSelect }>;

export function toNoticeJson(row: NoticeRow, today: Date): NoticeJson {
  return {
    id: row.id,
    year: row.year,
    number: row.number,
    measure: row.measure,
    level: row.level,
    state: row.state,
    body: row.body,
    replyDueDate: isoDay(row.replyDueDate),
    overdue: (row.state === "OPEN" || row.state === "RETURNED") && row.replyDueDate < today,
    issuedBy: row.issuedBy?.displayName ?? null,
    issuedById: row.issuedById,
    rule: row.ruleKey,
    escalatedFromId: row.escalatedFromId,
    escalatedToId: row.escalatedTo?.id ?? null,
    recipients: row.recipients.map(({ isLead, unit: { _count, ...unit } }) => ({ unit, isLead, hasActiveOfficial: _count.users > 0 })),
    createdAt: row.createdAt.toISOString(),
    closedAt: row.closedAt?.toISOString() ?? null,
    version: row.version,
  };
}

export function noticeListWhere(user: SessionUser, query: Omit<ListNoticesQuery, "page" | "perPage">, today: Date): Prisma.NoticeWhereInput {
  return {
    AND: [
      noticeWhereFor(user),
      query.state === "active" ? { state: { in: ["OPEN", "REPLIED", "RETURNED"] } } : query.state ? { state: query.state } : {},
      query.level ? { level: query.level } : {},
      query.unit ? { recipients: { some: { unit: { code: query.unit } } } } : {},
      query.measure ? { measure: { code: query.measure } } : {},
      query.overdue ? overdueNoticeWhere(today) : {},
      query.programme ? { measure: { area: { programme: { code: query.programme } } } } : {},
      query.area ? { measure: { area: { code: query.area } } } : {},
      query.city ? { measure: { cities: { some: { city: { code: query.city } } } } } : {},
      query.leadUnit ? { measure: { leadUnit: { code: query.leadUnit } } } : {},
    ],
  };
}

/** One page of the notices the user may read, newest first. */
export async function listNotices(db: PrismaClient, user: SessionUser, query: ListNoticesQuery, today: Date) {
  const where = noticeListWhere(user, query, today);
  const [rows, total] = await Promise.all([
    db.notice.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (query.page - 1) * query.perPage,
      take: query.perPage,
      select: noticeSelect,
    }),
    db.notice.count({ where }),
  ]);
  return { items: rows.map((row) => toNoticeJson(row, today)), total, page: query.page, perPage: query.perPage };
}

/** One notice with its replies, if the user may read it. */
export async function getNotice(db: PrismaClient, user: SessionUser, id: string, today: Date): Promise<NoticeDetailJson> {
  const row = await db.notice.findFirst({
    where: { AND: [{ id }, noticeWhereFor(user)] },
    select: {
      ...noticeSelect,
      replies: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: {
          id: true,
          unit: { select: { code: true, nameZh: true, nameEn: true } },
          author: { select: { displayName: true } },
          body: true,
          newDueDate: true,
          decision: true,
          decisionComment: true,
          decidedBy: { select: { displayName: true } },
          decidedAt: true,
          createdAt: true,
        },
      },
    },
  });
  if (!row) throw new AppError((await db.notice.count({ where: { id } })) ? "FORBIDDEN" : "NOT_FOUND");
  return {
    ...toNoticeJson(row, today),
    replies: row.replies.map((reply) => ({
      id: reply.id,
      unit: reply.unit,
      author: reply.author.displayName,
      body: reply.body,
      newDueDate: reply.newDueDate ? isoDay(reply.newDueDate) : null,
      decision: reply.decision === "ACCEPTED" || reply.decision === "RETURNED" ? reply.decision : null,
      decisionComment: reply.decisionComment,
      decidedBy: reply.decidedBy?.displayName ?? null,
      decidedAt: reply.decidedAt?.toISOString() ?? null,
      createdAt: reply.createdAt.toISOString(),
    })),
  };
}

/** The URL filters of /notices: a malformed value is ignored, not an error. */
export function parseNoticeFilters(params: Record<string, string | string[] | undefined>): ListNoticesQuery {
  const first = (key: string) => (Array.isArray(params[key]) ? params[key][0] : params[key]) || undefined;
  const query: ListNoticesQuery = { page: 1, perPage: 100 };
  for (const key of ["state", "level", "unit", "measure", "overdue", "programme", "area", "city", "leadUnit", "page"] as const) {
    const value = first(key);
    if (value === undefined) continue;
    const parsed = listNoticesQuerySchema.shape[key].safeParse(value);
    if (parsed.success && parsed.data !== undefined) Object.assign(query, { [key]: parsed.data });
  }
  return query;
}

/** The recipient units the user's notices are addressed to (the unit filter's choices). */
export async function noticeRecipientUnits(db: PrismaClient, user: SessionUser) {
  return db.unit.findMany({
    where: { noticesReceived: { some: { notice: noticeWhereFor(user) } } },
    select: { code: true, nameZh: true, nameEn: true },
    orderBy: { code: "asc" },
  });
}
