import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { SampleDataBanner, SampleTag } from "@/components/layout/sample-data-banner";
import { ScoreComponentCell, ScoreListBadge } from "@/components/scoring/score-cells";
import { requirePageUser } from "@/lib/auth/page-guard";
import { db } from "@/lib/db";
import { localized } from "@/lib/i18n/localized";
import { computeUnitScores, SCORE_COMPONENTS } from "@/lib/scoring/compute-unit-scores";
import { parseScoresPageQuery, scopeOf } from "@/lib/scoring/schemas";
import { parsePeriod, todayInChina } from "@/lib/tracking/dates";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("scoring"))("breakdown") };
}

type Props = { params: Promise<{ unitCode: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** One unit's score of a month: each component, and the measures that cost points, with links to them. */
export default async function UnitScorePage({ params, searchParams }: Props) {
  await requirePageUser("score.read");
  const today = todayInChina();
  const [{ unitCode }, query] = [await params, parseScoresPageQuery(await searchParams, today)];
  const code = decodeURIComponent(unitCode);
  const [scores, locale, format, t, tLights] = await Promise.all([
    computeUnitScores(db, { month: query.month, scope: scopeOf(query) }),
    getLocale(),
    getFormatter(),
    getTranslations("scoring"),
    getTranslations("lights"),
  ]);
  const monthLabel = format.dateTime(parsePeriod(query.month), { year: "numeric", month: "long", timeZone: "UTC" });
  const scopeParams = new URLSearchParams({ month: query.month });
  for (const key of ["programme", "area", "city"] as const) if (query[key]) scopeParams.set(key, query[key]);
  const score = scores.units.find((unit) => unit.unit.code === code);
  const back = (
    <Link href={`/scores?${scopeParams}`} className="text-sm text-red-900 hover:underline">{t("backToRanking")}</Link>
  );
  if (!score) {
    return (
      <>
        <h1 className="mb-2 text-2xl font-semibold">{t("breakdown")}</h1>
        <p className="mb-3">{t("unknownUnit")}</p>
        {back}
      </>
    );
  }
  const day = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeZone: "UTC" });
  return (
    <>
      <p className="mb-2">{back}</p>
      <h1 className="mb-2 text-2xl font-semibold">{t("unitTitle", { unit: localized(score.unit, "name", locale), month: monthLabel })}</h1>
      {score.hasSample && <SampleDataBanner />}
      <p className="mb-3 flex items-center gap-2" data-testid="unit-score-total">
        {t("totalLine", { total: format.number(score.total, { maximumFractionDigits: 2 }), base: scores.rules.baseScore, rank: score.rank })}
        <ScoreListBadge list={score.list} />
      </p>
      <table className="mb-6 border-collapse bg-white text-sm">
        <tbody>
          {SCORE_COMPONENTS.map((key) => (
            <tr key={key} className="border-b border-slate-200 align-top">
              <th scope="row" className="px-2 py-1 text-left font-medium">{t(`components.${key}`)}</th>
              <td className="px-2 py-1"><ScoreComponentCell component={score.components[key]} /></td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2 className="mb-2 text-xl font-semibold">{t("costsTitle")}</h2>
      {score.costs.length === 0 ? (
        <p>{t("noCosts")}</p>
      ) : (
        <ul className="list-disc space-y-1 pl-6 text-sm" data-testid="score-costs">
          {score.costs.map((cost, index) => (
            <li key={index}>
              <span className="font-medium">{t(`components.${cost.component}`)}</span>
              {" · "}
              {t(`reasons.${cost.reason}`)}
              {" · "}
              <Link href={`/measures/${encodeURIComponent(cost.measure.code)}?period=${query.month}`} className="text-red-900 hover:underline">
                {cost.measure.code} {localized(cost.measure, "title", locale)}
              </Link>
              {cost.measure.isSample && <SampleTag />}
              {cost.light && <span className="text-slate-600"> · {t("lights", { light: tLights(cost.light) })}</span>}
              {cost.notice && <span className="text-slate-600"> · {t("notice", { notice: cost.notice })}</span>}
              {cost.dueDate && <span className="text-slate-600"> · {t("dueDate", { date: day(cost.dueDate) })}</span>}
              {cost.at && <span className="text-slate-600"> · {t("at", { at: format.dateTime(cost.at, { dateStyle: "medium", timeStyle: "short" }) })}</span>}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
