import type { PrismaClient } from "@/lib/db/create-client";
import { listLedger, type LedgerRow } from "@/lib/ledger/list-ledger";
import type { LedgerQuery } from "@/lib/ledger/schemas";
import type { TrackingSettings } from "@/lib/tracking/settings";

const BATCH = 200;

/**
 * Every row of a ledger view (all pages, same filters and order as the table),
 * with what the standard ledger export adds: cooperating units, responsible
 * person, KPI, investment and the latest report's three parts. Yields batches
 * so an export can stream instead of holding everything in memory.
 */
export async function* ledgerExportBatches(db: PrismaClient, query: LedgerQuery, today: Date, settings: TrackingSettings) {
  for (let page = 1; ; page++) {
    const { rows } = await listLedger(db, { ...query, page, perPage: BATCH }, today, settings);
    if (rows.length === 0) return;
    const details = await db.measure.findMany({
      where: { id: { in: rows.map((row) => row.id) } },
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
        progressReports: {
          where: { state: { not: "DRAFT" } },
          orderBy: [{ period: "desc" }, { updatedAt: "desc" }],
          take: 1,
          select: { progress: true, problems: true, nextSteps: true },
        },
      },
    });
    const byId = new Map(details.map((detail) => [detail.id, detail]));
    yield rows.map((row: LedgerRow) => ({ ...row, detail: byId.get(row.id)! }));
    if (rows.length < BATCH) return;
  }
}
