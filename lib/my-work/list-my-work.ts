import { can } from "@/lib/auth/permissions";
import type { PrismaClient } from "@/lib/db/create-client";
import { queryRows } from "@/lib/db/sql-rows";
import { getTrackingSettings, type TrackingSettings } from "@/lib/tracking/settings";
import {
  MY_WORK_LIMIT,
  myWorkCountSql,
  myWorkSql,
  type MyWorkKind,
  type MyWorkRow,
  type MyWorkUser,
  type Urgency,
} from "./my-work-sql";

export interface MyWorkItem {
  kind: MyWorkKind;
  /** Null for account items (admins). */
  measureCode: string | null;
  /** The measure's title; a milestone's own title; an account's display name. */
  titleZh: string;
  titleEn: string;
  /** The reporting unit of a report waiting for review. */
  unitZh: string | null;
  unitEn: string | null;
  dueDate: Date | null;
  /** Since when the item is there (submitted, returned, decided, issued, changed…). */
  since: Date;
  /** Where the thing is done. */
  href: string;
  urgency: Urgency;
  /** Kind-specific: the report state, review comment, notice "LEVEL:STATE:year:number", extension decision, new light, login name. */
  detail: string | null;
  period: string | null;
}

export interface MyWorkOptions {
  settings?: Pick<TrackingSettings, "reportingDay" | "dueSoonDays">;
  /** The previous visit; default: the stored one. */
  seenAt?: Date | null;
  /** Also record this visit, in the same statement (the list still counts news from the previous one). */
  markSeen?: boolean;
  limit?: number;
}

/**
 * The page where an item is acted on. Waiting reports and extension requests
 * open in the review queue's panel for whoever decides them there; others
 * (an admin) get the measure page.
 */
export function myWorkHref(row: Pick<MyWorkRow, "kind" | "measureCode" | "entityId" | "period">, user: Pick<MyWorkUser, "role" | "unitId">): string {
  const measure = `/measures/${encodeURIComponent(row.measureCode ?? "")}`;
  switch (row.kind) {
    case "reviewWaiting":
      if (can(user, "report.review")) return `/reviews?open=report:${encodeURIComponent(row.entityId)}`;
      return row.period ? `${measure}?period=${row.period}` : measure;
    case "extensionWaiting":
      return can(user, "extension.decide") ? `/reviews?open=extension:${encodeURIComponent(row.entityId)}` : measure;
    case "reportMissing":
    case "reportReturned":
      // The report form of that month.
      return row.period ? `${measure}?period=${row.period}` : measure;
    case "noticeOpen":
    case "noticeDue":
    case "noticeReplied":
      return `/notices/${encodeURIComponent(row.entityId)}`;
    case "accountLocked":
    case "accountNeverUsed":
      return "/admin/users";
    case "commentMention":
      // A report's comment is shown under that report; the others in the discussion tab.
      return row.period ? `${measure}?period=${row.period}` : `${measure}#discussion`;
    default:
      // Milestones, extension requests and decisions, light changes: on the measure page.
      return measure;
  }
}

/**
 * What this person must do now (我的待办), most urgent first: overdue, then due soon,
 * then the rest, newest first within each. One statement (my-work-sql.ts).
 */
export async function listMyWork(db: PrismaClient, user: MyWorkUser, now: Date, options: MyWorkOptions = {}): Promise<MyWorkItem[]> {
  const settings = options.settings ?? (await getTrackingSettings(db));
  const params = { now, settings, seenAt: options.seenAt, markSeenAt: options.markSeen ? now : undefined };
  const rows = await queryRows<MyWorkRow>(db, myWorkSql(user, params, options.limit ?? MY_WORK_LIMIT));
  return rows.map(({ entityId: _entityId, ...row }) => ({ ...row, href: myWorkHref({ ...row, entityId: _entityId }, user) }));
}

/** How many items My work holds for this person (the header badge): one statement. */
export async function countMyWork(
  db: PrismaClient,
  user: MyWorkUser,
  now: Date,
  settings: Pick<TrackingSettings, "reportingDay" | "dueSoonDays">,
): Promise<number> {
  const [row] = await queryRows<{ count: number }>(db, myWorkCountSql(user, { now, settings }));
  return row?.count ?? 0;
}

/**
 * Records that the user opened My work now, and returns when they had opened it
 * before (null the first time): the page lists news since that earlier visit.
 */
export async function markMyWorkSeen(db: PrismaClient, userId: string, now: Date): Promise<Date | null> {
  const rows = await db.$queryRaw<{ previous: Date | null }[]>`
    UPDATE "User" u SET "myWorkSeenAt" = ${now}
    FROM (SELECT id, "myWorkSeenAt" AS previous FROM "User" WHERE id = ${userId} FOR UPDATE) old
    WHERE u.id = old.id
    RETURNING old.previous`;
  return rows[0]?.previous ?? null;
}

/**
 * My work as the home page shows it: lists with the previous visit, so news since
 * then (light changes, decisions) is shown this once, and records this visit, in one statement.
 */
export async function loadMyWorkPage(db: PrismaClient, user: MyWorkUser, now = new Date()) {
  const settings = await getTrackingSettings(db);
  const items = await listMyWork(db, user, now, { settings, markSeen: true });
  return { items, truncated: items.length >= MY_WORK_LIMIT, limit: MY_WORK_LIMIT };
}
