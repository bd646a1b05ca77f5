import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { SessionUser } from "@/lib/auth/session-user";
import { linkFor, noticeLinks } from "@/lib/dashboard/dashboard-links";
import type { noticeCountsByUnit } from "@/lib/dashboard/notice-counts";
import type { DashboardQuery } from "@/lib/dashboard/schemas";
import { localized } from "@/lib/i18n/localized";

/** A count, as a link to its list where the user may open it. */
function Count({ count, href, testId }: { count: number; href: string | null; testId?: string }) {
  const number = <span data-testid={testId}>{count}</span>;
  return href ? <Link href={href} className="text-red-900 hover:underline">{number}</Link> : number;
}

/** The dashboard's notices per recipient unit, each count a link to /notices filtered to the same scope. */
export async function NoticeCounts({ counts, query, user }: {
  counts: Awaited<ReturnType<typeof noticeCountsByUnit>>;
  query: DashboardQuery;
  user: Pick<SessionUser, "role" | "unitId">;
}) {
  const [t, locale] = await Promise.all([getTranslations("notices"), getLocale()]);
  const links = noticeLinks(counts, query);
  const link = (href: string) => linkFor(user, href);
  return (
    <section className="mt-6 rounded border border-slate-200 bg-white p-4" data-testid="dashboard-notices">
      <h2 className="mb-2 text-lg font-semibold">{t("dashboard.title")}</h2>
      <p className="mb-2 text-sm">
        {t("dashboard.open")}: <Count count={links.open.count} href={link(links.open.href)} testId="notices-open" />
        {" · "}
        {t("dashboard.overdue")}: <Count count={links.overdue.count} href={link(links.overdue.href)} testId="notices-overdue" />
      </p>
      {links.units.length === 0 ? (
        <p className="text-sm">{t("dashboard.none")}</p>
      ) : (
        <div className="overflow-x-auto" tabIndex={0}>
          <table className="w-full text-sm">
            <thead>
              <tr className="border-b border-slate-300 text-left">
                <th className="px-2 py-1">{t("dashboard.unit")}</th>
                <th className="px-2 py-1 text-right">{t("dashboard.open")}</th>
                <th className="px-2 py-1 text-right">{t("dashboard.overdue")}</th>
              </tr>
            </thead>
            <tbody>
              {links.units.map((unit) => (
                <tr key={unit.code} className="border-b border-slate-200" data-unit-code={unit.code}>
                  <td className="px-2 py-1">{localized(unit, "name", locale)}</td>
                  <td className="px-2 py-1 text-right"><Count count={unit.open} href={link(unit.openHref)} /></td>
                  <td className="px-2 py-1 text-right"><Count count={unit.overdue} href={link(unit.overdueHref)} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
