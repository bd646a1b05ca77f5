import { MeasureStatus } from "@/generated/prisma/enums";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { localized } from "@/lib/i18n/localized";
import { UnitPicker } from "@/components/forms/unit-picker";
import type { LedgerFilterOptions } from "@/lib/ledger/filter-options";
import { ledgerColumnsParam } from "@/lib/ledger/ledger-columns";
import { forecastFilters, type LedgerQuery } from "@/lib/ledger/schemas";
import { lights } from "@/lib/tracking/light";
import { SubmitOnChange } from "./submit-on-change";

/**
 * A GET form: the filters land in the URL, so a view can be bookmarked and
 * shared. Menus apply on change; on a phone the form is a drawer behind a
 * Filters button (a <details>, open from the sm breakpoint up: app/globals.css).
 */
export async function LedgerFilters({ query, options, hasUnit }: { query: LedgerQuery; options: LedgerFilterOptions; hasUnit: boolean }) {
  const [locale, t, tView, tStatus, tLights, tForecast, tForecastViews] = await Promise.all([
    getLocale(),
    getTranslations("ledger"),
    getTranslations("ledgerView"),
    getTranslations("status"),
    getTranslations("lights"),
    getTranslations("forecast"),
    getTranslations("forecastViews"),
  ]);
  const cols = ledgerColumnsParam(query.cols);
  const select = (name: keyof LedgerQuery, label: string, items: { value: string; label: string }[]) => (
    <label className="flex flex-col gap-1 text-sm">
      {label}
      <select name={name} defaultValue={String(query[name] ?? "")} className="rounded border border-slate-300 px-2 py-1">
        <option value="">{t("any")}</option>
        {items.map((item) => (
          <option key={item.value} value={item.value}>{item.label}</option>
        ))}
      </select>
    </label>
  );
  return (
    <details className="filter-drawer mb-4" data-testid="filter-drawer">
      <summary className="inline-flex cursor-pointer items-center gap-1 rounded border border-slate-300 bg-white px-3 py-1.5 text-sm">
        {tView("filtersOpen")}
      </summary>
      <form method="get" action="/ledger" className="mt-2 grid gap-3 rounded border border-slate-200 bg-white p-3 sm:mt-0 sm:grid-cols-3 lg:grid-cols-5" aria-label={t("filters")}>
        <SubmitOnChange />
        <label className="flex flex-col gap-1 text-sm sm:col-span-2">
          {t("search")}
          <input type="search" name="q" defaultValue={query.q ?? ""} maxLength={100} className="rounded border border-slate-300 px-2 py-1" />
        </label>
        {select("programme", t("programme"), options.programmes.map((p) => ({ value: p.code, label: localized(p, "title", locale) })))}
        {select("area", t("area"), options.areas.map((a) => ({ value: a.code, label: `${a.code} ${localized(a, "title", locale)}` })))}
        {select("city", t("city"), options.cities.map((c) => ({ value: c.code, label: localized(c, "name", locale) })))}
        <UnitPicker name="leadUnit" label={t("leadUnit")} selected={options.leadUnit} />
        {(hasUnit || query.myUnit) &&
          select("myUnit", t("myUnit"), [
            { value: "lead", label: t("myUnitLead") },
            { value: "cooperate", label: t("myUnitCooperate") },
          ])}
        <label className="flex flex-col gap-1 text-sm">
          {t("person")}
          <input type="search" name="person" defaultValue={query.person ?? ""} maxLength={100} className="rounded border border-slate-300 px-2 py-1" />
        </label>
        {select("status", t("status"), Object.values(MeasureStatus).map((status) => ({ value: status, label: tStatus(status) })))}
        {select("light", t("light"), lights.map((light) => ({ value: light, label: tLights(light) })))}
        {select("forecast", tForecastViews("filter"), forecastFilters.map((value) => ({ value, label: tForecast(`class.${value}`) })))}
        <label className="flex flex-col gap-1 text-sm">
          {t("dueFrom")}
          <input type="date" name="dueFrom" defaultValue={query.dueFrom ?? ""} className="rounded border border-slate-300 px-2 py-1" />
        </label>
        <label className="flex flex-col gap-1 text-sm">
          {t("dueTo")}
          <input type="date" name="dueTo" defaultValue={query.dueTo ?? ""} className="rounded border border-slate-300 px-2 py-1" />
        </label>
        {/* Keep the view's sorting, grouping and columns when filtering. */}
        {(["sort", "dir", "perPage", "group", "asOf"] as const).map((key) =>
          query[key] !== undefined ? <input key={key} type="hidden" name={key} value={String(query[key])} /> : null,
        )}
        {cols && <input type="hidden" name="cols" value={cols} />}
        <div className="flex items-end gap-2">
          <button type="submit" className="rounded bg-red-800 px-3 py-1 text-sm text-white hover:bg-red-900">{t("apply")}</button>
          <Link href="/ledger" className="px-2 py-1 text-sm text-red-900 hover:underline">{t("reset")}</Link>
        </div>
      </form>
    </details>
  );
}
