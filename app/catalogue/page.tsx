import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { CatalogueArea } from "@/components/measure/catalogue-area";
import { SampleDataBanner } from "@/components/layout/sample-data-banner";
import Link from "next/link";
import { requirePageUser } from "@/lib/auth/page-guard";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { localized } from "@/lib/i18n/localized";
import { listProgrammes } from "@/lib/measures/list-programmes";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("home"))("title") };
}

export default async function CataloguePage() {
  const user = await requirePageUser();
  const [{ programmes, hasSample }, locale, t, tEditor] = await Promise.all([
    listProgrammes(db),
    getLocale(),
    getTranslations("home"),
    getTranslations("catalogueEditor"),
  ]);
  const measures = programmes.flatMap((programme) => programme.areas.flatMap((area) => area.measures));

  return (
    <>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-1 mb-4 text-slate-600">
        {t("intro")} {t("measureCount", { count: measures.length })}
      </p>
      {can(user, "catalogue.manage") && (
        <p className="mb-4 flex flex-wrap gap-3 text-sm">
          <Link href="/catalogue/new" className="rounded bg-red-800 px-3 py-1 text-white hover:bg-red-900">
            {tEditor("newMeasure")}
          </Link>
          <Link href="/catalogue/manage" className="rounded border border-slate-300 bg-white px-3 py-1 hover:bg-slate-100">
            {tEditor("manage")}
          </Link>
        </p>
      )}
      {hasSample && <SampleDataBanner />}
      {measures.length === 0 && <p>{t("empty")}</p>}
      {programmes.map((programme) => (
        <section key={programme.code} className="mb-8" aria-labelledby={`programme-${programme.code}`}>
          <h2 id={`programme-${programme.code}`} className="mb-3 text-xl font-semibold text-red-900">
            {localized(programme, "title", locale)}
          </h2>
          {programme.areas.map((area) => (
            <CatalogueArea key={area.code} area={area} />
          ))}
        </section>
      ))}
    </>
  );
}
