import { getTranslations } from "next-intl/server";

/** Shown above any view that contains invented demo figures. */
export async function SampleDataBanner() {
  const t = await getTranslations("sampleData");
  return (
    <p role="note" data-testid="sample-data-banner" className="mb-4 rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
      {t("banner")}
    </p>
  );
}

/** A small tag beside a single sample value. */
export async function SampleTag() {
  const t = await getTranslations("sampleData");
  return <span className="ml-1 rounded bg-amber-100 px-1 text-xs text-amber-900">{t("tag")}</span>;
}
