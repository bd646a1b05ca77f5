import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { MeasureForm } from "@/components/catalogue/measure-form";
import { SuspendForm } from "@/components/catalogue/suspend-form";
import { requirePageUser } from "@/lib/auth/page-guard";
import { loadCatalogueChoices, loadMeasureForEdit } from "@/lib/catalogue/load-catalogue-form";
import { db } from "@/lib/db";
import { listUnitOptions } from "@/lib/units/list-units";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ code: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { code } = await params;
  return { title: `${(await getTranslations("catalogueEditor"))("editMeasure")} ${decodeURIComponent(code)}` };
}

/** An admin edits a measure's catalogue fields, and suspends or resumes it. */
export default async function EditMeasurePage({ params }: Props) {
  await requirePageUser("catalogue.manage");
  const code = decodeURIComponent((await params).code);
  const [measure, choices, units, t, format] = await Promise.all([
    loadMeasureForEdit(db, code),
    loadCatalogueChoices(db),
    listUnitOptions(db),
    getTranslations("catalogueEditor"),
    getFormatter(),
  ]);
  if (!measure) notFound();
  const suspended = measure.status === "SUSPENDED";
  const canSuspend = suspended || measure.status === "NOT_STARTED" || measure.status === "IN_PROGRESS";
  return (
    <>
      <Link href={`/measures/${encodeURIComponent(measure.code)}`} className="text-sm text-red-900 hover:underline">
        ← {t("backToMeasure")}
      </Link>
      <h1 className="mt-2 mb-4 text-2xl font-semibold">
        {t("editMeasure")} <span className="font-mono text-slate-500">{measure.code}</span>
      </h1>
      <MeasureForm mode="edit" measure={measure} choices={choices} units={units} />
      {canSuspend && (
        <section id="suspend" className="mt-6 rounded border border-slate-200 bg-white p-4" aria-labelledby="suspend-heading">
          <h2 id="suspend-heading" className="text-lg font-semibold">{suspended ? t("resume") : t("suspend")}</h2>
          {suspended && measure.suspendedAt ? (
            <p className="mb-2 text-sm" data-testid="suspended-since">
              {t("suspendedSince", { date: format.dateTime(measure.suspendedAt, { dateStyle: "long" }), reason: measure.suspendedReason ?? "" })}
            </p>
          ) : (
            <p className="mb-2 text-sm text-slate-600">{t("suspendIntro")}</p>
          )}
          <SuspendForm code={measure.code} version={measure.version} suspended={suspended} />
        </section>
      )}
    </>
  );
}
