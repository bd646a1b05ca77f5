import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { MeasureForm } from "@/components/catalogue/measure-form";
import { requirePageUser } from "@/lib/auth/page-guard";
import { loadCatalogueChoices } from "@/lib/catalogue/load-catalogue-form";
import { db } from "@/lib/db";
import { listUnitOptions } from "@/lib/units/list-units";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("catalogueEditor"))("newMeasure") };
}

export default async function NewMeasurePage() {
  await requirePageUser("catalogue.manage");
  const [choices, units, t, tHome] = await Promise.all([loadCatalogueChoices(db), listUnitOptions(db), getTranslations("catalogueEditor"), getTranslations("home")]);
  return (
    <>
      <Link href="/catalogue" className="text-sm text-red-900 hover:underline">
        ← {tHome("title")}
      </Link>
      <h1 className="mt-2 mb-4 text-2xl font-semibold">{t("newMeasure")}</h1>
      <MeasureForm mode="create" choices={choices} units={units} />
    </>
  );
}
