import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { forbidden, notFound } from "next/navigation";
import { NoticeDetailView } from "@/components/notices/notice-detail";
import { requirePageUser } from "@/lib/auth/page-guard";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { loadNoticePage } from "@/lib/notices/load-notice-page";
import { todayInChina } from "@/lib/tracking/dates";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("notices"))("title") };
}

export default async function NoticePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser("notice.read");
  const { id } = await params;
  const page = await loadNoticePage(db, user, decodeURIComponent(id).slice(0, 40), todayInChina()).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "FORBIDDEN") forbidden();
    throw error;
  });
  if (!page) notFound();
  return <NoticeDetailView {...page} />;
}
