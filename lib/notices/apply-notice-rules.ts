import { Prisma } from "@/generated/prisma/client";
import { type AuditEventInput, recordAuditEvents } from "@/lib/audit/record-audit-event";
import type { PrismaClient } from "@/lib/db/create-client";
import { type DomainEventInput, emitEvents } from "@/lib/events/emit-event";
import { lightSql, measureStateSql } from "@/lib/measures/measure-sql";
import { expectedReportsSql, reportMissingSql } from "@/lib/reports/expected-reports-sql";
import { addDays, formatPeriod, isoDay, monthEnd, monthOf, todayInChina } from "@/lib/tracking/dates";
import { getTrackingSettings } from "@/lib/tracking/settings";
import { lockNoticeNumbers, NOTICE_RULES_LOCK } from "./notice-number";
import { getNoticeSettings } from "./settings";

export interface NoticeRulesResult {
  /** New notices issued by the reminder / supervise / special rules. */
  issued: number;
  /** Notices escalated on silence (each with its new, higher notice). */
  escalated: number;
}

type CreatedRow = {
  id: string;
  measureId: string;
  level: "REMINDER" | "SUPERVISE" | "SPECIAL";
  year: number;
  number: number;
  autoKey: string;
  ruleKey: string;
  escalatedFromId: string | null;
  replyDueDate: Date;
  unitIds: string[];
  /** Recipient units without an active official (the administrators are told). */
  unattendedUnitIds: string[];
  code: string;
  titleZh: string;
  titleEn: string;
};

const CHUNK = 1000;

/** True when the unit has no active official. */
const unattendedSql = (unitId: Prisma.Sql) =>
  Prisma.sql`NOT EXISTS (SELECT 1 FROM "User" ou WHERE ou."unitId" = ${unitId} AND ou.role = 'OFFICIAL' AND ou.active)`;

/**
 * The daily run of the automatic notice rules (settings.ts), set-based:
 * 1. escalation on silence: every OPEN or RETURNED notice below 专项督办 whose
 *    reply deadline has passed becomes ESCALATED, and a notice one level higher
 *    goes to the same units (escalatedFromId links them);
 * 2. new notices to the lead unit of every measure under way (the rule of
 *    expected-reports-sql.ts), by its light (measure-sql.ts lightSql):
 *    RED → 专项督办; YELLOW now and at the end of last month → 督办;
 *    BLUE (due within the window) with this month's report missing → 提醒;
 *    none while the measure has an active notice of that level or higher.
 * Idempotent: each automatic notice has an autoKey (rule, measure, month; or
 * the escalated notice), its event the same key. A transaction-scoped advisory
 * lock makes a concurrent run wait and then find nothing left to do.
 */
export async function applyNoticeRules(db: PrismaClient, now = new Date()): Promise<NoticeRulesResult> {
  const [tracking, rules] = await Promise.all([getTrackingSettings(db), getNoticeSettings(db)]);
  const today = todayInChina(now);
  const period = monthOf(today);
  const previousMonth = formatPeriod(monthOf(today, -1));
  const previousEnd = monthEnd(monthOf(today, -1));
  const replyDueDate = isoDay(addDays(today, rules.noticeReplyDays));
  const year = today.getUTCFullYear();
  const todaySql = Prisma.sql`${isoDay(today)}::date`;

  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${NOTICE_RULES_LOCK}::int4, 0)`;
      const created: CreatedRow[] = [];

      if (rules.noticeRuleEscalate) {
        const last = await lockNoticeNumbers(tx, year);
        const rows = await tx.$queryRaw<CreatedRow[]>(Prisma.sql`
          WITH due AS (
            SELECT n.id, n."measureId", (CASE n.level WHEN 'REMINDER' THEN 'SUPERVISE' ELSE 'SPECIAL' END)::"NoticeLevel" AS level,
                   ${last}::int + (row_number() OVER (ORDER BY n."replyDueDate", n.year, n.number))::int AS number
            FROM "Notice" n
            WHERE n.state IN ('OPEN', 'RETURNED') AND n.level <> 'SPECIAL' AND n."replyDueDate" < ${todaySql}
              AND NOT EXISTS (SELECT 1 FROM "Notice" e WHERE e."escalatedFromId" = n.id)
          ),
          closed AS (
            UPDATE "Notice" n SET state = 'ESCALATED', "closedAt" = now(), version = n.version + 1, "updatedAt" = now()
            FROM due d WHERE n.id = d.id RETURNING n.id
          ),
          inserted AS (
            INSERT INTO "Notice" (id, year, number, "measureId", level, state, body, "replyDueDate", "ruleKey", "autoKey", "escalatedFromId", version, "createdAt", "updatedAt")
            SELECT gen_random_uuid()::text, ${year}::int, d.number, d."measureId", d.level, 'OPEN'::"NoticeState", '',
                   ${replyDueDate}::date, 'escalate', 'escalate:' || d.id, d.id, 1, now(), now()
            FROM due d JOIN closed c ON c.id = d.id
            RETURNING *
          ),
          recipients AS (
            INSERT INTO "NoticeRecipient" ("noticeId", "unitId", "isLead")
            SELECT i.id, r."unitId", r."isLead" FROM inserted i JOIN "NoticeRecipient" r ON r."noticeId" = i."escalatedFromId"
            RETURNING "noticeId", "unitId"
          )
          SELECT i.id, i."measureId", i.level::text AS level, i.year, i.number, i."autoKey", i."ruleKey", i."escalatedFromId", i."replyDueDate",
                 (SELECT array_agg(r."unitId") FROM recipients r WHERE r."noticeId" = i.id) AS "unitIds",
                 (SELECT COALESCE(array_agg(r."unitId"), '{}') FROM recipients r WHERE r."noticeId" = i.id AND ${unattendedSql(Prisma.sql`r."unitId"`)}) AS "unattendedUnitIds",
                 m.code, m."titleZh", m."titleEn"
          FROM inserted i JOIN "Measure" m ON m.id = i."measureId"`);
        created.push(...rows);
      }

      const levels = [
        rules.noticeRuleSpecial && Prisma.sql`WHEN e.light = 'RED' THEN 'SPECIAL'`,
        rules.noticeRuleSupervise && Prisma.sql`WHEN e.light = 'YELLOW' AND e."previousLight" = 'YELLOW' THEN 'SUPERVISE'`,
        rules.noticeRuleReminder && Prisma.sql`WHEN e.light = 'BLUE' AND ${reportMissingSql} THEN 'REMINDER'`,
      ].filter((rule): rule is Prisma.Sql => rule !== false);
      if (levels.length > 0) {
        const last = await lockNoticeNumbers(tx, year);
        const previous = measureStateSql(previousMonth);
        const current = measureStateSql(undefined);
        const month = formatPeriod(period);
        const rows = await tx.$queryRaw<CreatedRow[]>(Prisma.sql`
          WITH scoped AS (
            SELECT m.id, m.status, m."startDate", m."leadUnitId",
                   ${lightSql(today, tracking, current.state)} AS light,
                   ${lightSql(previousEnd, tracking, previous.state)} AS "previousLight"
            FROM "Measure" m ${previous.joins}
            WHERE m.status IN ('NOT_STARTED', 'IN_PROGRESS')
          ),
          expected AS (${expectedReportsSql(period, monthEnd(period))}),
          candidates AS (
            SELECT e.id AS "measureId", e."leadUnitId", (CASE ${Prisma.join(levels, " ")} END)::"NoticeLevel" AS level FROM expected e
          ),
          keyed AS (
            SELECT c.*, lower(c.level::text) AS "ruleKey", lower(c.level::text) || ':' || c."measureId" || ':' || ${month} AS "autoKey"
            FROM candidates c WHERE c.level IS NOT NULL
          ),
          fresh AS (
            SELECT k.*, ${last}::int + (row_number() OVER (ORDER BY k."measureId"))::int AS number FROM keyed k
            WHERE NOT EXISTS (SELECT 1 FROM "Notice" n WHERE n."autoKey" = k."autoKey")
              AND NOT EXISTS (SELECT 1 FROM "Notice" n WHERE n."measureId" = k."measureId"
                              AND n.state IN ('OPEN', 'REPLIED', 'RETURNED') AND n.level >= k.level)
          ),
          inserted AS (
            INSERT INTO "Notice" (id, year, number, "measureId", level, state, body, "replyDueDate", "ruleKey", "autoKey", version, "createdAt", "updatedAt")
            SELECT gen_random_uuid()::text, ${year}::int, f.number, f."measureId", f.level, 'OPEN'::"NoticeState", '',
                   ${replyDueDate}::date, f."ruleKey", f."autoKey", 1, now(), now()
            FROM fresh f
            RETURNING *
          ),
          recipients AS (
            INSERT INTO "NoticeRecipient" ("noticeId", "unitId", "isLead")
            SELECT i.id, m."leadUnitId", TRUE FROM inserted i JOIN "Measure" m ON m.id = i."measureId"
            RETURNING "noticeId"
          )
          SELECT i.id, i."measureId", i.level::text AS level, i.year, i.number, i."autoKey", i."ruleKey", i."escalatedFromId", i."replyDueDate",
                 ARRAY[m."leadUnitId"] AS "unitIds",
                 (CASE WHEN ${unattendedSql(Prisma.sql`m."leadUnitId"`)} THEN ARRAY[m."leadUnitId"] ELSE '{}' END) AS "unattendedUnitIds",
                 m.code, m."titleZh", m."titleEn"
          FROM inserted i JOIN "Measure" m ON m.id = i."measureId"
          WHERE i.id IN (SELECT "noticeId" FROM recipients)`);
        created.push(...rows);
      }

      const audits: AuditEventInput[] = [];
      const events: DomainEventInput[] = [];
      for (const row of created) {
        const payload = {
          year: row.year,
          number: row.number,
          level: row.level,
          replyDueDate: isoDay(row.replyDueDate),
          measureCode: row.code,
          measureTitleZh: row.titleZh,
          measureTitleEn: row.titleEn,
          rule: row.ruleKey,
        };
        if (row.escalatedFromId) {
          audits.push({
            actorId: null,
            action: "notice.escalate",
            entityType: "Measure",
            entityId: row.measureId,
            after: { notice: row.escalatedFromId, state: "ESCALATED", level: row.level, rule: "escalate" },
          });
        }
        audits.push({
          actorId: null,
          action: "notice.issue",
          entityType: "Measure",
          entityId: row.measureId,
          after: {
            notice: row.id,
            serial: `${row.year}-${row.number}`,
            level: row.level,
            replyDueDate: isoDay(row.replyDueDate),
            rule: row.ruleKey,
            ...(row.escalatedFromId ? { escalatedFrom: row.escalatedFromId } : {}),
          },
        });
        events.push({
          type: row.escalatedFromId ? "notice.escalated" : "notice.issued",
          key: `notice.issued:${row.autoKey}`,
          measureId: row.measureId,
          audienceUnitIds: row.unitIds,
          audienceRoles: row.unattendedUnitIds.length > 0 ? ["ADMIN"] : [],
          entityType: "Notice",
          entityId: row.id,
          payload: { ...payload, unattendedUnitIds: row.unattendedUnitIds },
        });
      }
      for (let start = 0; start < audits.length; start += CHUNK) await recordAuditEvents(tx, audits.slice(start, start + CHUNK));
      for (let start = 0; start < events.length; start += CHUNK) await emitEvents(tx, events.slice(start, start + CHUNK));

      return {
        issued: created.filter((row) => !row.escalatedFromId).length,
        escalated: created.filter((row) => row.escalatedFromId).length,
      };
    },
    { timeout: 300_000, maxWait: 300_000 },
  );
}
