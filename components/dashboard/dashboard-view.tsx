import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { chartedLeadUnits } from "@/lib/dashboard/charted-lead-units";
import type { Breakdown, DashboardData, MeasureItem } from "@/lib/dashboard/get-dashboard-data";
import type { DashboardQuery } from "@/lib/dashboard/schemas";
import { localized } from "@/lib/i18n/localized";
import { ledgerSearchParams } from "@/lib/ledger/schemas";
import { asOfDay } from "@/lib/tracking/as-of";
import { lights, type Light } from "@/lib/tracking/light";
import { CircleMap } from "./circle-map";
import { LightBarChart, type LightBarRow } from "./light-bar-chart";
import { TrendLineChart } from "./trend-line-chart";
import { parsePeriod } from "@/lib/tracking/dates";

type Props = { data: DashboardData; query: DashboardQuery; today: Date };


/** The ledger link for a slice of the dashboard: the same scope plus the slice's own filters. */
function ledgerHref(query: DashboardQuery, extra: Record<string, string | undefined>): string {
  const params = ledgerSearchParams({ ...query, ...extra } as never);
  const search = params.toString();
  return search ? `/ledger?${search}` : "/ledger";
}

export async function DashboardView({ data, query, today }: Props) {
  const [locale, format, t, tLights] = await Promise.all([getLocale(), getFormatter(), getTranslations("dashboard"), getTranslations("lights")]);
  const rows = (breakdown: Breakdown[], key: "area" | "city" | "leadUnit"): LightBarRow[] =>
    breakdown.map((row) => ({
      label: key === "area" ? `${row.code} ${localized(row, "name", locale)}` : localized(row, "name", locale),
      ...row.lights,
      hrefs: Object.fromEntries(lights.map((light) => [light, ledgerHref(query, { [key]: row.code, light })])) as Record<Light, string>,
    }));
  const distribution: LightBarRow[] = lights.map((light) => ({
    label: tLights(light),
    ...(Object.fromEntries(lights.map((other) => [other, other === light ? data.lightCounts[light] : 0])) as Record<Light, number>),
    hrefs: Object.fromEntries(lights.map((other) => [other, ledgerHref(query, { light })])) as Record<Light, string>,
  }));
  const monthLabel = (month: string) => format.dateTime(parsePeriod(month), { year: "2-digit", month: "short" });
  const trendRows: LightBarRow[] = data.trend.map((point) => ({
    label: monthLabel(point.month),
    ...point.lights,
    hrefs: Object.fromEntries(lights.map((light) => [light, ledgerHref(query, { asOf: point.month, light })])) as Record<Light, string>,
  }));
  const units = chartedLeadUnits(data.byLeadUnit);
  const investmentPercent = data.investment.planned ? Math.round((data.investment.completed / data.investment.planned) * 100) : 0;

  const cards: { label: string; value: string | number; href: string; testId: string }[] = [
    { label: t("cardTotal"), value: data.total, href: ledgerHref(query, {}), testId: "card-total" },
    { label: t("cardCompleted"), value: data.lightCounts.COMPLETED, href: ledgerHref(query, { light: "COMPLETED" }), testId: "card-completed" },
    { label: t("cardOnTrack"), value: data.lightCounts.GREEN, href: ledgerHref(query, { light: "GREEN" }), testId: "card-on-track" },
    { label: t("cardBehind"), value: data.lightCounts.YELLOW, href: ledgerHref(query, { light: "YELLOW" }), testId: "card-behind" },
    { label: t("cardOverdue"), value: data.lightCounts.RED, href: ledgerHref(query, { light: "RED" }), testId: "card-overdue" },
    { label: t("cardDueSoon"), value: data.lightCounts.BLUE, href: ledgerHref(query, { light: "BLUE" }), testId: "card-due-soon" },
    { label: t("cardReportsDue"), value: data.reporting.due, href: "/missing", testId: "card-reports-due" },
    { label: t("cardReportsSubmitted"), value: data.reporting.submitted, href: "/reviews", testId: "card-reports-submitted" },
    { label: t("cardReportsApproved"), value: data.reporting.approved, href: "/missing", testId: "card-reports-approved" },
    { label: t("cardReportsMissing"), value: data.reporting.missing, href: "/missing", testId: "card-reports-missing" },
  ];

  return (
    <div className="flex flex-col gap-6">
      <p className="text-slate-600">{t("intro", { date: format.dateTime(asOfDay(query.asOf, today), { dateStyle: "long" }) })}</p>
      {query.asOf && (
        <p role="note" className="rounded border border-sky-300 bg-sky-50 px-3 py-2 text-sm" data-testid="as-of-note">
          {t("asOfNote", { month: format.dateTime(parsePeriod(query.asOf), { year: "numeric", month: "long" }) })}
        </p>
      )}
      <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5 print:grid-cols-5">
        {cards.map((card) => (
          <li key={card.testId}>
            <Link href={card.href} data-testid={card.testId} className="block rounded border border-slate-200 bg-white p-3 hover:border-red-800 focus:border-red-800">
              <span className="block text-sm text-slate-600">{card.label}</span>
              <span className="text-2xl font-semibold tabular-nums">{card.value}</span>
            </Link>
          </li>
        ))}
        <li className="col-span-2 rounded border border-slate-200 bg-white p-3">
          <span className="block text-sm text-slate-600">{t("cardInvestment")}</span>
          <span className="tabular-nums">
            {t("investmentLine", {
              planned: format.number(data.investment.planned),
              completed: format.number(data.investment.completed),
              percent: investmentPercent,
            })}
          </span>
        </li>
      </ul>

      <ChartSection title={t("lightDistribution")} rows={distribution} testId="chart-lights" tableLabel={t("chartTable")} totalLabel={t("total")} />
      <section className="rounded border border-slate-200 bg-white p-4 break-inside-avoid">
        <h2 className="mb-2 text-lg font-semibold">{t("trend")}</h2>
        <div className="grid gap-4 lg:grid-cols-2">
          <div>
            <h3 className="text-sm font-medium">{t("averageCompletion")}</h3>
            <TrendLineChart
              testId="chart-trend-completion"
              name={t("averageCompletion")}
              points={data.trend.map((point) => ({ label: monthLabel(point.month), value: point.averagePercent, href: ledgerHref(query, { asOf: point.month }) }))}
            />
          </div>
          <div>
            <h3 className="text-sm font-medium">{t("lightsByMonth")}</h3>
            <LightBarChart rows={trendRows} testId="chart-trend-lights" height={240} />
          </div>
        </div>
      </section>
      <ChartSection title={t("byArea")} rows={rows(data.byArea, "area")} testId="chart-areas" layout="vertical" tableLabel={t("chartTable")} totalLabel={t("total")} />
      <section className="rounded border border-slate-200 bg-white p-4 break-inside-avoid">
        <h2 className="mb-2 text-lg font-semibold">{t("byCity")}</h2>
        <div className="grid gap-4 lg:grid-cols-2">
          <CircleMap cities={data.byCity} hrefFor={(city) => ledgerHref(query, { city })} />
          <LightBarChart rows={rows(data.byCity, "city")} testId="chart-cities" />
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
              {t("unitsCharted", { shown: units.shown.length, total: units.total })} ·{" "}
              <Link href={ledgerHref(query, { group: "leadUnit" })} className="text-red-900 hover:underline">{t("seeAll")}</Link>
            </p>
          )
        }
      />

      <div className="grid gap-4 md:grid-cols-2">
        <MeasureList title={t("overdueList")} items={data.lists.overdue} href={ledgerHref(query, { light: "RED" })} />
        <MeasureList title={t("dueSoonList")} items={data.lists.dueSoon} href={ledgerHref(query, { light: "BLUE" })} />
        <MeasureList title={t("returnedList")} items={data.lists.returned} href={ledgerHref(query, { light: "YELLOW" })} />
        <section className="rounded border border-slate-200 bg-white p-4">
          <h2 className="mb-2 font-semibold">{t("missingList")}</h2>
          <p>
            {t("cardReportsMissing")}: <strong>{data.reporting.missing}</strong> ·{" "}
            <Link href="/missing" className="text-red-900 hover:underline">{t("seeAll")}</Link>
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
    <section className="rounded border border-slate-200 bg-white p-4 break-inside-avoid">
      <h2 className="mb-2 text-lg font-semibold">{props.title}</h2>
      <LightBarChart rows={props.rows} layout={props.layout} height={props.height} testId={props.testId} />
      {props.note}
      <details className="mt-2 text-sm print:hidden">
        <summary className="cursor-pointer">{props.tableLabel}</summary>
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
                    {row[light] ? <Link href={row.hrefs[light]} className="text-red-900 hover:underline">{row[light]}</Link> : 0}
                  </td>
                ))}
                <td className="text-right tabular-nums">{lights.reduce((sum, light) => sum + row[light], 0)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}

async function MeasureList({ title, items, href }: { title: string; items: MeasureItem[]; href: string }) {
  const [locale, format, t] = await Promise.all([getLocale(), getFormatter(), getTranslations("dashboard")]);
  return (
    <section className="rounded border border-slate-200 bg-white p-4">
      <h2 className="mb-2 font-semibold">
        {title} · <Link href={href} className="text-sm font-normal text-red-900 hover:underline">{t("seeAll")}</Link>
      </h2>
      {items.length === 0 ? (
        <p>{t("none")}</p>
      ) : (
        <ul className="space-y-1 text-sm">
          {items.map((item) => (
            <li key={item.code}>
              <Link href={`/measures/${item.code}`} className="text-red-900 hover:underline">
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
