import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { DashboardQuery } from "@/lib/dashboard/schemas";
import { localized } from "@/lib/i18n/localized";
import type { LedgerFilterOptions } from "@/lib/ledger/filter-options";
import { UnitPicker } from "@/components/forms/unit-picker";
import { ScopeSelect } from "@/components/forms/scope-select";

/**
 * The scope of the dashboard and the timeline (programme, area, city, lead unit, and for
 * the dashboard an "as of" month), as a plain GET form: the URL holds the view.
 */
export async function ScopeFilterForm({ path, query, options, showAsOf = false, hidden = {}, children }: {
  path: string;
  query: DashboardQuery;
  options: LedgerFilterOptions;
  showAsOf?: boolean;
  /** Other view state the form keeps, such as the timeline's zoom. */
  hidden?: Record<string, string>;
  /** Links placed after the buttons, such as the dashboard's bulletin link. */
  children?: React.ReactNode;
}) {
  const [locale, t, tLedger] = await Promise.all([getLocale(), getTranslations("dashboard"), getTranslations("ledger")]);
  const select = (name: "programme" | "area" | "city", items: { value: string; label: string }[], label: string) => (
    <ScopeSelect name={name} items={items} label={label} value={query[name]} allLabel={t("reset")} />
  );
  return (
    <form method="get" action={path} className="mb-4 flex flex-wrap items-end gap-3 print:hidden" aria-label={t("filters")}>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {select("programme", options.programmes.map((p) => ({ value: p.code, label: localized(p, "title", locale) })), tLedger("programme"))}
      {select("area", options.areas.map((a) => ({ value: a.code, label: `${a.code} ${localized(a, "title", locale)}` })), tLedger("area"))}
      {select("city", options.cities.map((c) => ({ value: c.code, label: localized(c, "name", locale) })), tLedger("city"))}
      <UnitPicker name="leadUnit" label={tLedger("leadUnit")} selected={options.leadUnit} />
      {showAsOf && (
        <label className="flex flex-col gap-1 text-sm">
          {t("asOf")}
          <input type="month" name="asOf" defaultValue={query.asOf ?? ""} className="rounded border border-slate-300 px-2 py-1" />
        </label>
      )}
      <button type="submit" className="rounded bg-red-800 px-3 py-1 text-sm text-white">{t("apply")}</button>
      <Link href={path} className="px-2 py-1 text-sm text-red-900 hover:underline">{t("reset")}</Link>
      {children}
    </form>
  );
}
