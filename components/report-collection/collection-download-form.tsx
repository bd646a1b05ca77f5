import { useTranslations } from "next-intl";

/**
 * Choose a unit and a month; a plain GET form, so the browser saves the
 * route's answer as a download.
 */
export function CollectionDownloadForm({ units, defaultPeriod }: { units: { code: string; name: string }[]; defaultPeriod: string }) {
  const t = useTranslations("reportCollection");
  return (
    <section className="flex flex-col gap-2" aria-labelledby="collection-download">
      <h2 id="collection-download" className="text-lg font-semibold">{t("downloadHeading")}</h2>
      <form method="get" action="/api/v1/report-collection.xlsx" className="flex flex-wrap items-end gap-3 text-sm" data-testid="collection-download">
        <label className="flex flex-col gap-1">
          {t("unit")}
          <select name="unit" required defaultValue={units.length === 1 ? units[0]!.code : undefined} className="rounded border border-slate-300 px-2 py-1">
            {units.map((unit) => (
              <option key={unit.code} value={unit.code}>
                {unit.name}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1">
          {t("period")}
          <input type="month" name="period" required defaultValue={defaultPeriod} className="rounded border border-slate-300 px-2 py-1" />
        </label>
        <button type="submit" className="rounded bg-red-800 px-3 py-1 text-white hover:bg-red-900">
          {t("download")}
        </button>
      </form>
    </section>
  );
}
