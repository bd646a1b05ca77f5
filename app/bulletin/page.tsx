import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { BulletinForm } from "@/components/bulletin/bulletin-form";
import { requirePageUser } from "@/lib/auth/page-guard";
import { bulletinFormDefaults } from "@/lib/bulletin/schemas";
import { db } from "@/lib/db";
import { localized } from "@/lib/i18n/localized";
import { listLedgerFilterOptions } from "@/lib/ledger/filter-options";
import { formatPeriod, todayInChina } from "@/lib/tracking/dates";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("bulletin"))("pageTitle") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function BulletinPage({ searchParams }: Props) {
  await requirePageUser();
  const today = todayInChina();
  const [params, locale] = await Promise.all([searchParams, getLocale()]);
  const defaults = bulletinFormDefaults(params, today, locale);
  const [options, t] = await Promise.all([listLedgerFilterOptions(db, defaults.leadUnit), getTranslations("bulletin")]);
  return (
    <>
      <h1 className="mb-2 text-2xl font-semibold">{t("pageTitle")}</h1>
      <p className="mb-4 text-slate-600">{t("intro")}</p>
      <BulletinForm
        defaults={defaults}
        maxMonth={formatPeriod(today)}
        options={{
          programmes: options.programmes.map((p) => ({ value: p.code, label: localized(p, "title", locale) })),
          areas: options.areas.map((a) => ({ value: a.code, label: `${a.code} ${localized(a, "title", locale)}` })),
          cities: options.cities.map((c) => ({ value: c.code, label: localized(c, "name", locale) })),
          leadUnit: options.leadUnit,
        }}
      />
    </>
  );
}
