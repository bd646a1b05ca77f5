import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { MeasureDetailView } from "@/components/measure/measure-detail";
import { MeasureNotices } from "@/components/notices/measure-notices";
import { requirePageUser } from "@/lib/auth/page-guard";
import { db } from "@/lib/db";
import { localized } from "@/lib/i18n/localized";
import { getMeasureByCode } from "@/lib/measures/get-measure-by-code";
import { loadMeasurePage } from "@/lib/measures/load-measure-page";
import { loadMeasureNotices } from "@/lib/notices/load-notice-page";
import { formatPeriod, parsePeriod } from "@/lib/tracking/dates";
import { attachmentLimits, megabytes } from "@/lib/attachments/limits";
import { listAttachments } from "@/lib/attachments/list-attachments";
import { can } from "@/lib/auth/permissions";
import { loadCredibilityFlags } from "@/lib/credibility/load-flags";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ code: string }>; searchParams: Promise<{ period?: string | string[]; tab?: string | string[] }> };
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const user = await requirePageUser();
  const { code } = await params;
  // The same arguments as the page's own call, so the request's cache serves both.
  const measure = await getMeasureByCode(db, decodeURIComponent(code), user.unitId);
  if (!measure) return {};
  return { title: `${measure.code} ${localized(measure, "title", await getLocale())}` };
}

export default async function MeasurePage({ params, searchParams }: Props) {
  const user = await requirePageUser();
  const { code } = await params;
  const query = await searchParams;
  const period = first(query.period);
  const page = await loadMeasurePage(db, user, decodeURIComponent(code), period);
  if (!page) notFound();
  // Reviewers see the credibility flags of the submitted reports before deciding (one batched read).
  const submittedIds = can(user, "report.review") ? page.measure.progressReports.filter((report) => report.state === "SUBMITTED").map((report) => report.id) : [];
  const [locale, format, tNotices, notices, files, credibility] = await Promise.all([
    getLocale(),
    getFormatter(),
    getTranslations("notices"),
    loadMeasureNotices(db, user, page.measure, page.today),
    listAttachments(db, user, page.measure.id),
    loadCredibilityFlags(db, submittedIds),
  ]);
  const { reportSlot } = page;
  const limits = attachmentLimits();
  const ownReport = reportSlot && page.measure.progressReports.find((report) => report.unit.id === user.unitId && formatPeriod(report.period) === reportSlot.period);
  return (
    <MeasureDetailView
      {...page}
      requested={{ tab: first(query.tab) ?? null, period: period ?? null }}
      notices={notices.canRead || notices.canIssue ? { title: tNotices("measureNotices"), content: <MeasureNotices measureCode={page.measure.code} data={notices} /> } : undefined}
      reportSlot={
        reportSlot && {
          ...reportSlot,
          unitName: localized(reportSlot.unit, "name", locale),
          periodLabel: format.dateTime(parsePeriod(reportSlot.period), { year: "numeric", month: "long" }),
          reportId: ownReport?.id ?? null,
        }
      }
      credibility={Object.fromEntries(credibility)}
      attachments={{ files, limits: { fileMb: megabytes(limits.maxFileBytes), totalMb: megabytes(limits.maxParentBytes) } }}
    />
  );
}
