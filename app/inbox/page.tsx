import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { MarkAllReadButton, MarkReadButton } from "@/components/notifications/inbox-actions";
import { requirePageUser } from "@/lib/auth/page-guard";
import { db } from "@/lib/db";
import { isLocale } from "@/lib/i18n/config";
import { notificationLink, renderEventText } from "@/lib/notifications/event-text";
import { listInbox } from "@/lib/notifications/inbox";
import { type InboxFilter, inboxFilterSchema } from "@/lib/notifications/schemas";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("notifications.inbox"))("title") };
}

const filters: InboxFilter[] = ["unread", "read", "all"];

export default async function InboxPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser("account.notifications");
  const filter = inboxFilterSchema.parse((await searchParams).filter);
  const [items, t, format, rawLocale] = await Promise.all([
    listInbox(db, user.id, filter),
    getTranslations("notifications.inbox"),
    getFormatter(),
    getLocale(),
  ]);
  const locale = isLocale(rawLocale) ? rawLocale : "zh-CN";
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <Link href="/account/notifications" className="text-sm text-red-800 underline">
          {t("preferences")}
        </Link>
      </div>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <nav aria-label={t("filter")} className="flex gap-1 text-sm">
          {filters.map((name) => (
            <Link
              key={name}
              href={`/inbox?filter=${name}`}
              aria-current={name === filter ? "page" : undefined}
              className={`rounded px-3 py-1 ${name === filter ? "bg-red-800 text-white" : "border border-slate-300 bg-white hover:bg-slate-100"}`}
            >
              {t(name)}
            </Link>
          ))}
        </nav>
        {filter !== "read" && items.some((item) => !item.readAt) && <MarkAllReadButton />}
      </div>
      {items.length === 0 ? (
        <p className="text-sm text-slate-600" data-testid="inbox-empty">{t("empty")}</p>
      ) : (
        <ul className="flex flex-col gap-2" data-testid="inbox-list">
          {items.map((item) => (
            <li
              key={item.id}
              data-testid="inbox-item"
              data-read={item.readAt ? "true" : "false"}
              className={`flex flex-wrap items-center justify-between gap-2 rounded border p-3 ${item.readAt ? "border-slate-200 bg-white" : "border-red-200 bg-red-50"}`}
            >
              <div className="flex min-w-0 flex-col gap-1">
                <Link href={notificationLink(item)} className={`text-sm ${item.readAt ? "" : "font-semibold"} hover:underline`}>
                  {renderEventText(locale, item)}
                </Link>
                <span className="text-xs text-slate-500">{format.dateTime(item.createdAt, { dateStyle: "medium", timeStyle: "short" })}</span>
              </div>
              {!item.readAt && <MarkReadButton notificationId={item.id} />}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
