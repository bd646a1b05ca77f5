import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { SessionUser } from "@/lib/auth/session-user";
import { chartedLeadUnits } from "@/lib/dashboard/charted-lead-units";
import { dashboardCards, dashboardLists, ledgerHref, linkFor, type ListKey } from "@/lib/dashboard/dashboard-links";
import type { Breakdown, DashboardData, MeasureItem } from "@/lib/dashboard/get-dashboard-data";
import type { DashboardQuery } from "@/lib/dashboard/schemas";
import { trendFromFirstData } from "@/lib/dashboard/trend-start";
import { localized } from "@/lib/i18n/localized";
import { asOfDay } from "@/lib/tracking/as-of";
import { parsePeriod } from "@/lib/tracking/dates";
import { lights, type Light } from "@/lib/tracking/light";
import { CircleMap } from "./circle-map";
import { DashboardCards } from "./dashboard-cards";
import { ForecastMissCard } from "@/components/forecast/forecast-miss-card";
import type { ForecastMissCard as ForecastMissCardData } from "@/lib/dashboard/forecast-miss";
import { LightBarChart, type LightBarRow } from "./light-bar-chart";
import { TrendLineChart } from "./trend-line-chart";

type Props = {
  data: DashboardData;
  query: DashboardQuery;
  today: Date;
  user: Pick<SessionUser, "role" | "unitId">;
  /** The delivery forecast's card (lib/dashboard/forecast-miss.ts); left out where not loaded. */
  forecastMiss?: ForecastMissCardData;
};

export async function DashboardView({ data, query, today, user, forecastMiss }: Props) {
  const [locale, format, t, tView, tLights] = await Promise.all([
    getLocale(),
    getFormatter(),
    getTranslations("dashboard"),
    getTranslations("dashboardView"),
    getTranslations("lights"),
  ]);
  // Every number links to its own list only where the user may open that list.
  const link = (href: string) => linkFor(user, href);
  const hrefsFor = (extra: (light: Light) => Parameters<typeof ledgerHref>[1]) =>
    Object.fromEntries(lights.map((light) => [light, link(ledgerHref(query, extra(light)))])) as Record<Light, string | null>;
  const rows = (breakdown: Breakdown[], key: "area" | "city" | "leadUnit"): LightBarRow[] =>
    breakdown.map((row) => ({
      label: key === "area" ? `${row.code} ${localized(row, "name", locale)}` : localized(row, "name", locale),
      ...row.lights,
      hrefs: hrefsFor((light) => ({ [key]: row.code, light })),
    }));
  const distribution: LightBarRow[] = lights.map((light) => ({
    label: tLights(light),
    ...(Object.fromEntries(lights.map((other) => [other, other === light ? data.lightCounts[light] : 0])) as Record<Light, number>),
    hrefs: hrefsFor(() => ({ light })),
  }));
  const monthLabel = (month: string) => format.dateTime(parsePeriod(month), { year: "2-digit", month: "short" });
  const monthLong = (month: string) => format.dateTime(parsePeriod(month), { year: "numeric", month: "long" });
  // Months before the first approved report are not drawn: they would read as 0 %.
  const trend = trendFromFirstData(data.trend, data.trendStart);
  const trendRows: LightBarRow[] = trend.points.map((point) => ({
    label: monthLabel(point.month),
    ...point.lights,
    hrefs: hrefsFor((light) => ({ asOf: point.month, light })),
  }));
  const units = chartedLeadUnits(data.byLeadUnit);
  const cards = dashboardCards(data, query).map((card) => ({ ...card, href: link(card.href) }));
  const lists = Object.fromEntries(dashboardLists(data, query).map((list) => [list.key, { count: list.count, href: link(list.href) }])) as Record<
    ListKey,
    { count: number; href: string | null }
  >;
  const groupedHref = link(ledgerHref(query, { group: "leadUnit" }));

  return (
    <div className="flex flex-col gap-6">
      <p className="text-slate-600">{t("intro", { date: format.dateTime(asOfDay(query.asOf, today), { dateStyle: "long" }) })}</p>
      {query.asOf && (
        <p role="note" className="rounded border border-sky-300 bg-sky-50 px-3 py-2 text-sm" data-testid="as-of-note">
          {t("asOfNote", { month: monthLong(query.asOf) })}
        </p>
      )}
      <DashboardCards cards={cards} investment={data.investment} />
      {data.changes && <p className="-mt-4 text-xs text-slate-500">{tView("changeNote")}</p>}
      {forecastMiss && <ForecastMissCard card={forecastMiss} query={query} user={user} />}

      <ChartSection title={t("lightDistribution")} rows={distribution} testId="chart-lights" tableLabel={t("chartTable")} totalLabel={t("total")} />
      <section className="min-w-0 rounded border border-slate-200 bg-white p-4 break-inside-avoid">
        <h2 className="mb-2 text-lg font-semibold">{t("trend")}</h2>
        <p className="mb-2 text-sm text-slate-600" data-testid="trend-start">
          {trend.points.length === 0
            ? tView("trendNoData")
            : trend.hidden > 0
              ? tView("trendStarts", { month: monthLong(trend.points[0]!.month) })
              : tView("trendFull")}
        </p>
        {trend.points.length > 0 && (
          <div className="grid gap-4 lg:grid-cols-2">
            <div className="min-w-0">
              <h3 className="text-sm font-medium">{t("averageCompletion")}</h3>
              <TrendLineChart
                testId="chart-trend-completion"
                name={t("averageCompletion")}
                points={trend.points.map((point) => ({ label: monthLabel(point.month), value: point.averagePercent, href: link(ledgerHref(query, { asOf: point.month })) }))}
              />
            </div>
            <div className="min-w-0">
              <h3 className="text-sm font-medium">{t("lightsByMonth")}</h3>
              <LightBarChart rows={trendRows} testId="chart-trend-lights" height={240} />
            </div>
          </div>
        )}
      </section>
      <ChartSection title={t("byArea")} rows={rows(data.byArea, "area")} testId="chart-areas" layout="vertical" tableLabel={t("chartTable")} totalLabel={t("total")} />
      <section className="min-w-0 rounded border border-slate-200 bg-white p-4 break-inside-avoid">
        <h2 className="mb-2 text-lg font-semibold">{t("byCity")}</h2>
        <div className="grid gap-4 lg:grid-cols-2">
          <CircleMap cities={data.byCity} hrefFor={(city) => link(ledgerHref(query, { city }))} />
          <div className="min-w-0">
            <LightBarChart rows={rows(data.byCity, "city")} testId="chart-cities" />
          </div>
        </div>
      </section>
      <ChartSection
        title={t("byLeadUnit")}
        rows={rows(units.shown, "leadUnit")}
        testId="chart-units"
        layout="vertical"
        height={Math.max(240, units.shown.length * 28)}
        tableLabel={t("chartTable")}
        totalLabel={t("total")}
        note={
          units.total > units.shown.length && (
            <p className="mt-2 text-sm text-slate-600" data-testid="chart-units-note">
              {t("unitsCharted", { shown: units.shown.length, total: units.total })}
              {groupedHref && (
                <>
                  {" · "}
                  <Link href={groupedHref} className="text-red-900 underline">{t("seeAll")}</Link>
                </>
              )}
            </p>
          )
        }
      />

      <div className="grid gap-4 md:grid-cols-2">
        <MeasureList testId="list-overdue" title={t("overdueList")} items={data.lists.overdue} {...lists.overdue} />
        <MeasureList testId="list-due-soon" title={t("dueSoonList")} items={data.lists.dueSoon} {...lists.dueSoon} />
        <MeasureList testId="list-returned" title={t("returnedList")} items={data.lists.returned} {...lists.returned} />
        <section className="rounded border border-slate-200 bg-white p-4" data-testid="list-missing">
          <h2 className="mb-2 font-semibold">{t("missingList")}</h2>
          <p>
            {t("cardReportsMissing")}: <strong data-testid="list-count">{lists.missing.count}</strong>
            {lists.missing.href && (
              <>
                {" · "}
                <Link href={lists.missing.href} className="text-red-900 underline" data-testid="list-link">{t("seeAll")}</Link>
              </>
            )}
          </p>
        </section>
      </div>
    </div>
  );
}

async function ChartSection(props: {
  title: string;
  rows: LightBarRow[];
  testId: string;
  layout?: "horizontal" | "vertical";
  height?: number;
  tableLabel: string;
  totalLabel: string;
  note?: React.ReactNode;
}) {
  const tLights = await getTranslations("lights");
  return (
    <section className="min-w-0 rounded border border-slate-200 bg-white p-4 break-inside-avoid">
      <h2 className="mb-2 text-lg font-semibold">{props.title}</h2>
      <LightBarChart rows={props.rows} layout={props.layout} height={props.height} testId={props.testId} />
      {props.note}
      <details className="mt-2 text-sm print:hidden">
        <summary className="cursor-pointer">{props.tableLabel}</summary>
        <div className="overflow-x-auto" tabIndex={0}>
        <table className="mt-2 w-full">
          <thead>
            <tr>
              <th scope="col" className="text-left" />
              {lights.map((light) => (
                <th key={light} scope="col" className="text-right">{tLights(light)}</th>
              ))}
              <th scope="col" className="text-right">{props.totalLabel}</th>
            </tr>
          </thead>
          <tbody>
            {props.rows.map((row) => (
              <tr key={row.label}>
                <th scope="row" className="text-left font-normal">{row.label}</th>
                {lights.map((light) => (
                  <td key={light} className="text-right tabular-nums">
                    {row[light] && row.hrefs[light] ? <Link href={row.hrefs[light]} className="text-red-900 underline">{row[light]}</Link> : row[light]}
                  </td>
                ))}
                <td className="text-right tabular-nums">{lights.reduce((sum, light) => sum + row[light], 0)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        </div>
      </details>
    </section>
  );
}

async function MeasureList({ title, items, count, href, testId }: { title: string; items: MeasureItem[]; count: number; href: string | null; testId: string }) {
  const [locale, format, t] = await Promise.all([getLocale(), getFormatter(), getTranslations("dashboard")]);
  return (
    <section className="rounded border border-slate-200 bg-white p-4" data-testid={testId}>
      <h2 className="mb-2 font-semibold">
        {title} <span className="font-normal text-slate-600 tabular-nums" data-testid="list-count">({count})</span>
        {href && (
          <>
            {" · "}
            <Link href={href} className="text-sm font-normal text-red-900 underline" data-testid="list-link">{t("seeAll")}</Link>
          </>
        )}
      </h2>
      {items.length === 0 ? (
        <p>{t("none")}</p>
      ) : (
        <ul className="space-y-1 text-sm">
          {items.map((item) => (
            <li key={item.code}>
              <Link href={`/measures/${item.code}`} className="text-red-900 underline">
                {item.code} {localized(item, "title", locale)}
              </Link>{" "}
              · {item.percentComplete}%{item.dueDate ? ` · ${t("dueOn", { date: format.dateTime(item.dueDate, { dateStyle: "medium" }) })}` : ""}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
