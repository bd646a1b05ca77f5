import { Prisma } from "@/generated/prisma/client";
import { lightSql, measureStateSql, scopedMeasuresFrom } from "@/lib/measures/measure-sql";
import { WRITING_ACTIONS } from "@/lib/reports/report-writers";
import type { TrackingSettings } from "@/lib/tracking/settings";
import type { ReviewQueueQuery, ReviewSort } from "./schemas";

/** Which kinds this person decides: reports (report.review) and extension requests (extension.decide). */
export interface QueueGrants {
  userId: string;
  reports: boolean;
  extensions: boolean;
}

/**
 * Everything awaiting this person's decision in one row shape ("queue" below):
 * submitted reports they did not write (author, or any writer in the audit
 * trail: nobody reviews their own) UNION ALL pending extension requests, each
 * kind only when granted. The unit of an extension request is its requester's,
 * or the lead unit's when the account has none any more.
 */
function queueSql(grants: QueueGrants): Prisma.Sql {
  const reports = Prisma.sql`
    SELECT 'report' AS kind, r.id, r.version, r."measureId", r."unitId", r.period, COALESCE(r."submittedAt", r.period::timestamptz) AS since, r."isSample"
    FROM "ProgressReport" r
    WHERE ${grants.reports}::boolean AND r.state = 'SUBMITTED' AND r."authorId" <> ${grants.userId}
      AND NOT EXISTS (SELECT 1 FROM "AuditEvent" e WHERE e."entityType" = 'ProgressReport' AND e."entityId" = r.id
        AND e."actorId" = ${grants.userId} AND e.action IN (${Prisma.join(WRITING_ACTIONS)}))`;
  const extensions = Prisma.sql`
    SELECT 'extension', x.id, x.version, x."measureId", COALESCE(requester."unitId", xm."leadUnitId"), NULL::date, x."createdAt", xm."isSample"
    FROM "ExtensionRequest" x
    JOIN "User" requester ON requester.id = x."requestedById"
    JOIN "Measure" xm ON xm.id = x."measureId"
    WHERE ${grants.extensions}::boolean AND x.state = 'PENDING'`;
  return Prisma.sql`${reports} UNION ALL ${extensions}`;
}

/** The queue's rows with their measure, area, programme, unit, the measure's light now and the unit's role. */
function rowsSql(grants: QueueGrants, today: Date, settings: Pick<TrackingSettings, "paceMarginPercent" | "dueSoonDays">): Prisma.Sql {
  const light = lightSql(today, settings, measureStateSql(undefined).state);
  return Prisma.sql`
    SELECT q.kind || ':' || q.id AS key, q.kind, q.id, q.version, q.period, q.since, q."isSample",
           m.code, m."titleZh", m."titleEn", m."sortOrder" AS measure_sort,
           a.code AS "areaCode", a."titleZh" AS "areaZh", a."titleEn" AS "areaEn", a."sortOrder" AS area_sort,
           p.code AS "programmeCode", p."titleZh" AS "programmeZh", p."titleEn" AS "programmeEn", p."sortOrder" AS programme_sort,
           u.id AS "unitId", u."nameZh" AS "unitZh", u."nameEn" AS "unitEn",
           CASE WHEN q."unitId" = m."leadUnitId" THEN 'lead' ELSE 'cooperating' END AS role,
           ${light} AS light
    FROM (${queueSql(grants)}) q
    JOIN ${scopedMeasuresFrom} ON m.id = q."measureId"
    JOIN "Unit" u ON u.id = q."unitId"`;
}

/** LIKE pattern for a search text, with its wildcards taken literally. */
function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

/**
 * The URL's filters on the rows of rowsSql; `onlyReportIds` (the "has open
 * flags" filter, lib/credibility) keeps just those reports.
 */
function filterSql(query: ReviewQueueQuery, onlyReportIds?: string[]): Prisma.Sql {
  const conditions: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (onlyReportIds) {
    conditions.push(onlyReportIds.length ? Prisma.sql`kind = 'report' AND id IN (${Prisma.join(onlyReportIds)})` : Prisma.sql`FALSE`);
  }
  if (query.kind) conditions.push(Prisma.sql`kind = ${query.kind}`);
  if (query.programme) conditions.push(Prisma.sql`"programmeCode" = ${query.programme}`);
  if (query.area) conditions.push(Prisma.sql`"areaCode" = ${query.area}`);
  if (query.unit) conditions.push(Prisma.sql`"unitId" = ${query.unit}`);
  if (query.light) conditions.push(Prisma.sql`light = ${query.light}`);
  if (query.period) conditions.push(Prisma.sql`period = ${`${query.period}-01`}::date`);
  if (query.q) {
    const pattern = containsPattern(query.q);
    conditions.push(Prisma.sql`(code ILIKE ${pattern} OR "titleZh" ILIKE ${pattern} OR "titleEn" ILIKE ${pattern}
      OR "unitZh" ILIKE ${pattern} OR "unitEn" ILIKE ${pattern})`);
  }
  return Prisma.join(conditions, " AND ");
}

const sortSql: Record<ReviewSort, Prisma.Sql> = {
  waiting: Prisma.sql`since`,
  code: Prisma.sql`programme_sort, area_sort, measure_sort, code`,
  unit: Prisma.sql`"unitZh"`,
  // Extension requests have no month: they come after the reports either way.
  period: Prisma.sql`period`,
  // Most urgent first when ascending (the order of `lights`).
  light: Prisma.sql`CASE light WHEN 'RED' THEN 0 WHEN 'YELLOW' THEN 1 WHEN 'BLUE' THEN 2 WHEN 'GREEN' THEN 3 ELSE 4 END`,
};

/**
 * One page of the review queue: filtered, sorted (then longest waiting first,
 * then by key, so the order is stable) and paged in the database, with the
 * number matching the filters, everything awaiting this person and whether
 * any of it is sample data, in the same statement.
 */
export function reviewQueuePageSql(
  grants: QueueGrants,
  query: ReviewQueueQuery,
  today: Date,
  settings: Pick<TrackingSettings, "paceMarginPercent" | "dueSoonDays">,
  onlyReportIds?: string[],
): Prisma.Sql {
  const direction = query.dir === "desc" ? Prisma.sql`DESC` : Prisma.sql`ASC`;
  const tieBreak = query.sort === "waiting" ? Prisma.sql`key` : Prisma.sql`since, key`;
  const filter = filterSql(query, onlyReportIds);
  return Prisma.sql`
    WITH queue AS (${rowsSql(grants, today, settings)}),
    totals AS (SELECT count(*) AS everything, count(*) FILTER (WHERE ${filter}) AS matching, COALESCE(bool_or("isSample"), FALSE) AS "anySample" FROM queue)
    SELECT page.*, totals.everything, totals.matching, totals."anySample" FROM totals
    LEFT JOIN LATERAL (
      SELECT queue.* FROM queue
      WHERE ${filter}
      ORDER BY ${sortSql[query.sort]} ${direction} NULLS LAST, ${tieBreak}
      LIMIT ${query.perPage} OFFSET ${(query.page - 1) * query.perPage}
    ) page ON TRUE`;
}

/** The programmes, areas and units present in the whole queue: the filters' choices. */
export function reviewQueueOptionsSql(grants: QueueGrants, today: Date, settings: Pick<TrackingSettings, "paceMarginPercent" | "dueSoonDays">): Prisma.Sql {
  return Prisma.sql`
    SELECT DISTINCT "programmeCode", "programmeZh", "programmeEn", programme_sort, "areaCode", "areaZh", "areaEn", area_sort, "unitId", "unitZh", "unitEn"
    FROM (${rowsSql(grants, today, settings)}) queue`;
}

/** The ids of every report in the queue that the URL's other filters select (for the "has open flags" filter). */
export function reviewQueueReportIdsSql(grants: QueueGrants, query: ReviewQueueQuery, today: Date, settings: Pick<TrackingSettings, "paceMarginPercent" | "dueSoonDays">): Prisma.Sql {
  return Prisma.sql`SELECT id FROM (${rowsSql(grants, today, settings)}) queue WHERE kind = 'report' AND ${filterSql(query)}`;
}
