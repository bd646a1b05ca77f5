import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { SampleDataBanner } from "@/components/layout/sample-data-banner";
import { requirePageUser } from "@/lib/auth/page-guard";
import { db } from "@/lib/db";
import { localized } from "@/lib/i18n/localized";
import { listReportsToReview } from "@/lib/reports/list-reports-to-review";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("reviews"))("title") };
}

export default async function ReviewsPage() {
  const user = await requirePageUser("report.review");
  const [{ reports, hasSample }, locale, format, t, tAuthority] = await Promise.all([
    listReportsToReview(db, user.id),
    getLocale(),
    getFormatter(),
    getTranslations("reviews"),
    getTranslations("leadAuthority"),
  ]);
  return (
    <>
      <h1 className="mb-3 text-2xl font-semibold">{t("title")}</h1>
      {hasSample && <SampleDataBanner />}
      {reports.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <>
          <p className="mb-2 text-sm text-slate-600">{t("count", { count: reports.length })}</p>
          <ul className="space-y-2">
            {reports.map((report) => (
              <li key={report.id} className="rounded border border-slate-200 bg-white p-3">
                <Link href={`/measures/${report.measure.code}`} className="font-medium text-red-900 hover:underline">
                  {report.measure.code} {localized(report.measure, "title", locale)}
                </Link>
                <p className="text-sm text-slate-600">
                  {t("line", {
                    period: format.dateTime(report.period, { year: "numeric", month: "long" }),
                    unit: localized(report.unit, "name", locale),
                    author: report.author.displayName,
                    percent: report.percentComplete,
                  })}{" "}
                  <span data-report-role={report.unit.id === report.measure.leadUnitId ? "lead" : "cooperating"}>
                    ({report.unit.id === report.measure.leadUnitId ? tAuthority("reviewLead") : tAuthority("reviewCooperating")})
                  </span>
                </p>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
