import { Prisma } from "@/generated/prisma/client";
import type { PrismaClient } from "@/lib/db/create-client";
import { scopeOf } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session-user";
import { type MeasureScope, scopedMeasuresFrom, scopeWhereSql } from "@/lib/measures/measure-sql";
import { isoDay } from "@/lib/tracking/dates";

export interface UnitNoticeCounts {
  code: string;
  nameZh: string;
  nameEn: string;
  /** Notices in progress addressed to the unit (OPEN, REPLIED, RETURNED). */
  open: number;
  /** Of those, awaiting the unit's reply past the deadline. */
  overdue: number;
}

/** noticeWhereFor (notice-where.ts): all notices, those addressed to the reader's unit, or none. */
function readableNotices(reader: Pick<SessionUser, "role" | "unitId">): "all" | { unitId: string } | "none" {
  const scope = scopeOf(reader.role, "notice.read");
  if (scope === "all") return "all";
  if (scope === "ownUnit" && reader.unitId) return { unitId: reader.unitId };
  return "none";
}

/** readableNotices on `n`. */
function readableSql(reader: Pick<SessionUser, "role" | "unitId">): Prisma.Sql {
  const readable = readableNotices(reader);
  if (readable === "all") return Prisma.sql`TRUE`;
  if (readable === "none") return Prisma.sql`FALSE`;
  return Prisma.sql`n.id IN (SELECT "noticeId" FROM "NoticeRecipient" WHERE "unitId" = ${readable.unitId})`;
}

/** Everything the counts depend on about the reader, as a cache key: all notices, one unit's, or none. */
export function noticeReaderKey(reader: Pick<SessionUser, "role" | "unitId">): string {
  const readable = readableNotices(reader);
  return typeof readable === "string" ? readable : `unit=${readable.unitId}`;
}

/**
 * 督办单 in progress per recipient unit, on the measures in the dashboard's
 * scope, most overdue first. Notices are counted now (not as of a past month).
 * With a reader, only the notices the reader may open (the /notices list's rule).
 */
export async function noticeCountsByUnit(
  db: PrismaClient,
  scope: MeasureScope,
  today: Date,
  { limit = 20, reader }: { limit?: number; reader?: Pick<SessionUser, "role" | "unitId"> } = {},
): Promise<{ units: UnitNoticeCounts[]; open: number; overdue: number }> {
  const rows = await db.$queryRaw<(UnitNoticeCounts & { totalOpen: number; totalOverdue: number })[]>(Prisma.sql`
    WITH active AS (
      SELECT n.id, (n.state IN ('OPEN', 'RETURNED') AND n."replyDueDate" < ${isoDay(today)}::date) AS overdue
      FROM "Notice" n
      WHERE n.state IN ('OPEN', 'REPLIED', 'RETURNED')
        AND n."measureId" IN (SELECT m.id FROM ${scopedMeasuresFrom} WHERE ${scopeWhereSql(scope)})
        AND ${reader ? readableSql(reader) : Prisma.sql`TRUE`}
    ),
    per_unit AS (
      SELECT r."unitId", COUNT(*)::int AS open, (COUNT(*) FILTER (WHERE a.overdue))::int AS overdue
      FROM active a JOIN "NoticeRecipient" r ON r."noticeId" = a.id
      GROUP BY r."unitId"
    )
    SELECT u.code, u."nameZh", u."nameEn", p.open, p.overdue,
           (SELECT COUNT(*)::int FROM active) AS "totalOpen", (SELECT (COUNT(*) FILTER (WHERE overdue))::int FROM active) AS "totalOverdue"
    FROM per_unit p JOIN "Unit" u ON u.id = p."unitId"
    ORDER BY p.overdue DESC, p.open DESC, u.code
    LIMIT ${limit}`);
  return {
    units: rows.map(({ totalOpen: _open, totalOverdue: _overdue, ...unit }) => unit),
    open: rows[0]?.totalOpen ?? 0,
    overdue: rows[0]?.totalOverdue ?? 0,
  };
}
