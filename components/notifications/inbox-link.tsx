import { getTranslations } from "next-intl/server";
import { NavLink } from "@/components/layout/nav-link";
import { db } from "@/lib/db";
import { unreadCount } from "@/lib/notifications/inbox";

/** The header's inbox link with the number of unread notifications (in the bar at every width). */
export async function InboxLink({ userId }: { userId: string }) {
  const [count, tNav, t] = await Promise.all([unreadCount(db, userId), getTranslations("nav"), getTranslations("notifications.inbox")]);
  return (
    <NavLink href="/inbox" className="inline-flex items-center gap-1" testId="inbox-link">
      {tNav("inbox")}
      {count > 0 && (
        <span className="rounded-full bg-red-700 px-1.5 text-xs font-normal text-white" aria-label={t("unreadBadge", { count })} data-testid="inbox-badge">
          {count > 99 ? "99+" : count}
        </span>
      )}
    </NavLink>
  );
}
