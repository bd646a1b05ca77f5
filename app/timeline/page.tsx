import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ScopeFilterForm } from "@/components/dashboard/scope-filter-form";
import { LightLegend } from "@/components/light/light-legend";
import { SampleDataBanner } from "@/components/layout/sample-data-banner";
import { Gantt } from "@/components/timeline/gantt";
import { requirePageUser } from "@/lib/auth/page-guard";
import { parseDashboardQuery } from "@/lib/dashboard/schemas";
import { db, readDb } from "@/lib/db";
import { listLedgerFilterOptions } from "@/lib/ledger/filter-options";
import { ledgerSearchParams } from "@/lib/ledger/schemas";
import { listTimeline } from "@/lib/timeline/list-timeline";
import { zooms, type Zoom } from "@/lib/timeline/scale";
import { todayInChina } from "@/lib/tracking/dates";
import { getTrackingSettings } from "@/lib/tracking/settings";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("timeline"))("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function TimelinePage({ searchParams }: Props) {
  await requirePageUser();
  const params = await searchParams;
  const query = parseDashboardQuery(params);
  const zoom: Zoom = zooms.find((candidate) => candidate === params.zoom) ?? "quarter";
  const today = todayInChina();
  // From the primary, as the header reads them: one read per request (the settings are parameters, not rows).
  const settings = await getTrackingSettings(db);
  const [{ areas, hasSample }, options, t] = await Promise.all([listTimeline(readDb, query, today, settings), listLedgerFilterOptions(readDb, query.leadUnit), getTranslations("timeline")]);
  const scope = ledgerSearchParams(query as never);
  return (
    <>
      <h1 className="mb-2 text-2xl font-semibold">{t("title")}</h1>
      <p className="mb-3 text-slate-600">{t("intro")}</p>
      {hasSample && <SampleDataBanner />}
      <ScopeFilterForm path="/timeline" query={query} options={options} hidden={{ zoom }} />
      <nav className="mb-3 flex items-center gap-2 text-sm" aria-label={t("zoom")}>
        {t("zoom")}
        {zooms.map((option) => {
          const link = new URLSearchParams(scope);
          link.set("zoom", option);
          return (
            <Link key={option} href={`/timeline?${link.toString()}`} aria-current={option === zoom ? "page" : undefined} className="rounded border px-2 py-0.5 aria-[current=page]:bg-red-800 aria-[current=page]:text-white">
              {t(option)}
            </Link>
          );
        })}
      </nav>
      <LightLegend settings={settings} />
      <Gantt areas={areas} today={today} zoom={zoom} />
    </>
  );
}
