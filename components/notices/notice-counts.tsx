import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { noticeCountsByUnit } from "@/lib/dashboard/notice-counts";
import { localized } from "@/lib/i18n/localized";

/** The dashboard's notices per recipient unit, each count a link to /notices filtered. */
export async function NoticeCounts({ counts }: { counts: Awaited<ReturnType<typeof noticeCountsByUnit>> }) {
  const [t, locale] = await Promise.all([getTranslations("notices"), getLocale()]);
  const link = "text-red-900 hover:underline";
  return (
    <section className="mt-6 rounded border border-slate-200 bg-white p-4" data-testid="dashboard-notices">
      <h2 className="mb-2 text-lg font-semibold">{t("dashboard.title")}</h2>
      <p className="mb-2 text-sm">
        <Link href="/notices?state=active" className={link}>{t("dashboard.open")}: <span data-testid="notices-open">{counts.open}</span></Link>
        {" · "}
        <Link href="/notices?overdue=1" className={link}>{t("dashboard.overdue")}: <span data-testid="notices-overdue">{counts.overdue}</span></Link>
      </p>
      {counts.units.length === 0 ? (
        <p className="text-sm">{t("dashboard.none")}</p>
      ) : (
        <table className="w-full text-sm">
          <thead>
            <tr className="border-b border-slate-300 text-left">
              <th className="px-2 py-1">{t("dashboard.unit")}</th>
              <th className="px-2 py-1 text-right">{t("dashboard.open")}</th>
              <th className="px-2 py-1 text-right">{t("dashboard.overdue")}</th>
            </tr>
          </thead>
          <tbody>
            {counts.units.map((unit) => (
              <tr key={unit.code} className="border-b border-slate-200">
                <td className="px-2 py-1">{localized(unit, "name", locale)}</td>
                <td className="px-2 py-1 text-right">
                  <Link href={`/notices?state=active&unit=${encodeURIComponent(unit.code)}`} className={link}>{unit.open}</Link>
                </td>
                <td className="px-2 py-1 text-right">
                  <Link href={`/notices?overdue=1&unit=${encodeURIComponent(unit.code)}`} className={link}>{unit.overdue}</Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
