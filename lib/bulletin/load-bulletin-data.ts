import type { PrismaClient } from "@/lib/db/create-client";
import { listMissingInScope } from "@/lib/dashboard/get-dashboard-data";
import { cachedDashboardData } from "@/lib/dashboard/cached-views";
import { listLedger, type LedgerRow } from "@/lib/ledger/list-ledger";
import { ledgerQuerySchema } from "@/lib/ledger/schemas";
import { latestLeadReports, type LeadReportText } from "@/lib/reports/latest-lead-reports";
import { asOfDay } from "@/lib/tracking/as-of";
import { isoDate } from "@/lib/tracking/dates";
import type { TrackingSettings } from "@/lib/tracking/settings";
import { dashboardScope, type BulletinQuery } from "./schemas";
import { noticeCountsByUnit } from "@/lib/dashboard/notice-counts";

const PAGE = 200;

/** A measure with its lead unit's latest submitted report up to the month (null when none). */
export type BulletinMeasure = LedgerRow & { report: LeadReportText | null };
export interface BulletinArea {
  code: string;
  titleZh: string;
  titleEn: string;
  measures: BulletinMeasure[];
}
type Named = { code: string; zh: string; en: string };

/** Every measure in scope as of the month, through the ledger (same light rule and scope as the dashboard). */
export async function listScopeMeasures(db: PrismaClient, query: BulletinQuery, today: Date, settings: TrackingSettings): Promise<LedgerRow[]> {
  const rows: LedgerRow[] = [];
  const ledgerQuery = ledgerQuerySchema.parse({ ...dashboardScope(query), sort: "code", perPage: PAGE });
  for (let page = 1; ; page++) {
    const batch = await listLedger(db, { ...ledgerQuery, page }, today, settings);
    rows.push(...batch.rows);
    if (batch.rows.length < PAGE) return rows;
  }
}

/** The programmes of the areas in scope, in their order: the bulletin's title names them. */
async function programmesOf(db: PrismaClient, areaCodes: string[]): Promise<{ zh: string; en: string }[]> {
  const programmes = await db.programme.findMany({
    where: { areas: { some: { code: { in: areaCodes } } } },
    orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
    select: { titleZh: true, titleEn: true },
  });
  return programmes.map((programme) => ({ zh: programme.titleZh, en: programme.titleEn }));
}

/** Names of the scope's filters, for the bulletin's subtitle (unknown codes are shown as given). */
async function scopeNames(db: PrismaClient, query: BulletinQuery): Promise<{ programme?: Named; area?: Named; city?: Named; leadUnit?: Named }> {
  const [programme, area, city, leadUnit] = await Promise.all([
    query.programme ? db.programme.findUnique({ where: { code: query.programme }, select: { titleZh: true, titleEn: true } }) : null,
    query.area ? db.area.findUnique({ where: { code: query.area }, select: { titleZh: true, titleEn: true } }) : null,
    query.city ? db.city.findUnique({ where: { code: query.city }, select: { nameZh: true, nameEn: true } }) : null,
    query.leadUnit ? db.unit.findUnique({ where: { code: query.leadUnit }, select: { nameZh: true, nameEn: true } }) : null,
  ]);
  const named = (code: string | undefined, zh?: string, en?: string): Named | undefined =>
    code ? { code, zh: zh ?? code, en: en ?? code } : undefined;
  return {
    programme: named(query.programme, programme?.titleZh, programme?.titleEn),
    area: named(query.area, area?.titleZh, area?.titleEn),
    city: named(query.city, city?.nameZh, city?.nameEn),
    leadUnit: named(query.leadUnit, leadUnit?.nameZh, leadUnit?.nameEn),
  };
}

/**
 * Everything a monthly bulletin shows, gathered once for both the Word and the
 * PDF renderer. The summary is the dashboard's own computation as of the month,
 * so the bulletin and /dashboard?asOf=<month> show the same figures.
 */
export async function loadBulletinData(db: PrismaClient, query: BulletinQuery, today: Date, settings: TrackingSettings) {
  const scope = dashboardScope(query);
  const [dashboard, measures, missing, names, notices] = await Promise.all([
    cachedDashboardData(db, scope, today, settings, { withTrend: false }),
    listScopeMeasures(db, query, today, settings),
    listMissingInScope(db, scope, today, settings),
    scopeNames(db, query),
    // Notices are counted as they stand now (the bulletin is usually made for the month just ended).
    noticeCountsByUnit(db, scope, today),
  ]);
  const [reports, programmes] = await Promise.all([
    latestLeadReports(db, measures.map((measure) => measure.id), isoDate(`${query.month}-01`)),
    programmesOf(db, [...new Set(measures.map((measure) => measure.areaCode))]),
  ]);

  const areas = new Map<string, BulletinArea>();
  for (const row of measures) {
    const area = areas.get(row.areaCode) ?? { code: row.areaCode, titleZh: row.areaZh, titleEn: row.areaEn, measures: [] };
    area.measures.push({ ...row, report: reports.get(row.id) ?? null });
    areas.set(row.areaCode, area);
  }
  const all = [...areas.values()].flatMap((area) => area.measures);
  const byDueDate = (a: BulletinMeasure, b: BulletinMeasure) => (a.dueDate?.getTime() ?? 0) - (b.dueDate?.getTime() ?? 0) || a.code.localeCompare(b.code);
  return {
    query,
    asOfDay: asOfDay(query.month, today),
    hasSample: measures.some((measure) => measure.isSample),
    scope: names,
    programmes,
    summary: { total: dashboard.total, lights: dashboard.lightCounts, reporting: dashboard.reporting, investment: dashboard.investment },
    areas: [...areas.values()],
    // All measures behind pace and all overdue (the dashboard lists only the first ten), by due date.
    behind: all.filter((measure) => measure.light === "YELLOW").sort(byDueDate),
    overdue: all.filter((measure) => measure.light === "RED").sort(byDueDate),
    missing,
    notices,
  };
}

export type BulletinData = Awaited<ReturnType<typeof loadBulletinData>>;
