import { Prisma } from "@/generated/prisma/client";
import type { Role } from "@/generated/prisma/enums";
import { ownUnitMeasureIdsSql, unitLeadsSql } from "@/lib/measures/measure-sql";
import { expectedReportsSql, reportMissingSql } from "@/lib/reports/expected-reports-sql";
import { addDays, isoDay, monthEnd, monthOf, todayInChina } from "@/lib/tracking/dates";
import type { TrackingSettings } from "@/lib/tracking/settings";

/*
 * The SQL of My work (我的待办): one UNION ALL statement per person, each branch one
 * kind of item, every branch set-based. The list, its count for the header badge
 * and the benchmark's bare SQL are all built from here, so they cannot disagree.
 */

export const myWorkKinds = [
  "reportMissing",
  "reportReturned",
  "milestoneDue",
  "noticeOpen",
  "extensionDecided",
  "reviewWaiting",
  "extensionWaiting",
  "noticeDue",
  "noticeReplied",
  "lightChanged",
  "accountLocked",
  "accountNeverUsed",
  "commentMention",
] as const;
export type MyWorkKind = (typeof myWorkKinds)[number];

export const urgencies = ["overdue", "dueSoon", "normal"] as const;
export type Urgency = (typeof urgencies)[number];

/** A notice's reply deadline this close (days) puts it on the inspector's list and marks it due soon. */
export const NOTICE_DUE_SOON_DAYS = 3;
/** A reporting deadline this close (days) marks a missing or returned report due soon. */
export const REPORT_DUE_SOON_DAYS = 7;
/** Without an earlier visit, news (light changes, extension decisions) of this many days back counts. */
export const FIRST_VISIT_LOOKBACK_DAYS = 7;
/** The page lists at most this many items; the badge counts all of them. */
export const MY_WORK_LIMIT = 300;

/** Who the list is for: the session user's id, role and unit. */
export type MyWorkUser = { id: string; role: Role; unitId: string | null };

export interface MyWorkParams {
  now: Date;
  settings: Pick<TrackingSettings, "reportingDay" | "dueSoonDays">;
  /** The user's previous visit of My work; undefined = read the stored value in the statement. */
  seenAt?: Date | null;
  /**
   * Record this visit (User.myWorkSeenAt = this instant) in the same statement. The
   * statement still reads the stored value as it was before (a data-modifying CTE's
   * change is not visible to the rest of its statement), i.e. the previous visit.
   */
  markSeenAt?: Date;
}

/** Columns every branch selects, in this order. */
export interface MyWorkRow {
  kind: MyWorkKind;
  measureCode: string | null;
  titleZh: string;
  titleEn: string;
  unitZh: string | null;
  unitEn: string | null;
  dueDate: Date | null;
  since: Date;
  entityId: string;
  period: string | null;
  detail: string | null;
  urgency: Urgency;
}

/** Which groups of items a role sees. */
export function myWorkScopes(user: MyWorkUser) {
  return {
    official: user.role === "OFFICIAL" && user.unitId !== null,
    supervisor: user.role === "INSPECTOR" || user.role === "LEADER" || user.role === "ADMIN",
    admin: user.role === "ADMIN",
  };
}

/**
 * A row of a branch: light columns only (ids, dates, the kind's own detail), so
 * sorting and counting never touch the measures; titles are joined to the rows kept.
 */
function row(columns: {
  kind: MyWorkKind;
  measureId?: Prisma.Sql;
  /** A title of the item itself (a milestone's, an account's name); else the measure's. */
  titleZh?: Prisma.Sql;
  titleEn?: Prisma.Sql;
  unitId?: Prisma.Sql;
  dueDate?: Prisma.Sql;
  /** Days before dueDate at which the item becomes due soon. */
  soonDays?: number;
  since: Prisma.Sql;
  entityId: Prisma.Sql;
  period?: Prisma.Sql;
  detail?: Prisma.Sql;
}, today: string): Prisma.Sql {
  const nil = Prisma.sql`NULL`;
  const due = columns.dueDate ?? Prisma.sql`NULL::date`;
  const urgency = columns.dueDate
    ? Prisma.sql`CASE WHEN (${due}) < ${today}::date THEN 0 WHEN (${due}) <= ${today}::date + ${columns.soonDays ?? 0}::int THEN 1 ELSE 2 END`
    : Prisma.sql`2`;
  return Prisma.sql`${columns.kind}::text AS kind, (${columns.measureId ?? nil})::text AS "measureId",
    (${columns.titleZh ?? nil})::text AS "ownTitleZh", (${columns.titleEn ?? nil})::text AS "ownTitleEn", (${columns.unitId ?? nil})::text AS "unitId",
    (${due})::date AS "dueDate", (${columns.since})::timestamptz AS since, (${columns.entityId})::text AS "entityId",
    (${columns.period ?? nil})::text AS period, (${columns.detail ?? nil})::text AS detail, (${urgency})::int AS rank`;
}

const noticeDetail = Prisma.sql`n.level::text || ':' || n.state::text || ':' || n.year::text || ':' || n.number::text`;

/**
 * The CTEs and the UNION ALL of every item of this user, as `WITH ... items AS (...)`;
 * callers select from `items`. A role with nothing to do gets an empty set.
 */
function itemsSql(user: MyWorkUser, { now, settings, seenAt, markSeenAt }: MyWorkParams): Prisma.Sql {
  const today = isoDay(todayInChina(now));
  const todayDate = new Date(`${today}T00:00:00Z`);
  const period = monthOf(todayDate);
  const periodIso = isoDay(period);
  const deadline = isoDay(addDays(period, settings.reportingDay - 1));
  const scopes = myWorkScopes(user);
  // News counts from the previous visit; the stored one unless the caller passes it (the page has just moved it on).
  const lookback = new Date(now.getTime() - FIRST_VISIT_LOOKBACK_DAYS * 86_400_000);
  const seen =
    seenAt === undefined
      ? Prisma.sql`COALESCE((SELECT su."myWorkSeenAt" FROM "User" su WHERE su.id = ${user.id}), ${lookback}::timestamptz)`
      : Prisma.sql`${seenAt ?? lookback}::timestamptz`;
  const ctes: Prisma.Sql[] = [];
  const branches: Prisma.Sql[] = [];
  if (markSeenAt) ctes.push(Prisma.sql`mark_seen AS (UPDATE "User" SET "myWorkSeenAt" = ${markSeenAt}::timestamptz WHERE id = ${user.id} RETURNING id)`);

  if (scopes.official && user.unitId) {
    const unitId = user.unitId;
    // This month's reports the unit leads that are not yet submitted (expected-reports-sql's rule); returned ones are listed as such.
    ctes.push(Prisma.sql`scoped AS (SELECT m.id, m.status, m."startDate", m."leadUnitId" FROM "Measure" m WHERE ${unitLeadsSql(unitId)}),
      expected AS (${expectedReportsSql(period, monthEnd(period))})`);
    branches.push(Prisma.sql`SELECT ${row({
      kind: "reportMissing", measureId: Prisma.sql`e.id`, dueDate: Prisma.sql`${deadline}::date`, soonDays: REPORT_DUE_SOON_DAYS,
      since: Prisma.sql`${periodIso}::date`, entityId: Prisma.sql`e.id`, period: Prisma.sql`${periodIso.slice(0, 7)}`, detail: Prisma.sql`e."reportState"`,
    }, today)} FROM expected e WHERE ${reportMissingSql} AND e."reportState" IS DISTINCT FROM 'RETURNED'`);
    // Reports of the unit sent back by a reviewer (lead or cooperating part), due by their month's reporting day.
    branches.push(Prisma.sql`SELECT ${row({
      kind: "reportReturned", measureId: Prisma.sql`r."measureId"`,
      dueDate: Prisma.sql`r.period + ${settings.reportingDay - 1}::int`, soonDays: REPORT_DUE_SOON_DAYS,
      since: Prisma.sql`COALESCE(r."reviewedAt", r."updatedAt")`, entityId: Prisma.sql`r.id`,
      period: Prisma.sql`to_char(r.period, 'YYYY-MM')`, detail: Prisma.sql`r."reviewComment"`,
    }, today)} FROM "ProgressReport" r WHERE r.state = 'RETURNED' AND r."unitId" = ${unitId}`);
    // Open milestones of the unit's measures (lead or cooperating, under way) due within the window or overdue.
    branches.push(Prisma.sql`SELECT ${row({
      kind: "milestoneDue", measureId: Prisma.sql`ms."measureId"`, titleZh: Prisma.sql`ms."titleZh"`, titleEn: Prisma.sql`ms."titleEn"`,
      dueDate: Prisma.sql`ms."dueDate"`, soonDays: settings.dueSoonDays, since: Prisma.sql`ms."dueDate" - ${settings.dueSoonDays}::int`,
      entityId: Prisma.sql`ms.id`,
    }, today)} FROM (${ownUnitMeasureIdsSql(unitId)}) own
      JOIN "Measure" mo ON mo.id = own."measureId" AND mo.status IN ('NOT_STARTED', 'IN_PROGRESS')
      JOIN "Milestone" ms ON ms."measureId" = own."measureId"
      WHERE ms."completedOn" IS NULL AND ms."dueDate" <= ${today}::date + ${settings.dueSoonDays}::int`);
    // 催办 notices to the unit awaiting its reply: the lead unit until the notice is decided, a cooperating unit until it has replied once.
    branches.push(Prisma.sql`SELECT ${row({
      kind: "noticeOpen", measureId: Prisma.sql`n."measureId"`, dueDate: Prisma.sql`n."replyDueDate"`, soonDays: NOTICE_DUE_SOON_DAYS,
      since: Prisma.sql`n."updatedAt"`, entityId: Prisma.sql`n.id`, detail: noticeDetail,
    }, today)} FROM "NoticeRecipient" nr JOIN "Notice" n ON n.id = nr."noticeId"
      WHERE nr."unitId" = ${unitId} AND n.state IN ('OPEN', 'RETURNED')
        AND (nr."isLead" OR NOT EXISTS (SELECT 1 FROM "NoticeReply" rp WHERE rp."noticeId" = n.id AND rp."unitId" = nr."unitId"))`);
    // Decisions on the user's own extension requests since the previous visit.
    branches.push(Prisma.sql`SELECT ${row({
      kind: "extensionDecided", measureId: Prisma.sql`x."measureId"`, since: Prisma.sql`x."decidedAt"`, entityId: Prisma.sql`x.id`,
      detail: Prisma.sql`x.state::text`,
    }, today)} FROM "ExtensionRequest" x
      WHERE x."requestedById" = ${user.id} AND x.state <> 'PENDING' AND x."decidedAt" > ${seen}`);
  }

  if (scopes.supervisor) {
    // Submitted reports waiting for review, except the user's own (nobody reviews their own).
    branches.push(Prisma.sql`SELECT ${row({
      kind: "reviewWaiting", measureId: Prisma.sql`r."measureId"`, unitId: Prisma.sql`r."unitId"`,
      since: Prisma.sql`COALESCE(r."submittedAt", r."updatedAt")`, entityId: Prisma.sql`r.id`, period: Prisma.sql`to_char(r.period, 'YYYY-MM')`,
    }, today)} FROM "ProgressReport" r WHERE r.state = 'SUBMITTED' AND r."authorId" <> ${user.id}`);
    // Extension requests waiting for a decision; overdue once the measure's current due date has passed.
    branches.push(Prisma.sql`SELECT ${row({
      kind: "extensionWaiting", measureId: Prisma.sql`x."measureId"`, dueDate: Prisma.sql`x."currentDueDate"`, soonDays: settings.dueSoonDays,
      since: Prisma.sql`x."createdAt"`, entityId: Prisma.sql`x.id`, detail: Prisma.sql`to_char(x."requestedDueDate", 'YYYY-MM-DD')`,
    }, today)} FROM "ExtensionRequest" x WHERE x.state = 'PENDING'`);
    // Notices whose reply is due within NOTICE_DUE_SOON_DAYS or overdue.
    branches.push(Prisma.sql`SELECT ${row({
      kind: "noticeDue", measureId: Prisma.sql`n."measureId"`, dueDate: Prisma.sql`n."replyDueDate"`, soonDays: NOTICE_DUE_SOON_DAYS,
      since: Prisma.sql`n."updatedAt"`, entityId: Prisma.sql`n.id`, detail: noticeDetail,
    }, today)} FROM "Notice" n WHERE n.state IN ('OPEN', 'RETURNED') AND n."replyDueDate" <= ${today}::date + ${NOTICE_DUE_SOON_DAYS}::int`);
    // Notices replied to, awaiting the inspector's decision.
    branches.push(Prisma.sql`SELECT ${row({
      kind: "noticeReplied", measureId: Prisma.sql`n."measureId"`, since: Prisma.sql`n."updatedAt"`, entityId: Prisma.sql`n.id`, detail: noticeDetail,
    }, today)} FROM "Notice" n WHERE n.state = 'REPLIED'`);
    // Measures whose latest light change since the previous visit was to yellow or red (the event's payload names the new light).
    branches.push(Prisma.sql`SELECT ${row({
      kind: "lightChanged", measureId: Prisma.sql`ln."measureId"`, since: Prisma.sql`ln."occurredAt"`, entityId: Prisma.sql`ln."measureId"`,
      detail: Prisma.sql`ln.light`,
    }, today)} FROM (
      SELECT DISTINCT ON (ev."measureId") ev."measureId", ev."occurredAt",
        COALESCE(ev.payload->>'light', ev.payload->>'to', ev.payload->>'newLight') AS light
      FROM "DomainEvent" ev
      WHERE ev.type = 'measure.lightChanged' AND ev."occurredAt" > ${seen} AND ev."measureId" IS NOT NULL
      ORDER BY ev."measureId", ev."occurredAt" DESC, ev.id DESC) ln
      WHERE ln.light IN ('YELLOW', 'RED')`);
  }

  if (scopes.admin) {
    // Active accounts whose name is blocked by the sign-in throttle right now.
    branches.push(Prisma.sql`SELECT ${row({
      kind: "accountLocked", titleZh: Prisma.sql`u."displayName"`, titleEn: Prisma.sql`u."displayName"`,
      since: Prisma.sql`lt."lastFailureAt"`, entityId: Prisma.sql`u.id`, detail: Prisma.sql`u."loginName"`,
    }, today)} FROM (SELECT t."loginName", max(t."lastFailureAt") AS "lastFailureAt" FROM "LoginThrottle" t
        WHERE t.scope = 'name' AND t."blockedUntil" > ${now}::timestamptz GROUP BY t."loginName") lt
      JOIN "User" u ON u."loginName" = lt."loginName" WHERE u.active`);
    // Active accounts never signed in (no session ever, no API token ever used); not the sample-report placeholders.
    branches.push(Prisma.sql`SELECT ${row({
      kind: "accountNeverUsed", titleZh: Prisma.sql`u."displayName"`, titleEn: Prisma.sql`u."displayName"`,
      since: Prisma.sql`u."createdAt"`, entityId: Prisma.sql`u.id`, detail: Prisma.sql`u."loginName"`,
    }, today)} FROM "User" u
      WHERE u.active AND u."loginName" NOT LIKE 'sample.%' AND u."myWorkSeenAt" IS NULL
        AND NOT EXISTS (SELECT 1 FROM "AuthSession" s WHERE s."userId" = u.id)
        AND NOT EXISTS (SELECT 1 FROM "ApiToken" k WHERE k."userId" = u.id AND k."lastUsedAt" IS NOT NULL)`);
  }

  // Everyone: comments naming this person that they have not read in the inbox yet (comment not deleted since).
  // The period of a report's comment leads to that report; a discussion comment's to the discussion tab.
  branches.push(Prisma.sql`SELECT ${row({
    kind: "commentMention", measureId: Prisma.sql`c."measureId"`, since: Prisma.sql`nt."createdAt"`, entityId: Prisma.sql`c.id`,
    period: Prisma.sql`(SELECT to_char(cr.period, 'YYYY-MM') FROM "ProgressReport" cr WHERE cr.id = c."reportId")`, detail: Prisma.sql`nt.payload->>'by'`,
  }, today)} FROM "Notification" nt JOIN "Comment" c ON c.id = nt."entityId" AND c."deletedAt" IS NULL
    WHERE nt."userId" = ${user.id} AND nt."readAt" IS NULL AND nt.type = 'comment.mention'`);

  if (branches.length === 0) {
    branches.push(Prisma.sql`SELECT ${row({ kind: "reportMissing", since: Prisma.sql`now()`, entityId: Prisma.sql`''` }, today)} WHERE FALSE`);
  }
  const items = Prisma.sql`items AS (${Prisma.join(branches, " UNION ALL ")})`;
  return Prisma.sql`WITH ${Prisma.join([...ctes, items], ", ")}`;
}

/** Most urgent first (rank: overdue 0, due soon 1, the rest 2), then newest. */
const orderSql = Prisma.sql`rank, since DESC, kind COLLATE "C", "entityId" COLLATE "C"`;

/** The list's statement: every item ordered, at most `limit`, then the titles of those kept. */
export function myWorkSql(user: MyWorkUser, params: MyWorkParams, limit = MY_WORK_LIMIT): Prisma.Sql {
  return Prisma.sql`${itemsSql(user, params)},
    kept AS (SELECT * FROM items ORDER BY ${orderSql} LIMIT ${limit})
    SELECT k.kind, m.code AS "measureCode", COALESCE(k."ownTitleZh", m."titleZh") AS "titleZh", COALESCE(k."ownTitleEn", m."titleEn") AS "titleEn",
      u."nameZh" AS "unitZh", u."nameEn" AS "unitEn", k."dueDate", k.since, k."entityId", k.period, k.detail,
      (ARRAY['overdue', 'dueSoon', 'normal'])[k.rank + 1] AS urgency
    FROM kept k
    -- One index probe per kept row (OFFSET 0 keeps the planner from hashing every measure instead).
    LEFT JOIN LATERAL (SELECT mt.code, mt."titleZh", mt."titleEn" FROM "Measure" mt WHERE mt.id = k."measureId" OFFSET 0) m ON TRUE
    LEFT JOIN LATERAL (SELECT ut."nameZh", ut."nameEn" FROM "Unit" ut WHERE ut.id = k."unitId" OFFSET 0) u ON TRUE
    ORDER BY ${orderSql}`;
}

/** The badge's statement: how many items the list holds (without its limit). */
export function myWorkCountSql(user: MyWorkUser, params: MyWorkParams): Prisma.Sql {
  return Prisma.sql`${itemsSql(user, params)} SELECT count(*)::int AS count FROM items`;
}
