import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale } from "next-intl/server";
import { MeasureDetailView } from "@/components/measure-detail";
import { requirePageUser } from "@/lib/auth/page-guard";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { localized } from "@/lib/i18n/localized";
import { getMeasureByCode } from "@/lib/measures/get-measure-by-code";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ code: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await requirePageUser();
  const { code } = await params;
  const measure = await getMeasureByCode(db, decodeURIComponent(code));
  if (!measure) return {};
  return { title: `${measure.code} ${localized(measure, "title", await getLocale())}` };
}

export default async function MeasurePage({ params }: Props) {
  const user = await requirePageUser();
  const { code } = await params;
  const measure = await getMeasureByCode(db, decodeURIComponent(code));
  if (!measure) notFound();
  const unitIds = [measure.leadUnit.id, ...measure.cooperatingUnits.map(({ unit }) => unit.id)];
  return <MeasureDetailView measure={measure} canEditOwner={can(user, "measure.editOwner", unitIds)} />;
}
