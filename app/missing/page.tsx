import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { requirePageUser } from "@/lib/auth/page-guard";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { localized } from "@/lib/i18n/localized";
import { listMissingReports } from "@/lib/reports/list-missing-reports";
import { periodSchema } from "@/lib/reports/schemas";
import { formatPeriod, monthOf, parsePeriod, reportingDeadline, todayInChina } from "@/lib/tracking/dates";
import { getTrackingSettings } from "@/lib/tracking/settings";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("missing"))("title") };
}

type Props = { searchParams: Promise<{ period?: string | string[] }> };

export default async function MissingReportsPage({ searchParams }: Props) {
  // Who has not reported is open to every signed-in user (measure.read), so units see it too.
  const user = await requirePageUser();
  const requested = periodSchema.safeParse((await searchParams).period);
  const today = todayInChina();
  const period = requested.success ? requested.data : formatPeriod(monthOf(today));
  const periodStart = parsePeriod(period);
  const settings = await getTrackingSettings(db);
  const [units, locale, format, t, tCollection] = await Promise.all([
    listMissingReports(db, periodStart),
    getLocale(),
    getFormatter(),
    getTranslations("missing"),
    getTranslations("reportCollection"),
  ]);
  const deadline = reportingDeadline(periodStart, settings.reportingDay);
  const missingCount = units.reduce((sum, unit) => sum + unit.missing.length, 0);
  return (
    <>
      <h1 className="mb-2 text-2xl font-semibold">{t("title")}</h1>
      <p className="mb-3 text-slate-600">
        {t("intro", { period: format.dateTime(periodStart, { year: "numeric", month: "long" }), day: settings.reportingDay })}{" "}
        <strong>{today > deadline ? t("pastDeadline") : t("beforeDeadline")}</strong>
      </p>
      <form method="get" className="mb-4 flex items-end gap-2 text-sm">
        <label className="flex flex-col gap-1">
          {t("period")}
          <input type="month" name="period" defaultValue={period} className="rounded border border-slate-300 px-2 py-1" />
        </label>
        <button type="submit" className="rounded bg-red-800 px-3 py-1 text-white">{t("show")}</button>
        {can(user, "report.collect") && (
          <Link href="/reports/collect" className="ml-auto text-red-900 underline" data-testid="collect-link">
            {tCollection("missingLink")}
          </Link>
        )}
      </form>
      {units.length === 0 ? (
        <p>{t("none")}</p>
      ) : (
        <>
          <p className="mb-2 font-medium" data-testid="missing-total">{t("totalMissing", { count: missingCount })}</p>
          <ul className="space-y-3">
            {units.map((entry) => (
              <li key={entry.unit.code} className="rounded border border-slate-200 bg-white p-3" data-unit-code={entry.unit.code}>
                <h2 className="font-semibold">
                  {t("unitLine", { unit: localized(entry.unit, "name", locale), expected: entry.expected, missing: entry.missing.length })}
                </h2>
                <ul className="mt-1 list-disc pl-6 text-sm">
                  {entry.missing.map((measure) => (
                    <li key={measure.code}>
                      <Link href={`/measures/${measure.code}?period=${period}`} className="text-red-900 hover:underline">
                        {measure.code} {localized(measure, "title", locale)}
                      </Link>{" "}
                      · {t(measure.state ? `state${measure.state}` : "stateNone")}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
