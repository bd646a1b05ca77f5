import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { localized } from "@/lib/i18n/localized";
import type { LedgerFilterOptions } from "@/lib/ledger/filter-options";
import type { ScoresQuery } from "@/lib/scoring/schemas";
import { ScopeSelect } from "@/components/forms/scope-select";

/** The ranking's month and scope as a plain GET form (the URL holds the view), with the Excel export of the same view. */
export async function ScoresFilterForm({ query, month, maxMonth, options }: {
  query: ScoresQuery;
  month: string;
  maxMonth: string;
  options: LedgerFilterOptions;
}) {
  const [locale, t, tLedger] = await Promise.all([getLocale(), getTranslations("scoring"), getTranslations("ledger")]);
  const select = (name: "programme" | "area" | "city", items: { value: string; label: string }[], label: string) => (
    <ScopeSelect name={name} items={items} label={label} value={query[name]} allLabel={t("reset")} />
  );
  const exportParams = new URLSearchParams({ month });
  for (const key of ["programme", "area", "city"] as const) if (query[key]) exportParams.set(key, query[key]);
  return (
    <form method="get" action="/scores" className="mb-4 flex flex-wrap items-end gap-3 print:hidden" aria-label={t("title")}>
      <label className="flex flex-col gap-1 text-sm">
        {t("month")}
        <input type="month" name="month" defaultValue={month} max={maxMonth} className="rounded border border-slate-300 px-2 py-1" data-testid="scores-month" />
      </label>
      {select("programme", options.programmes.map((p) => ({ value: p.code, label: localized(p, "title", locale) })), tLedger("programme"))}
      {select("area", options.areas.map((a) => ({ value: a.code, label: `${a.code} ${localized(a, "title", locale)}` })), tLedger("area"))}
      {select("city", options.cities.map((c) => ({ value: c.code, label: localized(c, "name", locale) })), tLedger("city"))}
      <button type="submit" className="rounded bg-red-800 px-3 py-1 text-sm text-white">{t("show")}</button>
      <Link href={`/api/v1/scores.xlsx?${exportParams}`} prefetch={false} className="rounded border border-slate-300 bg-white px-3 py-1 text-sm hover:bg-slate-100" data-testid="scores-export">
        {t("exportXlsx")}
      </Link>
    </form>
  );
}
