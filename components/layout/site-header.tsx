import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { can } from "@/lib/auth/permissions";
import { getSessionUser } from "@/lib/auth/session-user";
import { LanguageSwitch } from "@/components/layout/language-switch";
import { LogoutButton } from "@/components/account/logout-button";
import { InboxLink } from "@/components/notifications/inbox-link";
import { MyWorkLink } from "@/components/my-work/my-work-link";

export async function SiteHeader() {
  const [user, t, tNav, tRoles] = await Promise.all([
    getSessionUser(),
    getTranslations("app"),
    getTranslations("nav"),
    getTranslations("roles"),
  ]);
  return (
    <header className="border-b border-slate-200 bg-white print:hidden">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-3">
        <Link href="/" prefetch={false} className="text-lg font-semibold text-red-800">
          {t("fullName")}
        </Link>
        <div className="flex flex-wrap items-center gap-2 text-sm">
          {user && (
            <nav aria-label={tNav("mainNav")} className="flex flex-wrap items-center gap-1">
              <MyWorkLink user={user} />
              <Link href="/catalogue" className="rounded px-2 py-1 hover:bg-slate-100">{tNav("catalogue")}</Link>
              <Link href="/dashboard" className="rounded px-2 py-1 hover:bg-slate-100">{tNav("dashboard")}</Link>
              <Link href="/ledger" className="rounded px-2 py-1 hover:bg-slate-100">{tNav("ledger")}</Link>
              <Link href="/timeline" className="rounded px-2 py-1 hover:bg-slate-100">{tNav("timeline")}</Link>
              <Link href="/bulletin" className="rounded px-2 py-1 hover:bg-slate-100">{tNav("bulletin")}</Link>
              {can(user, "report.review") && <Link href="/reviews" className="rounded px-2 py-1 hover:bg-slate-100">{tNav("reviews")}</Link>}
              <Link href="/missing" className="rounded px-2 py-1 hover:bg-slate-100">{tNav("missing")}</Link>
              {can(user, "score.read") && <Link href="/scores" className="rounded px-2 py-1 hover:bg-slate-100">{tNav("scores")}</Link>}
              {can(user, "notice.read") && <Link href="/notices" className="rounded px-2 py-1 hover:bg-slate-100">{tNav("notices")}</Link>}
              {can(user, "user.manage") && <Link href="/admin/users" className="rounded px-2 py-1 hover:bg-slate-100">{tNav("users")}</Link>}
              {can(user, "unit.manage") && <Link href="/admin/units" className="rounded px-2 py-1 hover:bg-slate-100">{tNav("units")}</Link>}
              {can(user, "catalogue.manage") && <Link href="/admin/import" className="rounded px-2 py-1 hover:bg-slate-100">{tNav("import")}</Link>}
              {can(user, "settings.manage") && <Link href="/admin/settings" className="rounded px-2 py-1 hover:bg-slate-100">{tNav("settings")}</Link>}
              {can(user, "jobs.view") && <Link href="/admin/jobs" className="rounded px-2 py-1 hover:bg-slate-100">{tNav("jobs")}</Link>}
              {can(user, "account.notifications") && <InboxLink userId={user.id} />}
              <Link href="/account/password" className="rounded px-2 py-1 hover:bg-slate-100">{tNav("password")}</Link>
              <Link href="/account/tokens" className="rounded px-2 py-1 hover:bg-slate-100">{tNav("apiTokens")}</Link>
              <Link href="/api-docs" className="rounded px-2 py-1 hover:bg-slate-100">{tNav("apiDocs")}</Link>
              <span className="px-2 text-slate-500" data-testid="signed-in-as">
                {tNav("signedInAs", { name: user.displayName, role: tRoles(user.role) })}
              </span>
              <LogoutButton />
            </nav>
          )}
          <LanguageSwitch />
        </div>
      </div>
    </header>
  );
}
