import Link from "next/link";
import { useTranslations } from "next-intl";
import { LightBadge } from "@/components/light/light-badge";
import { ForecastMarker } from "@/components/forecast/forecast-marker";
import type { LedgerShownRow } from "@/lib/ledger/ledger-view-rows";

/** The ledger on a phone: one card per measure, the light first, then code, title, lead unit, percent and due date. */
export function LedgerCards({ rows }: { rows: LedgerShownRow[] }) {
  const t = useTranslations("ledger");
  const tView = useTranslations("ledgerView");
  return (
    <div className="sm:hidden">
      <ul className="flex flex-col gap-2" aria-label={tView("cards")} data-testid="ledger-cards">
        {rows.map((row) => (
          <li key={row.id} data-card-code={row.code} className="relative rounded border border-slate-200 bg-white p-3 shadow-sm">
            <div className="flex items-center gap-2">
              <LightBadge light={row.light} />
              <span className="font-mono text-xs text-slate-600">{row.code}</span>
              <span className="ml-auto text-sm font-medium tabular-nums">{row.percent}%</span>
            </div>
            {/* The link covers the card, so the whole card opens the measure. */}
            <Link href={`/measures/${row.code}`} className="mt-1 block font-medium text-red-900 after:absolute after:inset-0">
              {row.title}
            </Link>
            <div className="mt-1 flex items-baseline justify-between gap-2 text-xs text-slate-600">
              <span className="min-w-0 truncate">{row.leadUnit}</span>
              <span className="whitespace-nowrap">{row.ongoing ? row.dueDate : tView("cardDue", { date: row.dueDate })}</span>
            </div>
            {row.forecast && (
              <div className="mt-1 text-xs" data-testid="card-forecast">
                <ForecastMarker forecast={row.forecast} />
              </div>
            )}
            <div className="mt-2 h-1 rounded bg-slate-100" aria-hidden="true">
              <div className="h-1 rounded bg-red-800" style={{ width: `${row.percent}%` }} />
            </div>
          </li>
        ))}
      </ul>
      {rows.length === 0 && <p className="p-4">{t("empty")}</p>}
    </div>
  );
}
