import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { SampleDataBanner } from "@/components/layout/sample-data-banner";
import { ScoreComponentCell, ScoreListBadge } from "@/components/scoring/score-cells";
import { ScoresFilterForm } from "@/components/scoring/scores-filter-form";
import { requirePageUser } from "@/lib/auth/page-guard";
import { db } from "@/lib/db";
import { localized } from "@/lib/i18n/localized";
import { listLedgerFilterOptions } from "@/lib/ledger/filter-options";
import { computeUnitScores, SCORE_COMPONENTS } from "@/lib/scoring/compute-unit-scores";
import { parseScoresPageQuery, scopeOf } from "@/lib/scoring/schemas";
import { formatPeriod, monthOf, parsePeriod, todayInChina } from "@/lib/tracking/dates";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("scoring"))("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ScoresPage({ searchParams }: Props) {
  await requirePageUser("score.read");
  const today = todayInChina();
  const query = parseScoresPageQuery(await searchParams, today);
  const [scores, options, locale, format, t] = await Promise.all([
    computeUnitScores(db, { month: query.month, scope: scopeOf(query) }),
    listLedgerFilterOptions(db),
    getLocale(),
    getFormatter(),
    getTranslations("scoring"),
  ]);
  const monthLabel = format.dateTime(parsePeriod(query.month), { year: "numeric", month: "long", timeZone: "UTC" });
  const scopeParams = new URLSearchParams({ month: query.month });
  for (const key of ["programme", "area", "city"] as const) if (query[key]) scopeParams.set(key, query[key]);
  const listCount = Math.min(scores.rules.listSize, Math.floor(scores.units.length / 2));
  return (
    <>
      <h1 className="mb-2 text-2xl font-semibold">{t("title")}</h1>
      {scores.hasSample && <SampleDataBanner />}
      <p className="mb-3 text-slate-600">{t("intro", { month: monthLabel, base: scores.rules.baseScore })}</p>
      <ScoresFilterForm query={query} month={query.month} maxMonth={formatPeriod(monthOf(today))} options={options} />
      {scores.units.length === 0 ? (
        <p>{t("none")}</p>
      ) : (
        <>
          <p className="mb-2 text-sm text-slate-600">{t("listNote", { count: listCount })}</p>
          <div className="overflow-x-auto" tabIndex={0}>
            <table className="card-table w-full border-collapse bg-white text-sm" data-testid="scores-table">
              <thead>
                <tr className="border-b border-slate-300 text-left">
                  <th scope="col" className="px-2 py-1">{t("rank")}</th>
                  <th scope="col" className="px-2 py-1">{t("unit")}</th>
                  <th scope="col" className="px-2 py-1">{t("score")}</th>
                  <th scope="col" className="px-2 py-1">{t("list")}</th>
                  {SCORE_COMPONENTS.map((key) => (
                    <th key={key} scope="col" className="px-2 py-1">{t(`components.${key}`)}</th>
                  ))}
                  <th scope="col" className="px-2 py-1">{t("breakdown")}</th>
                </tr>
              </thead>
              <tbody>
                {scores.units.map((unit) => (
                  <tr
                    key={unit.unit.id}
                    data-unit-code={unit.unit.code}
                    data-list={unit.list ?? ""}
                    className={`border-b border-slate-200 align-top ${unit.list === "red" ? "bg-red-50" : unit.list === "black" ? "bg-slate-100" : ""}`}
                  >
                    <td className="px-2 py-1" data-card-first data-label={t("rank")}>{unit.rank}</td>
                    <th scope="row" className="px-2 py-1 text-left font-medium" data-card-wide>{localized(unit.unit, "name", locale)}</th>
                    <td className="px-2 py-1 font-semibold" data-testid="score-total" data-label={t("score")}>{format.number(unit.total, { maximumFractionDigits: 2 })}</td>
                    <td className="px-2 py-1" data-card-first><ScoreListBadge list={unit.list} /></td>
                    {SCORE_COMPONENTS.map((key) => (
                      <td key={key} className="px-2 py-1" data-label={t(`components.${key}`)}><ScoreComponentCell component={unit.components[key]} /></td>
                    ))}
                    <td className="px-2 py-1">
                      <Link href={`/scores/${encodeURIComponent(unit.unit.code)}?${scopeParams}`} className="text-red-900 hover:underline" data-testid="score-breakdown-link">
                        {t("viewBreakdown")}
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </>
  );
}
