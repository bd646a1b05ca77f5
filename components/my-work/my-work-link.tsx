import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { db } from "@/lib/db";
import { countMyWork } from "@/lib/my-work/list-my-work";
import type { MyWorkUser } from "@/lib/my-work/my-work-sql";
import { getTrackingSettings } from "@/lib/tracking/settings";

/** The header's "My work" link with the number of items as a badge. */
export async function MyWorkLink({ user }: { user: MyWorkUser }) {
  const [settings, t] = await Promise.all([getTrackingSettings(db), getTranslations("nav")]);
  const count = await countMyWork(db, user, new Date(), settings);
  return (
    // No prefetch: opening My work records the visit, which a prefetch must not do.
    <Link href="/" prefetch={false} className="inline-flex items-center gap-1 rounded px-2 py-1 font-medium hover:bg-slate-100" data-testid="my-work-link">
      {t("myWork")}
      {count > 0 && (
        <span className="rounded-full bg-red-800 px-1.5 text-xs text-white" data-testid="my-work-badge">
          <span aria-hidden="true">{count}</span>
          <span className="sr-only">{t("myWorkBadge", { count })}</span>
        </span>
      )}
    </Link>
  );
}
