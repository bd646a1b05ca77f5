import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { SampleDataBanner } from "@/components/layout/sample-data-banner";
import { ReviewQueue, type ReviewViewRow } from "@/components/reviews/review-queue";
import { requirePageUser } from "@/lib/auth/page-guard";
import { db } from "@/lib/db";
import { localized } from "@/lib/i18n/localized";
import { getReviewItem } from "@/lib/reviews/get-review-item";
import { listReviewQueue } from "@/lib/reviews/list-review-queue";
import { reviewQueueQuerySchema } from "@/lib/reviews/schemas";
import { todayInChina } from "@/lib/tracking/dates";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("reviews"))("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ReviewsPage({ searchParams }: Props) {
  const user = await requirePageUser("report.review");
  const flat = Object.fromEntries(Object.entries(await searchParams).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]));
  const query = reviewQueueQuerySchema.parse(flat);
  // An `open` naming nothing this person may decide now (decided, not theirs, malformed) shows the panel's "no longer waiting" note.
  const now = new Date();
  const [queue, item, locale, t] = await Promise.all([
    listReviewQueue(db, user, query, todayInChina(now)),
    query.open ? getReviewItem(db, user, query.open) : null,
    getLocale(),
    getTranslations("reviews"),
  ]);
  const rows: ReviewViewRow[] = queue.rows.map((row) => ({
    key: row.key,
    kind: row.kind,
    id: row.id,
    version: row.version,
    code: row.measure.code,
    title: localized(row.measure, "title", locale),
    unit: localized(row.unit, "name", locale),
    period: row.period,
    waitingHours: Math.max(0, Math.floor((now.getTime() - row.since.getTime()) / 3_600_000)),
    light: row.light,
    role: row.role,
    openFlags: row.flags.filter((flag) => !flag.explained).length,
    explainedFlags: row.flags.filter((flag) => flag.explained).length,
  }));
  const options = {
    programmes: queue.options.programmes.map((programme) => ({ code: programme.code, label: `${programme.code} ${localized(programme, "title", locale)}` })),
    areas: queue.options.areas.map((area) => ({ code: area.code, programmeCode: area.programmeCode, label: `${area.code} ${localized(area, "title", locale)}` })),
    units: queue.options.units.map((unit) => ({ id: unit.id, label: localized(unit, "name", locale) })),
  };
  return (
    <>
      <h1 className="mb-3 text-2xl font-semibold">{t("title")}</h1>
      {queue.hasSample && <SampleDataBanner />}
      <ReviewQueue rows={rows} matching={queue.matching} total={queue.total} page={queue.page} pageCount={queue.pageCount} query={query} options={options} item={query.open ? item : flat.open ? null : undefined} />
    </>
  );
}
