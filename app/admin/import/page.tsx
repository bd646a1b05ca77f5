import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { MeasureImportForm } from "@/components/admin/measure-import-form";
import { requirePageUser } from "@/lib/auth/page-guard";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { localized } from "@/lib/i18n/localized";
import { IMPORT_MAX_BYTES, IMPORT_MAX_ROWS } from "@/lib/measure-import/import-limits";
import { listImportAreas, listImportProgrammes } from "@/lib/measure-import/list-import-areas";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("measureImport"))("title") };
}

export default async function ImportPage() {
  const user = await requirePageUser("catalogue.manage");
  const [t, tAliases, locale, areas, programmes] = await Promise.all([
    getTranslations("measureImport"),
    getTranslations("unitAliases"),
    getLocale(),
    listImportAreas(db),
    listImportProgrammes(db),
  ]);
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p>{t("intro")}</p>
      <p className="text-sm text-slate-600">{t("limits", { maxMb: IMPORT_MAX_BYTES / 1024 / 1024, maxRows: IMPORT_MAX_ROWS })}</p>
      <p>
        {/* A plain link: the route answers with the file as a download. */}
        <a href="/api/v1/measures/import-template.xlsx" className="text-red-800 underline" data-testid="import-template" download>
          {t("downloadTemplate")}
        </a>
        {can(user, "unit.manage") && (
          <Link href="/admin/unit-aliases" className="ml-4 text-red-800 underline">
            {tAliases("importLink")}
          </Link>
        )}
      </p>
      <MeasureImportForm
        areas={areas.map((area) => ({ code: area.code, title: localized(area, "title", locale) }))}
        programmes={programmes.map((programme) => ({ code: programme.code, title: localized(programme, "title", locale) }))}
      />
    </div>
  );
}
