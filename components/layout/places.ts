import type { getTranslations } from "next-intl/server";
import { can } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session-user";

export type Place = { href: string; label: string };
type T = Awaited<ReturnType<typeof getTranslations>>;

/**
 * The header's places for this user, grouped as the header shows them. Hiding a
 * link is only convenience: every page checks its permission itself.
 */
export function placesFor(user: SessionUser, tNav: T, tShell: T) {
  const when = (allowed: boolean, place: Place) => (allowed ? [place] : []);
  const main: Place[] = [
    { href: "/ledger", label: tShell("main.ledger") },
    { href: "/dashboard", label: tShell("main.dashboard") },
    { href: "/timeline", label: tShell("main.timeline") },
    ...when(can(user, "report.review"), { href: "/reviews", label: tShell("main.reviews") }),
    { href: "/bulletin", label: tShell("main.bulletin") },
  ];
  const more: Place[] = [
    { href: "/catalogue", label: tNav("catalogue") },
    { href: "/missing", label: tNav("missing") },
    ...when(can(user, "notice.read"), { href: "/notices", label: tNav("notices") }),
    ...when(can(user, "score.read"), { href: "/scores", label: tNav("scores") }),
  ];
  const admin: Place[] = [
    ...when(can(user, "user.manage"), { href: "/admin/users", label: tNav("users") }),
    ...when(can(user, "unit.manage"), { href: "/admin/units", label: tNav("units") }),
    ...when(can(user, "catalogue.manage"), { href: "/admin/import", label: tNav("import") }),
    ...when(can(user, "settings.manage"), { href: "/admin/settings", label: tNav("settings") }),
    ...when(can(user, "jobs.view"), { href: "/admin/jobs", label: tNav("jobs") }),
  ];
  const account: Place[] = [
    { href: "/account/password", label: tNav("password") },
    { href: "/account/tokens", label: tNav("apiTokens") },
    ...when(can(user, "account.notifications"), { href: "/account/notifications", label: tNav("notificationSettings") }),
    { href: "/api-docs", label: tNav("apiDocs") },
  ];
  return { main, more, admin, account };
}
