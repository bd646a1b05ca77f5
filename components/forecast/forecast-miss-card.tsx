import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { SessionUser } from "@/lib/auth/session-user";
import { forecastMissHref, linkFor } from "@/lib/dashboard/dashboard-links";
import type { ForecastMissCard as Card, ForecastMissGroup } from "@/lib/dashboard/forecast-miss";
import type { DashboardQuery } from "@/lib/dashboard/schemas";
import { localized } from "@/lib/i18n/localized";

/** Breakdown rows shown per dimension; the card's own link lists them all. */
const SHOWN = 5;

/**
 * The dashboard's "forecast to miss in the next 90 days": the count with its
 * ledger link, then the same measures by area, city and lead unit, each linked.
 */
export async function ForecastMissCard({ card, query, user }: { card: Card; query: DashboardQuery; user: Pick<SessionUser, "role" | "unitId"> }) {
  const [locale, format, t, tLedger] = await Promise.all([getLocale(), getFormatter(), getTranslations("forecastViews"), getTranslations("ledger")]);
  const href = linkFor(user, forecastMissHref(query, card.dueTo));
  const dueTo = format.dateTime(new Date(`${card.dueTo}T00:00:00Z`), { dateStyle: "long", timeZone: "UTC" });
  const number = <span className="text-2xl font-semibold text-slate-900 tabular-nums">{card.value}</span>;
  const group = (key: "area" | "city" | "leadUnit", label: string, rows: ForecastMissGroup[]) =>
    rows.length > 0 && (
      <div>
        <h3 className="text-xs font-medium text-slate-500">{label}</h3>
        <ul className="text-sm">
          {rows.slice(0, SHOWN).map((row) => {
            const rowHref = linkFor(user, forecastMissHref(query, card.dueTo, { key, code: row.code }));
            const name = key === "area" ? `${row.code} ${localized(row, "name", locale)}` : localized(row, "name", locale);
            return (
              <li key={row.code} className="flex justify-between gap-2">
                <span className="min-w-0 truncate">{name}</span>
                {rowHref ? (
                  <Link href={rowHref} className="text-red-900 tabular-nums hover:underline">{row.count}</Link>
                ) : (
                  <span className="tabular-nums">{row.count}</span>
                )}
              </li>
            );
          })}
        </ul>
      </div>
    );
  return (
    <section className="rounded border border-slate-200 border-l-4 border-l-red-600 bg-white p-4 break-inside-avoid" data-testid="card-forecast-miss">
      <h2 className="text-sm text-slate-600">{t("card", { days: card.days })}</h2>
      {href ? (
        <Link href={href} className="hover:underline" data-testid="card-forecast-miss-link">{number}</Link>
      ) : (
        number
      )}
      <p className="text-xs text-slate-500">{t("cardHint", { date: dueTo })}</p>
      {card.value > 0 && (
        <div className="mt-2 grid gap-3 sm:grid-cols-3">
          {group("area", tLedger("area"), card.byArea)}
          {group("city", tLedger("city"), card.byCity)}
          {group("leadUnit", tLedger("leadUnit"), card.byLeadUnit)}
        </div>
      )}
    </section>
  );
}
