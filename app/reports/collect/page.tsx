import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { CollectionDownloadForm } from "@/components/report-collection/collection-download-form";
import { CollectionUploadForm } from "@/components/report-collection/collection-upload-form";
import { requirePageUser } from "@/lib/auth/page-guard";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { localized } from "@/lib/i18n/localized";
import { IMPORT_MAX_BYTES } from "@/lib/measure-import/import-limits";
import { listCollectionUnits } from "@/lib/report-collection/list-collection-units";
import { formatPeriod, monthOf, todayInChina } from "@/lib/tracking/dates";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("reportCollection"))("title") };
}

/** Report collection by Excel: download a unit's report sheet, upload it filled in, preview, confirm. */
export default async function ReportCollectionPage() {
  const user = await requirePageUser("report.collect");
  const [t, tOnBehalf, locale, units] = await Promise.all([
    getTranslations("reportCollection"),
    getTranslations("collectOnBehalf"),
    getLocale(),
    listCollectionUnits(db, user),
  ]);
  const onBehalf = can(user, "report.submitOnBehalf");
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p>{t("intro")}</p>
      {onBehalf && <p className="text-sm text-slate-600">{tOnBehalf("note")}</p>}
      <CollectionDownloadForm
        units={units.map((unit) => ({ code: unit.code, name: localized(unit, "name", locale) }))}
        defaultPeriod={formatPeriod(monthOf(todayInChina()))}
      />
      <section className="flex flex-col gap-2" aria-labelledby="collection-upload">
        <h2 id="collection-upload" className="text-lg font-semibold">{t("uploadHeading")}</h2>
        <p className="text-sm text-slate-600">{t("limits", { maxMb: IMPORT_MAX_BYTES / 1024 / 1024 })}</p>
        <CollectionUploadForm confirmAs={onBehalf ? "onBehalf" : can(user, "report.write") ? "unit" : null} />
      </section>
    </div>
  );
}
