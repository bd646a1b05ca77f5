import { Prisma } from "@/generated/prisma/client";
import type { PrismaClient } from "@/lib/db/create-client";
import type { ForecastClass } from "@/lib/forecast/forecast";
import { loadForecasts, type MeasureForecast } from "@/lib/forecast/load-forecasts";
import { localized } from "@/lib/i18n/localized";
import type { LedgerRow } from "./list-ledger";
import { loadLedgerDetails } from "./load-ledger-details";
import type { LedgerQuery } from "./schemas";
import type { Light } from "@/lib/tracking/light";

/** A ledger row ready to show: labels, numbers and dates already in the user's language. */
export type LedgerViewRow = {
  id: string;
  code: string;
  title: string;
  area: string;
  leadUnit: string;
  cooperatingUnits: string;
  responsiblePerson: string;
  cities: string;
  dueDate: string;
  ongoing: boolean;
  status: string;
  percent: number;
  expectedPercent: string;
  light: Light;
  /** The delivery forecast (lib/forecast) with its finish month formatted; null on an empty page. */
  forecast: { class: ForecastClass; finish: string | null } | null;
  latestPeriod: string;
  latestState: string;
  kpi: string;
  investmentPlanned: string;
  investmentCompleted: string;
  progress: string;
  problems: string;
  nextSteps: string;
  notices: string;
};

/** The formatters of the user's language the ledger's cells need (next-intl's, from the page). */
export interface LedgerViewFormat {
  locale: string;
  date: (date: Date) => string;
  /** What stands in place of an ongoing task's due date (长期). */
  ongoing: string;
  month: (date: Date) => string;
  number: (value: number) => string;
  status: (status: LedgerRow["status"]) => string;
  reportState: (state: NonNullable<LedgerRow["latestState"]>) => string;
  kpi: (values: { name: string; actual: string; target: string; unit: string }) => string;
  notices: (values: { open: number; overdue: number }) => string;
}

const NONE = "—";

function viewForecast(forecast: MeasureForecast | undefined, format: LedgerViewFormat): LedgerViewRow["forecast"] {
  if (!forecast) return null;
  return { class: forecast.class, finish: forecast.finish ? format.month(new Date(`${forecast.finish}-01T00:00:00Z`)) : null };
}

/** One page of ledger rows as the table and the phone cards show them, with the details its columns need. */
export async function ledgerViewRows(db: PrismaClient, rows: LedgerRow[], query: LedgerQuery, today: Date, format: LedgerViewFormat): Promise<LedgerViewRow[]> {
  const ids = rows.map((row) => row.id);
  const [details, forecasts] = await Promise.all([
    loadLedgerDetails(db, ids, query.cols, today, query.asOf),
    // Always: the phone's cards show it whatever the table's columns (one probe per row of the page).
    ids.length > 0
      ? loadForecasts(db, { where: Prisma.sql`m.id = ANY(${ids})`, asOf: query.asOf, today }).then((list) => new Map(list.map((item) => [item.measureId, item])))
      : null,
  ]);
  const en = format.locale === "en";
  const name = (item: { nameZh: string; nameEn: string }) => (en ? item.nameEn : item.nameZh);
  const names = (items: { nameZh: string; nameEn: string }[]) => items.map(name).join(en ? "; " : "、") || NONE;
  const decimal = (value: { toNumber(): number } | null) => (value === null ? NONE : format.number(value.toNumber()));
  return rows.map((row) => {
    const detail = details.get(row.id)!;
    return {
      id: row.id,
      code: row.code,
      title: localized(row, "title", format.locale),
      area: `${row.areaCode} ${en ? row.areaEn : row.areaZh}`,
      leadUnit: en ? row.leadUnitEn : row.leadUnitZh,
      cooperatingUnits: names(detail.cooperatingUnits),
      responsiblePerson: row.responsiblePerson || NONE,
      cities: names(detail.cities),
      dueDate: row.ongoing ? format.ongoing : row.dueDate ? format.date(row.dueDate) : NONE,
      ongoing: row.ongoing,
      status: format.status(row.status),
      percent: row.percentComplete,
      expectedPercent: row.expectedPercent === null ? NONE : `${Math.round(row.expectedPercent)}%`,
      light: row.light,
      forecast: viewForecast(forecasts?.get(row.id), format),
      latestPeriod: row.latestPeriod ? format.month(row.latestPeriod) : NONE,
      latestState: row.latestState ? format.reportState(row.latestState) : NONE,
      kpi: row.kpiNameZh
        ? format.kpi({
            name: (en ? row.kpiNameEn : row.kpiNameZh) ?? row.kpiNameZh,
            actual: decimal(row.kpiActual),
            target: decimal(row.kpiTarget),
            unit: row.kpiUnit ?? "",
          })
        : NONE,
      investmentPlanned: decimal(row.investmentPlanned),
      investmentCompleted: decimal(row.investmentCompleted),
      progress: detail.report?.progress || NONE,
      problems: detail.report?.problems || NONE,
      nextSteps: detail.report?.nextSteps || NONE,
      notices: detail.notices ? format.notices(detail.notices) : NONE,
    };
  });
}

/** What a phone card shows, whatever the table's columns. */
const cardFields = ["id", "code", "title", "leadUnit", "percent", "dueDate", "ongoing", "light", "forecast"] as const satisfies readonly (keyof LedgerViewRow)[];

/** A ledger row as the page sends it to the browser: the card's fields and those of the columns shown. */
export type LedgerShownRow = Pick<LedgerViewRow, (typeof cardFields)[number]> & Partial<LedgerViewRow>;

/**
 * Keeps the fields the table (its shown columns and its grouping column) and the
 * phone card use: every field of a row is serialised into the page's payload, and
 * hidden columns would only carry their "—" along.
 */
export function shownLedgerRows(rows: LedgerViewRow[], query: Pick<LedgerQuery, "cols" | "group">): LedgerShownRow[] {
  const fields = new Set<keyof LedgerViewRow>([...cardFields, ...query.cols, ...(query.group ? [query.group] : [])]);
  return rows.map((row) => Object.fromEntries(Object.entries(row).filter(([key]) => fields.has(key as keyof LedgerViewRow))) as LedgerShownRow);
}
