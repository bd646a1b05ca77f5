import { Prisma } from "@/generated/prisma/client";
import type { Role } from "@/generated/prisma/enums";
import { ownUnitMeasuresSql, unitLeadsSql } from "@/lib/measures/measure-sql";
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

/** A row of a branch: the common columns, with NULLs where a kind has nothing to say. */
function row(columns: {
  kind: MyWorkKind;
  code: Prisma.Sql;
  titleZh: Prisma.Sql;
  titleEn: Prisma.Sql;
  unitZh?: Prisma.Sql;
  unitEn?: Prisma.Sql;
  dueDate?: Prisma.Sql;
  /** Days before dueDate at which the item becomes due soon. */
  soonDays?: number;
  since: Prisma.Sql;
  entityId: Prisma.Sql;
  period?: Prisma.Sql;
  detail?: Prisma.Sql;
}, today: string): Prisma.Sql {
  const due = columns.dueDate ?? Prisma.sql`NULL::date`;
  const urgency = columns.dueDate
    ? Prisma.sql`CASE WHEN (${due}) < ${today}::date THEN 'overdue' WHEN (${due}) <= ${today}::date + ${columns.soonDays ?? 0}::int THEN 'dueSoon' ELSE 'normal' END`
    : Prisma.sql`'normal'`;
  return Prisma.sql`${columns.kind}::text AS kind, (${columns.code})::text AS "measureCode", (${columns.titleZh})::text AS "titleZh",
    (${columns.titleEn})::text AS "titleEn", ${columns.unitZh ?? Prisma.sql`NULL`}::text AS "unitZh", ${columns.unitEn ?? Prisma.sql`NULL`}::text AS "unitEn",
    (${due})::date AS "dueDate", (${columns.since})::timestamptz AS since, (${columns.entityId})::text AS "entityId",
    (${columns.period ?? Prisma.sql`NULL`})::text AS period, (${columns.detail ?? Prisma.sql`NULL`})::text AS detail, ${urgency}::text AS urgency`;
}

/**
 * The CTEs and the UNION ALL of every item of this user, as `WITH ... items AS (...)`;
 * callers select from `items`. A role with nothing to do gets an empty set.
 */
function itemsSql(user: MyWorkUser, { now, settings, seenAt }: MyWorkParams): Prisma.Sql {
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

  if (scopes.official && user.unitId) {
    const unitId = user.unitId;
    // This month's reports the unit leads that are not yet submitted (expected-reports-sql's rule); returned ones are listed as such.
    ctes.push(Prisma.sql`scoped AS (SELECT m.id, m.code, m."titleZh", m."titleEn", m.status, m."startDate", m."leadUnitId" FROM "Measure" m WHERE ${unitLeadsSql(unitId)}),
      expected AS (${expectedReportsSql(period, monthEnd(period))})`);
    branches.push(Prisma.sql`SELECT ${row({
      kind: "reportMissing", code: Prisma.sql`e.code`, titleZh: Prisma.sql`e."titleZh"`, titleEn: Prisma.sql`e."titleEn"`,
      dueDate: Prisma.sql`${deadline}::date`, soonDays: REPORT_DUE_SOON_DAYS, since: Prisma.sql`${periodIso}::date`,
      entityId: Prisma.sql`e.id`, period: Prisma.sql`${periodIso.slice(0, 7)}`, detail: Prisma.sql`e."reportState"`,
    }, today)} FROM expected e WHERE ${reportMissingSql} AND e."reportState" IS DISTINCT FROM 'RETURNED'`);
    // Reports of the unit sent back by a reviewer (lead or cooperating part), due by their month's reporting day.
    branches.push(Prisma.sql`SELECT ${row({
      kind: "reportReturned", code: Prisma.sql`m.code`, titleZh: Prisma.sql`m."titleZh"`, titleEn: Prisma.sql`m."titleEn"`,
      dueDate: Prisma.sql`r.period + ${settings.reportingDay - 1}::int`, soonDays: REPORT_DUE_SOON_DAYS,
      since: Prisma.sql`COALESCE(r."reviewedAt", r."updatedAt")`, entityId: Prisma.sql`r.id`,
      period: Prisma.sql`to_char(r.period, 'YYYY-MM')`, detail: Prisma.sql`r."reviewComment"`,
    }, today)} FROM "ProgressReport" r JOIN "Measure" m ON m.id = r."measureId"
      WHERE r."unitId" = ${unitId} AND r.state = 'RETURNED'`);
    // Open milestones of the unit's measures (lead or cooperating) due within the window or overdue.
    branches.push(Prisma.sql`SELECT ${row({
      kind: "milestoneDue", code: Prisma.sql`m.code`, titleZh: Prisma.sql`ms."titleZh"`, titleEn: Prisma.sql`ms."titleEn"`,
      dueDate: Prisma.sql`ms."dueDate"`, soonDays: settings.dueSoonDays, since: Prisma.sql`ms."dueDate" - ${settings.dueSoonDays}::int`,
      entityId: Prisma.sql`ms.id`,
    }, today)} FROM "Milestone" ms JOIN "Measure" m ON m.id = ms."measureId"
      WHERE ms."completedOn" IS NULL AND ms."dueDate" <= ${today}::date + ${settings.dueSoonDays}::int
        AND m.status IN ('NOT_STARTED', 'IN_PROGRESS') AND ${ownUnitMeasuresSql(unitId)}`);
    // 催办 notices to the unit awaiting its reply: the lead unit until the notice is decided, a cooperating unit until it has replied once.
    branches.push(Prisma.sql`SELECT ${row({
      kind: "noticeOpen", code: Prisma.sql`m.code`, titleZh: Prisma.sql`m."titleZh"`, titleEn: Prisma.sql`m."titleEn"`,
      dueDate: Prisma.sql`n."replyDueDate"`, soonDays: NOTICE_DUE_SOON_DAYS, since: Prisma.sql`n."updatedAt"`, entityId: Prisma.sql`n.id`,
      detail: Prisma.sql`n.level::text || ':' || n.state::text || ':' || n.year::text || ':' || n.number::text`,
    }, today)} FROM "NoticeRecipient" nr JOIN "Notice" n ON n.id = nr."noticeId" JOIN "Measure" m ON m.id = n."measureId"
      WHERE nr."unitId" = ${unitId} AND n.state IN ('OPEN', 'RETURNED')
        AND (nr."isLead" OR NOT EXISTS (SELECT 1 FROM "NoticeReply" rp WHERE rp."noticeId" = n.id AND rp."unitId" = nr."unitId"))`);
    // Decisions on the user's own extension requests since the previous visit.
    branches.push(Prisma.sql`SELECT ${row({
      kind: "extensionDecided", code: Prisma.sql`m.code`, titleZh: Prisma.sql`m."titleZh"`, titleEn: Prisma.sql`m."titleEn"`,
      since: Prisma.sql`x."decidedAt"`, entityId: Prisma.sql`x.id`, detail: Prisma.sql`x.state::text`,
    }, today)} FROM "ExtensionRequest" x JOIN "Measure" m ON m.id = x."measureId"
      WHERE x."requestedById" = ${user.id} AND x.state <> 'PENDING' AND x."decidedAt" > ${seen}`);
  }

  if (scopes.supervisor) {
    // Submitted reports waiting for review, except the user's own (nobody reviews their own).
    branches.push(Prisma.sql`SELECT ${row({
      kind: "reviewWaiting", code: Prisma.sql`m.code`, titleZh: Prisma.sql`m."titleZh"`, titleEn: Prisma.sql`m."titleEn"`,
      unitZh: Prisma.sql`u."nameZh"`, unitEn: Prisma.sql`u."nameEn"`,
      since: Prisma.sql`COALESCE(r."submittedAt", r."updatedAt")`, entityId: Prisma.sql`r.id`, period: Prisma.sql`to_char(r.period, 'YYYY-MM')`,
    }, today)} FROM "ProgressReport" r JOIN "Measure" m ON m.id = r."measureId" JOIN "Unit" u ON u.id = r."unitId"
      WHERE r.state = 'SUBMITTED' AND r."authorId" <> ${user.id}`);
    // Extension requests waiting for a decision; overdue once the measure's current due date has passed.
    branches.push(Prisma.sql`SELECT ${row({
      kind: "extensionWaiting", code: Prisma.sql`m.code`, titleZh: Prisma.sql`m."titleZh"`, titleEn: Prisma.sql`m."titleEn"`,
      dueDate: Prisma.sql`x."currentDueDate"`, soonDays: settings.dueSoonDays, since: Prisma.sql`x."createdAt"`, entityId: Prisma.sql`x.id`,
      detail: Prisma.sql`to_char(x."requestedDueDate", 'YYYY-MM-DD')`,
    }, today)} FROM "ExtensionRequest" x JOIN "Measure" m ON m.id = x."measureId" WHERE x.state = 'PENDING'`);
    // Notices whose reply is due within NOTICE_DUE_SOON_DAYS or overdue.
    branches.push(Prisma.sql`SELECT ${row({
      kind: "noticeDue", code: Prisma.sql`m.code`, titleZh: Prisma.sql`m."titleZh"`, titleEn: Prisma.sql`m."titleEn"`,
      dueDate: Prisma.sql`n."replyDueDate"`, soonDays: NOTICE_DUE_SOON_DAYS, since: Prisma.sql`n."updatedAt"`, entityId: Prisma.sql`n.id`,
      detail: Prisma.sql`n.level::text || ':' || n.state::text || ':' || n.year::text || ':' || n.number::text`,
    }, today)} FROM "Notice" n JOIN "Measure" m ON m.id = n."measureId"
      WHERE n.state IN ('OPEN', 'RETURNED') AND n."replyDueDate" <= ${today}::date + ${NOTICE_DUE_SOON_DAYS}::int`);
    // Notices replied to, awaiting the inspector's decision.
    branches.push(Prisma.sql`SELECT ${row({
      kind: "noticeReplied", code: Prisma.sql`m.code`, titleZh: Prisma.sql`m."titleZh"`, titleEn: Prisma.sql`m."titleEn"`,
      since: Prisma.sql`n."updatedAt"`, entityId: Prisma.sql`n.id`,
      detail: Prisma.sql`n.level::text || ':' || n.state::text || ':' || n.year::text || ':' || n.number::text`,
    }, today)} FROM "Notice" n JOIN "Measure" m ON m.id = n."measureId" WHERE n.state = 'REPLIED'`);
    // Measures whose latest light change since the previous visit was to yellow or red.
    ctes.push(Prisma.sql`light_news AS (
      SELECT DISTINCT ON (ev."measureId") ev."measureId", ev."occurredAt",
        COALESCE(ev.payload->>'light', ev.payload->>'to', ev.payload->>'newLight') AS light
      FROM "DomainEvent" ev
      WHERE ev.type = 'measure.lightChanged' AND ev."measureId" IS NOT NULL AND ev."occurredAt" > ${seen}
      ORDER BY ev."measureId", ev."occurredAt" DESC)`);
    branches.push(Prisma.sql`SELECT ${row({
      kind: "lightChanged", code: Prisma.sql`m.code`, titleZh: Prisma.sql`m."titleZh"`, titleEn: Prisma.sql`m."titleEn"`,
      since: Prisma.sql`ln."occurredAt"`, entityId: Prisma.sql`m.id`, detail: Prisma.sql`ln.light`,
    }, today)} FROM light_news ln JOIN "Measure" m ON m.id = ln."measureId" WHERE ln.light IN ('YELLOW', 'RED')`);
  }

  if (scopes.admin) {
    // Active accounts whose name is blocked by the sign-in throttle right now.
    branches.push(Prisma.sql`SELECT ${row({
      kind: "accountLocked", code: Prisma.sql`NULL`, titleZh: Prisma.sql`u."displayName"`, titleEn: Prisma.sql`u."displayName"`,
      since: Prisma.sql`lt."lastFailureAt"`, entityId: Prisma.sql`u.id`, detail: Prisma.sql`u."loginName"`,
    }, today)} FROM (SELECT t."loginName", max(t."lastFailureAt") AS "lastFailureAt" FROM "LoginThrottle" t
        WHERE t.scope = 'name' AND t."blockedUntil" > ${now}::timestamptz GROUP BY t."loginName") lt
      JOIN "User" u ON u."loginName" = lt."loginName" WHERE u.active`);
    // Active accounts never signed in (no session ever, no API token ever used); not the sample-report placeholders.
    branches.push(Prisma.sql`SELECT ${row({
      kind: "accountNeverUsed", code: Prisma.sql`NULL`, titleZh: Prisma.sql`u."displayName"`, titleEn: Prisma.sql`u."displayName"`,
      since: Prisma.sql`u."createdAt"`, entityId: Prisma.sql`u.id`, detail: Prisma.sql`u."loginName"`,
    }, today)} FROM "User" u
      WHERE u.active AND u."loginName" NOT LIKE 'sample.%' AND u."myWorkSeenAt" IS NULL
        AND NOT EXISTS (SELECT 1 FROM "AuthSession" s WHERE s."userId" = u.id)
        AND NOT EXISTS (SELECT 1 FROM "ApiToken" k WHERE k."userId" = u.id AND k."lastUsedAt" IS NOT NULL)`);
  }

  if (branches.length === 0) branches.push(Prisma.sql`SELECT ${row({ kind: "reportMissing", code: Prisma.sql`NULL`, titleZh: Prisma.sql`''`, titleEn: Prisma.sql`''`, since: Prisma.sql`now()`, entityId: Prisma.sql`''` }, today)} WHERE FALSE`);
  const items = Prisma.sql`items AS (${Prisma.join(branches, " UNION ALL ")})`;
  return Prisma.sql`WITH ${Prisma.join([...ctes, items], ", ")}`;
}

/** Most urgent first (overdue, due soon, the rest), then newest. */
export const myWorkOrderSql = Prisma.sql`CASE urgency WHEN 'overdue' THEN 0 WHEN 'dueSoon' THEN 1 ELSE 2 END, since DESC, "measureCode" NULLS LAST, "entityId"`;

/** The list's statement: every item, ordered, at most `limit`. */
export function myWorkSql(user: MyWorkUser, params: MyWorkParams, limit = MY_WORK_LIMIT): Prisma.Sql {
  return Prisma.sql`${itemsSql(user, params)} SELECT * FROM items ORDER BY ${myWorkOrderSql} LIMIT ${limit}`;
}

/** The badge's statement: how many items the list holds (without its limit). */
export function myWorkCountSql(user: MyWorkUser, params: MyWorkParams): Prisma.Sql {
  return Prisma.sql`${itemsSql(user, params)} SELECT count(*)::int AS count FROM items`;
}
