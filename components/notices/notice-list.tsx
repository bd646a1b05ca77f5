import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { localized } from "@/lib/i18n/localized";
import type { ListNoticesQuery, NoticeJson } from "@/lib/notices/api-schemas";
import { NoticeLevelBadge, NoticeStateBadge } from "./notice-badges";

type Props = {
  notices: NoticeJson[];
  total: number;
  /** Per notice: show the "no active official" flag (admins, and the issuer of the notice). */
  flags: boolean[];
};

/** Notices as a table (cards on a phone, level and state first): number, measure, level, state, recipients, reply deadline. */
export async function NoticeList({ notices, total, flags }: Props) {
  const [t, locale, format] = await Promise.all([getTranslations("notices"), getLocale(), getFormatter()]);
  if (notices.length === 0) return <p>{t("none")}</p>;
  return (
    <>
      <p className="mb-2 text-sm text-slate-600">
        {t("total", { total })} {total > notices.length && t("moreNotShown", { shown: notices.length })}
      </p>
      <div className="overflow-x-auto" tabIndex={0}>
        <table className="card-table w-full border-collapse text-sm" data-testid="notice-list">
          <thead>
            <tr className="border-b border-slate-300 text-left">
              <th className="px-2 py-1">{t("columns.serial")}</th>
              <th className="px-2 py-1">{t("columns.measure")}</th>
              <th className="px-2 py-1">{t("columns.level")}</th>
              <th className="px-2 py-1">{t("columns.state")}</th>
              <th className="px-2 py-1">{t("columns.recipients")}</th>
              <th className="px-2 py-1">{t("columns.replyDueDate")}</th>
              <th className="px-2 py-1">{t("columns.issuedBy")}</th>
            </tr>
          </thead>
          <tbody>
            {notices.map((notice, index) => (
              <tr key={notice.id} className="border-b border-slate-200 align-top">
                <td className="px-2 py-1 whitespace-nowrap">
                  <Link href={`/notices/${notice.id}`} className="text-red-900 hover:underline">
                    {t("label", { year: notice.year, number: notice.number })}
                  </Link>
                </td>
                <td className="px-2 py-1" data-card-wide>
                  <span className="font-mono text-slate-600">{notice.measure.code}</span> {localized(notice.measure, "title", locale)}
                </td>
                <td className="px-2 py-1" data-card-first><NoticeLevelBadge level={notice.level} /></td>
                <td className="px-2 py-1" data-card-first><NoticeStateBadge state={notice.state} overdue={notice.overdue} /></td>
                <td className="px-2 py-1" data-card-wide data-label={t("columns.recipients")}>
                  {notice.recipients.map((recipient) => (
                    <span key={recipient.unit.code} className="mr-2 inline-block">
                      {localized(recipient.unit, "name", locale)}
                      {recipient.isLead && <span className="text-xs text-slate-500"> ({t("lead")})</span>}
                      {!recipient.hasActiveOfficial && flags[index] && (
                        <span className="ml-1 rounded border border-amber-400 bg-amber-50 px-1 text-xs text-amber-900" data-testid="no-official-flag">
                          ⚠ {t("noOfficial")}
                        </span>
                      )}
                    </span>
                  ))}
                </td>
                <td className="px-2 py-1 whitespace-nowrap" data-label={t("columns.replyDueDate")}>{format.dateTime(new Date(`${notice.replyDueDate}T00:00:00Z`), { dateStyle: "medium", timeZone: "UTC" })}</td>
                <td className="px-2 py-1" data-label={t("columns.issuedBy")}>{notice.issuedBy ?? t("automatic")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

/** The filters of /notices, as a plain GET form (works without JavaScript). */
export async function NoticeFilters({ query, units }: { query: ListNoticesQuery; units: { code: string; nameZh: string; nameEn: string }[] }) {
  const [t, locale] = await Promise.all([getTranslations("notices"), getLocale()]);
  const select = "rounded border border-slate-300 px-2 py-1";
  return (
    <form method="get" action="/notices" className="mb-4 flex flex-wrap items-end gap-3 text-sm" aria-label={t("filters.label")}>
      <label className="flex flex-col gap-1">
        {t("filters.state")}
        <select name="state" defaultValue={query.state ?? ""} className={select}>
          <option value="">{t("filters.any")}</option>
          <option value="active">{t("filters.active")}</option>
          {(["OPEN", "REPLIED", "RETURNED", "ACCEPTED", "ESCALATED"] as const).map((state) => (
            <option key={state} value={state}>{t(`states.${state}`)}</option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1">
        {t("filters.level")}
        <select name="level" defaultValue={query.level ?? ""} className={select}>
          <option value="">{t("filters.any")}</option>
          {(["REMINDER", "SUPERVISE", "SPECIAL"] as const).map((level) => (
            <option key={level} value={level}>{t("levelOption", { level: t(`levels.${level}`), colour: t(`levelColours.${level}`) })}</option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1">
        {t("filters.unit")}
        <select name="unit" defaultValue={query.unit ?? ""} className={select}>
          <option value="">{t("filters.any")}</option>
          {units.map((unit) => (
            <option key={unit.code} value={unit.code}>{localized(unit, "name", locale)}</option>
          ))}
        </select>
      </label>
      {query.measure && <input type="hidden" name="measure" value={query.measure} />}
      <label className="inline-flex items-center gap-1 pb-1">
        <input type="checkbox" name="overdue" value="1" defaultChecked={query.overdue === true} /> {t("filters.overdue")}
      </label>
      <button type="submit" className="rounded bg-red-800 px-3 py-1 text-white hover:bg-red-900">{t("filters.apply")}</button>
      <a href="/notices" className="pb-1 text-red-900 hover:underline">{t("filters.clear")}</a>
    </form>
  );
}
