"use client";

import { useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import type { LedgerColumn } from "@/lib/ledger/ledger-columns";

export interface ChooserColumn {
  id: LedgerColumn;
  visible: boolean;
  fixed: boolean;
  toggle: (visible: boolean) => void;
}

/**
 * The columns the ledger shows, as checkboxes: each change rewrites `cols` in
 * the URL at once. It is also a GET form (cols=…&cols=…), so without JavaScript
 * the apply button sends the same view.
 */
export function LedgerColumnChooser({ columns }: { columns: ChooserColumn[] }) {
  const t = useTranslations("ledger");
  const tView = useTranslations("ledgerView");
  const tForecastViews = useTranslations("forecastViews");
  const searchParams = useSearchParams();
  const kept = [...searchParams].filter(([key]) => key !== "cols" && key !== "page");
  return (
    <details className="relative hidden sm:block" data-testid="column-chooser">
      <summary className="cursor-pointer">{t("columns")}</summary>
      <form method="get" action="/ledger" className="absolute z-20 mt-1 rounded border border-slate-200 bg-white p-2 shadow">
        <fieldset className="grid grid-cols-2 gap-x-4 gap-y-1">
          <legend className="sr-only">{t("columns")}</legend>
          {columns.map((column) => (
            <label key={column.id} className="flex items-center gap-1 whitespace-nowrap">
              <input
                type="checkbox"
                name="cols"
                value={column.id}
                checked={column.visible}
                disabled={column.fixed}
                onChange={(event) => column.toggle(event.target.checked)}
              />
              {column.id === "forecast" ? tForecastViews("column") : tView(`columns.${column.id}`)}
            </label>
          ))}
        </fieldset>
        {kept.map(([key, value]) => (
          <input key={key} type="hidden" name={key} value={value} />
        ))}
        <noscript>
          <button type="submit" className="mt-2 rounded bg-red-800 px-3 py-1 text-white">{t("apply")}</button>
        </noscript>
      </form>
    </details>
  );
}
