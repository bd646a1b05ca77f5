import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { db } from "@/lib/db";
import { unreadCount } from "@/lib/notifications/inbox";

/** The header's inbox link with the number of unread notifications. */
export async function InboxLink({ userId }: { userId: string }) {
  const [count, tNav, t] = await Promise.all([unreadCount(db, userId), getTranslations("nav"), getTranslations("notifications.inbox")]);
  return (
    <Link href="/inbox" className="rounded px-2 py-1 hover:bg-slate-100" data-testid="inbox-link">
      {tNav("inbox")}
      {count > 0 && (
        <span className="ml-1 rounded-full bg-red-700 px-1.5 text-xs text-white" aria-label={t("unreadBadge", { count })} data-testid="inbox-badge">
          {count > 99 ? "99+" : count}
        </span>
      )}
    </Link>
  );
}
