import type { PrismaClient } from "@/lib/db/create-client";
import { listLedger, type LedgerRow } from "@/lib/ledger/list-ledger";
import type { LedgerQuery } from "@/lib/ledger/schemas";
import { noticeSummaries, type NoticeSummary } from "@/lib/notices/notice-summary";
import { latestLeadReports, type LeadReportText } from "@/lib/reports/latest-lead-reports";
import type { TrackingSettings } from "@/lib/tracking/settings";

const BATCH = 200;

/** What the standard ledger export adds to a ledger row. */
function loadDetails(db: PrismaClient, ids: string[]) {
  return db.measure.findMany({
    where: { id: { in: ids } },
    select: {
      id: true,
      responsiblePerson: true,
      kpiNameZh: true,
      kpiNameEn: true,
      kpiUnit: true,
      kpiTarget: true,
      kpiActual: true,
      investmentPlanned: true,
      investmentCompleted: true,
      cooperatingUnits: { select: { unit: { select: { nameZh: true, nameEn: true } } } },
      cities: { select: { city: { select: { nameZh: true, nameEn: true, sortOrder: true } } }, orderBy: { city: { sortOrder: "asc" } } },
    },
  });
}

export type LedgerExportRow = LedgerRow & {
  detail: Awaited<ReturnType<typeof loadDetails>>[number] & { report: LeadReportText | undefined; notices: NoticeSummary | undefined };
};

/**
 * Every row of a ledger view (all pages, same filters and order as the table),
 * with cooperating units, responsible person, KPI, investment and the latest
 * report's three parts (the lead unit's). Yields batches, so an export streams instead of holding
 * everything in memory.
 */
export async function* ledgerExportBatches(
  db: PrismaClient,
  query: LedgerQuery,
  today: Date,
  settings: TrackingSettings,
): AsyncGenerator<LedgerExportRow[]> {
  for (let page = 1; ; page++) {
    const { rows } = await listLedger(db, { ...query, page, perPage: BATCH }, today, settings);
    if (rows.length === 0) return;
    const ids = rows.map((row) => row.id);
    const [details, reports, notices] = await Promise.all([loadDetails(db, ids), latestLeadReports(db, ids), noticeSummaries(db, ids, today)]);
    const byId = new Map(details.map((detail) => [detail.id, { ...detail, report: reports.get(detail.id), notices: notices.get(detail.id) }]));
    yield rows.map((row) => ({ ...row, detail: byId.get(row.id)! }));
    if (rows.length < BATCH) return;
  }
}
