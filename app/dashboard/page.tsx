import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { DashboardView } from "@/components/dashboard/dashboard-view";
import { SampleDataBanner } from "@/components/sample-data-banner";
import { requirePageUser } from "@/lib/auth/page-guard";
import { bulletinPageHref } from "@/lib/bulletin/schemas";
import { getDashboardData } from "@/lib/dashboard/get-dashboard-data";
import { parseDashboardQuery } from "@/lib/dashboard/schemas";
import { db } from "@/lib/db";
import { localized } from "@/lib/i18n/localized";
import { listLedgerFilterOptions } from "@/lib/ledger/filter-options";
import { formatPeriod, todayInChina } from "@/lib/tracking/dates";
import { getTrackingSettings } from "@/lib/tracking/settings";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("dashboard"))("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function DashboardPage({ searchParams }: Props) {
  await requirePageUser();
  const query = parseDashboardQuery(await searchParams);
  const today = todayInChina();
  const settings = await getTrackingSettings(db);
  const [data, options, hasSample, locale, t] = await Promise.all([
    getDashboardData(db, query, today, settings),
    listLedgerFilterOptions(db),
    db.measure.count({ where: { isSample: true } }),
    getLocale(),
    getTranslations("dashboard"),
  ]);
  const select = (name: "programme" | "area" | "city" | "leadUnit", items: { value: string; label: string }[], label: string) => (
    <label className="flex flex-col gap-1 text-sm">
      {label}
      <select name={name} defaultValue={query[name] ?? ""} className="rounded border border-slate-300 px-2 py-1">
        <option value="">{t("reset")}</option>
        {items.map((item) => (
          <option key={item.value} value={item.value}>{item.label}</option>
        ))}
      </select>
    </label>
  );
  const [tLedger, tBulletin] = await Promise.all([getTranslations("ledger"), getTranslations("bulletin")]);
  return (
    <>
      <h1 className="mb-2 text-2xl font-semibold">{t("title")}</h1>
      {hasSample > 0 && <SampleDataBanner />}
      <form method="get" className="mb-4 flex flex-wrap items-end gap-3 print:hidden" aria-label={t("filters")}>
        {select("programme", options.programmes.map((p) => ({ value: p.code, label: localized(p, "title", locale) })), tLedger("programme"))}
        {select("area", options.areas.map((a) => ({ value: a.code, label: `${a.code} ${localized(a, "title", locale)}` })), tLedger("area"))}
        {select("city", options.cities.map((c) => ({ value: c.code, label: localized(c, "name", locale) })), tLedger("city"))}
        {select("leadUnit", options.leadUnits.map((u) => ({ value: u.code, label: localized(u, "name", locale) })), tLedger("leadUnit"))}
        <label className="flex flex-col gap-1 text-sm">
          {t("asOf")}
          <input type="month" name="asOf" defaultValue={query.asOf ?? ""} className="rounded border border-slate-300 px-2 py-1" />
        </label>
        <button type="submit" className="rounded bg-red-800 px-3 py-1 text-sm text-white">{t("apply")}</button>
        <Link href="/dashboard" className="px-2 py-1 text-sm text-red-900 hover:underline">{t("reset")}</Link>
        {/* The bulletin of the month shown (this month when not looking back), for the same scope. */}
        <Link
          href={bulletinPageHref(query, query.asOf ?? formatPeriod(today), locale)}
          className="rounded border border-slate-300 bg-white px-3 py-1 text-sm hover:bg-slate-100"
          data-testid="dashboard-bulletin"
        >
          {tBulletin("fromDashboard")}
        </Link>
      </form>
      <DashboardView data={data} query={query} today={today} />
    </>
  );
}
