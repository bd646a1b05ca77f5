import { getTranslations } from "next-intl/server";
import { cache } from "react";
import { NavLink } from "@/components/layout/nav-link";
import { db } from "@/lib/db";
import { countMyWork } from "@/lib/my-work/list-my-work";
import type { MyWorkUser } from "@/lib/my-work/my-work-sql";
import { getTrackingSettings } from "@/lib/tracking/settings";

// The header shows this link twice (desktop bar, phone menu): one count per request.
const myWorkCount = cache(async (user: MyWorkUser) => countMyWork(db, user, new Date(), await getTrackingSettings(db)));

/** The header's "My work" link with the number of items as a badge; `testIds` on only one copy. */
export async function MyWorkLink({ user, testIds = true }: { user: MyWorkUser; testIds?: boolean }) {
  const [count, t] = await Promise.all([myWorkCount(user), getTranslations("nav")]);
  return (
    // No prefetch: opening My work records the visit, which a prefetch must not do.
    <NavLink href="/" exact prefetch={false} className="inline-flex items-center gap-1" testId={testIds ? "my-work-link" : undefined}>
      {t("myWork")}
      {count > 0 && (
        <span className="rounded-full bg-red-800 px-1.5 text-xs font-normal text-white" data-testid={testIds ? "my-work-badge" : undefined}>
          <span aria-hidden="true">{count}</span>
          <span className="sr-only">{t("myWorkBadge", { count })}</span>
        </span>
      )}
    </NavLink>
  );
}
