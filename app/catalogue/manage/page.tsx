import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { AreaForm, ProgrammeForm } from "@/components/catalogue/programme-area-forms";
import { requirePageUser } from "@/lib/auth/page-guard";
import { loadCatalogueChoices } from "@/lib/catalogue/load-catalogue-form";
import { db } from "@/lib/db";
import { localized } from "@/lib/i18n/localized";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("catalogueEditor"))("manage") };
}

/** Programmes and areas: create, and edit each in place (admins). */
export default async function ManageCataloguePage() {
  await requirePageUser("catalogue.manage");
  const [{ programmes }, locale, t, tHome] = await Promise.all([loadCatalogueChoices(db), getLocale(), getTranslations("catalogueEditor"), getTranslations("home")]);
  const programmeOptions = programmes.map((programme) => ({ value: programme.code, label: `${programme.code} ${localized(programme, "title", locale)}` }));
  const box = "mb-3 rounded border border-slate-200 bg-white p-3";
  return (
    <>
      <Link href="/catalogue" className="text-sm text-red-900 hover:underline">
        ← {tHome("title")}
      </Link>
      <h1 className="mt-2 text-2xl font-semibold">{t("manage")}</h1>
      <p className="mb-4 text-slate-600">{t("manageIntro")}</p>
      <p className="mb-4">
        <Link href="/catalogue/new" className="rounded bg-red-800 px-3 py-1 text-sm text-white hover:bg-red-900">
          {t("newMeasure")}
        </Link>
      </p>
      {programmes.map((programme) => (
        <section key={programme.code} className="mb-6">
          <details className={box}>
            <summary className="cursor-pointer text-lg font-semibold">
              {programme.code} {localized(programme, "title", locale)} · {t("editProgramme")}
            </summary>
            <ProgrammeForm programme={programme} />
          </details>
          <ul className="ml-4">
            {programme.areas.map((area) => (
              <li key={area.code}>
                <details className={box}>
                  <summary className="cursor-pointer">
                    {area.code} {localized(area, "title", locale)} · {t("editArea")}
                  </summary>
                  <AreaForm area={{ ...area, programmeCode: programme.code }} programmes={programmeOptions} />
                </details>
              </li>
            ))}
          </ul>
        </section>
      ))}
      <details className={box}>
        <summary className="cursor-pointer font-semibold">{t("newArea")}</summary>
        <AreaForm programmes={programmeOptions} />
      </details>
      <details className={box}>
        <summary className="cursor-pointer font-semibold">{t("newProgramme")}</summary>
        <ProgrammeForm />
      </details>
    </>
  );
}
