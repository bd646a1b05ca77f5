import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { NoticeFilters, NoticeList } from "@/components/notices/notice-list";
import { requirePageUser } from "@/lib/auth/page-guard";
import { db } from "@/lib/db";
import { parseNoticeFilters } from "@/lib/notices/list-notices";
import { loadNoticesPage, seesNoOfficialFlag } from "@/lib/notices/load-notice-page";
import { todayInChina } from "@/lib/tracking/dates";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("notices"))("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function NoticesPage({ searchParams }: Props) {
  const user = await requirePageUser("notice.read");
  const query = parseNoticeFilters(await searchParams);
  const [page, t] = await Promise.all([loadNoticesPage(db, user, query, todayInChina()), getTranslations("notices")]);
  return (
    <>
      <h1 className="mb-3 text-2xl font-semibold">{t("title")}</h1>
      <NoticeFilters query={query} units={page.units} />
      <NoticeList notices={page.items} total={page.total} flags={page.items.map((notice) => seesNoOfficialFlag(user, notice))} />
    </>
  );
}
