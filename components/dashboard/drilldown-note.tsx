import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { asOfDay } from "@/lib/tracking/as-of";
import { ledgerSearchParams, type LedgerQuery } from "@/lib/ledger/schemas";

/**
 * On the ledger, the report filters a dashboard number opened (they have no
 * control in the filter form): says what the list is limited to, with a link to drop it.
 */
export async function DrilldownNote({ query, today }: { query: LedgerQuery; today: Date }) {
  if (!query.monthReport && !query.latestState) return null;
  const [t, format] = await Promise.all([getTranslations("dashboardView"), getFormatter()]);
  const month = format.dateTime(asOfDay(query.asOf, today), { year: "numeric", month: "long" });
  const filters = [
    query.monthReport && { text: t(`monthReport_${query.monthReport}`, { month }), without: { monthReport: undefined } },
    query.latestState && { text: t(`latestState_${query.latestState}`), without: { latestState: undefined } },
  ].filter((filter) => !!filter);
  return (
    <ul className="mb-3 flex flex-col gap-1" data-testid="drilldown-note">
      {filters.map((filter) => (
        <li key={filter.text} role="note" className="rounded border border-slate-300 bg-slate-50 px-3 py-2 text-sm">
          {t("filteredTo", { filter: filter.text })}{" "}
          <Link href={`/ledger?${ledgerSearchParams({ ...query, ...filter.without, page: 1 }).toString()}`} className="text-red-900 hover:underline">
            {t("clearFilter")}
          </Link>
        </li>
      ))}
    </ul>
  );
}
