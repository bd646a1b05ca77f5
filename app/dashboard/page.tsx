import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { DashboardView } from "@/components/dashboard/dashboard-view";
import { ScopeFilterForm } from "@/components/dashboard/scope-filter-form";
import { SampleDataBanner } from "@/components/layout/sample-data-banner";
import { NoticeCounts } from "@/components/notices/notice-counts";
import { requirePageUser } from "@/lib/auth/page-guard";
import { bulletinPageHref } from "@/lib/bulletin/schemas";
import { loadDashboardViews } from "@/lib/dashboard/cached-views";
import { parseDashboardQuery } from "@/lib/dashboard/schemas";
import { db } from "@/lib/db";
import { formatPeriod, todayInChina } from "@/lib/tracking/dates";
import { getTrackingSettings } from "@/lib/tracking/settings";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("dashboard"))("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function DashboardPage({ searchParams }: Props) {
  const user = await requirePageUser();
  const query = parseDashboardQuery(await searchParams);
  const today = todayInChina();
  const settings = await getTrackingSettings(db);
  const [{ data, forecastMiss, noticeCounts, options }, t] = await Promise.all([
    loadDashboardViews(db, query, today, settings, user),
    getTranslations("dashboard"),
  ]);
  const [locale, tBulletin] = await Promise.all([getLocale(), getTranslations("bulletin")]);
  return (
    <>
      <h1 className="mb-2 text-2xl font-semibold">{t("title")}</h1>
      {data.hasSample && <SampleDataBanner />}
      <ScopeFilterForm path="/dashboard" query={query} options={options} showAsOf>
        {/* The bulletin of the month shown (this month when not looking back), for the same scope. */}
        <Link
          href={bulletinPageHref(query, query.asOf ?? formatPeriod(today), locale)}
          className="rounded border border-slate-300 bg-white px-3 py-1 text-sm hover:bg-slate-100"
          data-testid="dashboard-bulletin"
        >
          {tBulletin("fromDashboard")}
        </Link>
      </ScopeFilterForm>
      <DashboardView data={data} query={query} today={today} user={user} forecastMiss={forecastMiss} />
      <NoticeCounts counts={noticeCounts} query={query} user={user} />
    </>
  );
}
