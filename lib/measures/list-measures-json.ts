import type { PrismaClient } from "@/lib/db/create-client";
import { listLedger, type LedgerRow } from "@/lib/ledger/list-ledger";
import { todayInChina } from "@/lib/tracking/dates";
import { getTrackingSettings } from "@/lib/tracking/settings";
import { dayOf, monthOfDate } from "@/lib/api/json-values";
import type { ListMeasuresQuery, MeasureSummary } from "./api-schemas";

/** One page of measures, exactly as the ledger lists them for the same query. */
export async function listMeasures(db: PrismaClient, query: ListMeasuresQuery & { viewerUnitId?: string | null }, today = todayInChina()) {
  const settings = await getTrackingSettings(db);
  const { rows, total } = await listLedger(db, { ...query, cols: [] }, today, settings);
  return { items: rows.map(toMeasureSummary), total, page: query.page, perPage: query.perPage };
}

function toMeasureSummary(row: LedgerRow): MeasureSummary {
  return {
    code: row.code,
    titleZh: row.titleZh,
    titleEn: row.titleEn,
    area: { code: row.areaCode, titleZh: row.areaZh, titleEn: row.areaEn },
    leadUnit: { code: row.leadUnitCode, nameZh: row.leadUnitZh, nameEn: row.leadUnitEn },
    dueDate: dayOf(row.dueDate),
    ongoing: row.ongoing,
    status: row.status,
    percentComplete: row.percentComplete,
    light: row.light,
    latestReportPeriod: monthOfDate(row.latestPeriod),
    latestReportState: row.latestState,
    isSample: row.isSample,
  };
}
