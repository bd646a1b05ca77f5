import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { DrilldownNote } from "@/components/dashboard/drilldown-note";
import { LedgerFilters } from "@/components/ledger/ledger-filters";
import { LedgerTable } from "@/components/ledger/ledger-table";
import { LightLegend } from "@/components/light/light-legend";
import { SampleDataBanner } from "@/components/layout/sample-data-banner";
import { requirePageUser } from "@/lib/auth/page-guard";
import { db, readDb } from "@/lib/db";
import { listLedgerFilterOptions } from "@/lib/ledger/filter-options";
import { ledgerViewRows, shownLedgerRows } from "@/lib/ledger/ledger-view-rows";
import { listLedger } from "@/lib/ledger/list-ledger";
import { ledgerSearchParams, parseLedgerQuery, withViewer } from "@/lib/ledger/schemas";
import { parsePeriod, todayInChina } from "@/lib/tracking/dates";
import { getTrackingSettings } from "@/lib/tracking/settings";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("ledger"))("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function LedgerPage({ searchParams }: Props) {
  const user = await requirePageUser();
  const query = withViewer(parseLedgerQuery(await searchParams), user);
  // From the primary, as the header reads them: one read per request (the settings are parameters, not rows).
  const settings = await getTrackingSettings(db);
  const today = todayInChina();
  const [{ rows, total, hasSample }, options, locale, format, t, tStatus, tReportState, tView, tExport, tOngoing] = await Promise.all([
    listLedger(readDb, query, today, settings),
    listLedgerFilterOptions(readDb, query.leadUnit),
    getLocale(),
    getFormatter(),
    getTranslations("ledger"),
    getTranslations("status"),
    getTranslations("reportState"),
    getTranslations("ledgerView"),
    getTranslations("export"),
    getTranslations("measureOngoing"),
  ]);
  const viewRows = await ledgerViewRows(readDb, rows, query, today, {
    locale,
    date: (date) => format.dateTime(date, { dateStyle: "medium", timeZone: "UTC" }),
    ongoing: tOngoing("due"),
    month: (date) => format.dateTime(date, { year: "numeric", month: "short", timeZone: "UTC" }),
    number: (value) => format.number(value, { maximumFractionDigits: 4 }),
    status: (status) => tStatus(status),
    reportState: (state) => tReportState(state),
    kpi: (values) => tView("kpiValue", values),
    notices: (values) => tView("noticesValue", values),
  });
  return (
    <>
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        {/* The exports hold exactly this view: they take the same query string. */}
        <div className="flex gap-2">
          {(["xlsx", "csv"] as const).map((format) => (
            <a
              key={format}
              href={`/api/v1/measures/export.${format}?${ledgerSearchParams({ ...query, page: 1 }).toString()}`}
              download
              className="rounded border border-slate-300 bg-white px-3 py-1 text-sm hover:bg-slate-100"
              data-testid={`export-${format}`}
            >
              {tExport(format === "xlsx" ? "exportXlsx" : "exportCsv")}
            </a>
          ))}
        </div>
      </div>
      {hasSample && <SampleDataBanner />}
      {query.asOf && (
        <p role="note" className="mb-3 rounded border border-sky-300 bg-sky-50 px-3 py-2 text-sm" data-testid="as-of-note">
          {t("asOfNote", { month: format.dateTime(parsePeriod(query.asOf), { year: "numeric", month: "long" }) })}{" "}
          <Link href={`/ledger?${ledgerSearchParams({ ...query, asOf: undefined, page: 1 }).toString()}`} className="text-red-900 hover:underline">
            {t("backToNow")}
          </Link>
        </p>
      )}
      <DrilldownNote query={query} today={todayInChina()} />
      <LedgerFilters query={query} options={options} hasUnit={user.unitId !== null} />
      <LightLegend settings={settings} />
      <LedgerTable
        rows={shownLedgerRows(viewRows, query)}
        total={total}
        state={{ sort: query.sort, dir: query.dir, page: query.page, perPage: query.perPage, group: query.group, cols: query.cols }}
      />
    </>
  );
}
