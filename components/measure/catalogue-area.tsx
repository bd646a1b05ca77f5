import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { localized } from "@/lib/i18n/localized";
import type { Programmes } from "@/lib/measures/list-programmes";
import { PercentBar } from "@/components/measure/percent-bar";
import { StatusBadge } from "@/components/measure/status-badge";

type Area = Programmes[number]["areas"][number];

/** One area of the catalogue with its measures as a table. */
export async function CatalogueArea({ area }: { area: Area }) {
  const [locale, format, t, tHome] = await Promise.all([
    getLocale(),
    getFormatter(),
    getTranslations("columns"),
    getTranslations("home"),
  ]);
  const headingId = `area-${area.code}`;
  return (
    <section className="mb-6" aria-labelledby={headingId}>
      <h3 id={headingId} className="mb-2 font-semibold">
        {area.code} {localized(area, "title", locale)}{" "}
        <span className="text-sm font-normal text-slate-500">{tHome("areaCount", { count: area.measures.length })}</span>
      </h3>
      <div className="overflow-x-auto rounded border border-slate-200 bg-white" tabIndex={0}>
        <table className="w-full text-sm">
          <thead className="bg-slate-100 text-left">
            <tr>
              <th scope="col" className="px-3 py-2">{t("code")}</th>
              <th scope="col" className="px-3 py-2">{t("title")}</th>
              <th scope="col" className="px-3 py-2">{t("leadUnit")}</th>
              <th scope="col" className="px-3 py-2">{t("dueDate")}</th>
              <th scope="col" className="px-3 py-2">{t("status")}</th>
              <th scope="col" className="px-3 py-2">{t("percent")}</th>
            </tr>
          </thead>
          <tbody>
            {area.measures.map((measure) => (
              <tr key={measure.code} className="border-t border-slate-100" data-measure-code={measure.code}>
                <td className="px-3 py-2 font-mono whitespace-nowrap">{measure.code}</td>
                <td className="px-3 py-2">
                  <Link href={`/measures/${measure.code}`} className="text-red-900 hover:underline">
                    {localized(measure, "title", locale)}
                  </Link>
                </td>
                <td className="px-3 py-2">{localized(measure.leadUnit, "name", locale)}</td>
                <td className="px-3 py-2 whitespace-nowrap">
                  {measure.dueDate ? format.dateTime(measure.dueDate, { dateStyle: "medium" }) : "—"}
                </td>
                <td className="px-3 py-2">
                  <StatusBadge status={measure.status} />
                </td>
                <td className="px-3 py-2">
                  <PercentBar value={measure.percentComplete} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
