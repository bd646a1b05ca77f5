import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { BulletinForm } from "@/components/bulletin/bulletin-form";
import { BulletinNarrativeEditor } from "@/components/bulletin/bulletin-narrative-editor";
import { BulletinPreview } from "@/components/bulletin/bulletin-preview";
import { requirePageUser } from "@/lib/auth/page-guard";
import { can } from "@/lib/auth/permissions";
import { loadBulletinDocument } from "@/lib/bulletin/load-bulletin-document";
import { bulletinFormDefaults, bulletinQuerySchema } from "@/lib/bulletin/schemas";
import { db } from "@/lib/db";
import { zodFieldErrors } from "@/lib/errors/map-error";
import { localized } from "@/lib/i18n/localized";
import { listLedgerFilterOptions } from "@/lib/ledger/filter-options";
import { formatPeriod, todayInChina } from "@/lib/tracking/dates";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("bulletin"))("pageTitle") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function BulletinPage({ searchParams }: Props) {
  const user = await requirePageUser();
  const today = todayInChina();
  const [params, locale] = await Promise.all([searchParams, getLocale()]);
  const defaults = bulletinFormDefaults(params, today, locale);
  const query = bulletinQuerySchema.safeParse(defaults);
  const [options, t, tUi, tFields, doc] = await Promise.all([
    listLedgerFilterOptions(db, defaults.leadUnit),
    getTranslations("bulletin"),
    getTranslations("tongbao.ui"),
    getTranslations("fieldErrors"),
    query.success ? loadBulletinDocument(query.data) : null,
  ]);
  const refusal = query.success ? null : Object.values(zodFieldErrors(query.error))[0];
  return (
    <>
      <h1 className="mb-2 text-2xl font-semibold">{t("pageTitle")}</h1>
      <p className="mb-4 text-slate-600">{t("intro")}</p>
      <BulletinForm
        defaults={defaults}
        maxMonth={formatPeriod(today)}
        canIssue={can(user, "bulletin.issue")}
        options={{
          programmes: options.programmes.map((p) => ({ value: p.code, label: localized(p, "title", locale) })),
          areas: options.areas.map((a) => ({ value: a.code, label: `${a.code} ${localized(a, "title", locale)}` })),
          cities: options.cities.map((c) => ({ value: c.code, label: localized(c, "name", locale) })),
          leadUnit: options.leadUnit,
        }}
      />
      {doc && (
        <p className="mt-3 text-sm text-slate-700" data-testid="bulletin-issue-state">
          {doc.issued ? tUi("issuedNote", { issue: doc.masthead.issue }) : tUi("previewNote")}
        </p>
      )}
      {doc && query.success && (
        <BulletinNarrativeEditor
          key={`${query.data.month}|${query.data.programme}|${query.data.area}|${query.data.city}|${query.data.leadUnit}|${query.data.lang}`}
          query={query.data}
          draft={doc.narrative.draft}
          saved={doc.narrative.saved && { text: doc.narrative.saved.text, version: doc.narrative.saved.version, updatedAt: doc.narrative.saved.updatedAt, by: doc.narrative.saved.updatedBy.displayName }}
          canEdit={can(user, "bulletin.issue")}
        />
      )}
      {doc ? <BulletinPreview doc={doc} /> : refusal && <p role="alert" className="mt-4 text-sm text-red-800">{tUi("noPreview", { message: tFields(refusal.key, refusal.values ?? {}) })}</p>}
    </>
  );
}
