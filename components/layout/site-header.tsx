import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LogoutButton } from "@/components/account/logout-button";
import { DisclosureMenu } from "@/components/layout/disclosure-menu";
import { LanguageSwitch } from "@/components/layout/language-switch";
import { NavLink } from "@/components/layout/nav-link";
import { placesFor, type Place } from "@/components/layout/places";
import { MyWorkLink } from "@/components/my-work/my-work-link";
import { InboxLink } from "@/components/notifications/inbox-link";
import { can } from "@/lib/auth/permissions";
import { getSessionUser } from "@/lib/auth/session-user";
import { isDatabaseUnavailable } from "@/lib/errors/database-unavailable";

function PlaceLinks({ places, column = false }: { places: Place[]; column?: boolean }) {
  return places.map((place) => (
    <NavLink key={place.href} href={place.href} className={column ? "block" : ""}>
      {place.label}
    </NavLink>
  ));
}

/**
 * One row at desktop width: the main places, a "more" menu, the admin menu (for
 * those who may), the inbox, the language and the user menu. Below `lg` the places
 * move into one menu button.
 */
export async function SiteHeader() {
  const [user, tApp, tNav, tShell, tRoles] = await Promise.all([
    // While the database restarts the header stays up, plain; the page below shows "busy, retry" (app/error.tsx).
    getSessionUser().catch((error: unknown) => {
      if (isDatabaseUnavailable(error)) return null;
      throw error;
    }),
    getTranslations("app"),
    getTranslations("nav"),
    getTranslations("shell"),
    getTranslations("roles"),
  ]);
  const places = user ? placesFor(user, tNav, tShell) : null;
  const sectionTitle = "px-2 pt-2 pb-1 text-xs font-semibold text-slate-600";
  return (
    <header className="relative border-b border-slate-200 bg-white print:hidden">
      <div className="mx-auto flex h-14 max-w-6xl items-center gap-2 px-4 text-sm">
        <Link href="/" prefetch={false} title={tApp("fullName")} className="mr-2 shrink-0 text-lg font-semibold text-red-800">
          {tApp("name")}
        </Link>
        {user && places && (
          <nav aria-label={tNav("mainNav")} className="hidden min-w-0 items-center gap-1 lg:flex">
            <MyWorkLink user={user} />
            <PlaceLinks places={places.main} />
            <DisclosureMenu label={tShell("more")} buttonTestId="more-menu">
              <PlaceLinks places={places.more} column />
            </DisclosureMenu>
            {places.admin.length > 0 && (
              <DisclosureMenu label={tShell("admin")} buttonTestId="admin-menu">
                <PlaceLinks places={places.admin} column />
              </DisclosureMenu>
            )}
          </nav>
        )}
        <div className="ml-auto flex shrink-0 items-center gap-1">
          {user && can(user, "account.notifications") && <InboxLink userId={user.id} />}
          <div className={user ? "hidden sm:block" : ""}>
            <LanguageSwitch />
          </div>
          {user && (
            <DisclosureMenu
              label={
                <span data-testid="signed-in-as" className="max-w-32 truncate">
                  <span className="sr-only">{tNav("signedInAs", { name: user.displayName, role: tRoles(user.role) })}</span>
                  <span aria-hidden="true">{user.displayName}</span>
                </span>
              }
              buttonTestId="user-menu"
            >
              <p className="px-2 pb-2 text-slate-600">{tNav("signedInAs", { name: user.displayName, role: tRoles(user.role) })}</p>
              <div className="flex flex-col border-t border-slate-200 pt-1">
                <PlaceLinks places={places?.account ?? []} column />
                <LogoutButton />
              </div>
            </DisclosureMenu>
          )}
          {user && places && (
            <DisclosureMenu
              label={tShell("menu")}
              align="bar"
              className="lg:hidden"
              buttonClassName="border border-slate-300"
              buttonTestId="phone-menu"
              panelTestId="phone-menu-panel"
            >
              <nav aria-label={tNav("mainNav")} className="mx-auto grid max-w-6xl gap-1 px-2 sm:grid-cols-2">
                <div className="flex flex-col">
                  <MyWorkLink user={user} testIds={false} />
                  <PlaceLinks places={places.main} column />
                </div>
                <div className="flex flex-col">
                  <PlaceLinks places={places.more} column />
                  {places.admin.length > 0 && <p className={sectionTitle}>{tShell("admin")}</p>}
                  <PlaceLinks places={places.admin} column />
                </div>
              </nav>
              <div className="mt-2 border-t border-slate-200 px-2 pt-2 sm:hidden">
                <LanguageSwitch />
              </div>
            </DisclosureMenu>
          )}
        </div>
      </div>
    </header>
  );
}
