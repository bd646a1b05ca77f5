import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { LightBadge } from "@/components/light/light-badge";
import { localized } from "@/lib/i18n/localized";
import type { MyWorkItem } from "@/lib/my-work/list-my-work";
import type { Urgency } from "@/lib/my-work/my-work-sql";
import { parsePeriod } from "@/lib/tracking/dates";
import { lights, type Light } from "@/lib/tracking/light";

// Urgency is written out and has its own shape, not only a colour.
const urgencyLook: Record<Urgency, { className: string; shape: string }> = {
  overdue: { className: "border-red-300 bg-red-50 text-red-900", shape: "■" },
  dueSoon: { className: "border-amber-300 bg-amber-50 text-amber-900", shape: "▲" },
  normal: { className: "border-slate-300 bg-slate-50 text-slate-700", shape: "●" },
};

type Props = { items: MyWorkItem[]; truncated: boolean; limit: number };

/** My work: one list, most urgent first, each item a link to where it is done. */
export async function MyWorkList({ items, truncated, limit }: Props) {
  const [locale, format, t] = await Promise.all([getLocale(), getFormatter(), getTranslations("myWork")]);
  const day = (date: Date) => format.dateTime(date, { dateStyle: "medium" });

  /** The kind-specific line under the title. */
  const details = (item: MyWorkItem): string[] => {
    const lines: string[] = [];
    if (item.period && (item.kind === "reportMissing" || item.kind === "reportReturned" || item.kind === "reviewWaiting")) {
      lines.push(t("periodReport", { period: format.dateTime(parsePeriod(item.period), { year: "numeric", month: "long" }) }));
    }
    if (item.kind === "reportMissing" && item.detail === "DRAFT") lines.push(t("draftSaved"));
    if (item.kind === "reportReturned" && item.detail) lines.push(t("returnComment", { comment: item.detail }));
    if (item.kind === "reviewWaiting" && item.unitZh && item.unitEn) lines.push(t("reportedBy", { unit: localized({ nameZh: item.unitZh, nameEn: item.unitEn }, "name", locale) }));
    if (item.kind === "extensionDecided" && (item.detail === "APPROVED" || item.detail === "REJECTED")) lines.push(t(`decision.${item.detail}`));
    if (item.kind === "extensionWaiting" && item.detail) lines.push(t("requestedDue", { date: day(new Date(`${item.detail}T00:00:00Z`)) }));
    if ((item.kind === "noticeOpen" || item.kind === "noticeDue" || item.kind === "noticeReplied") && item.detail) {
      const [level, state, year, number] = item.detail.split(":");
      if (level === "REMINDER" || level === "SUPERVISE" || level === "SPECIAL") lines.push(t(`noticeLevel.${level}`));
      lines.push(t("noticeNumber", { year: year ?? "", number: number ?? "" }));
      if (state === "RETURNED" && item.kind === "noticeOpen") lines.push(t("noticeReturned"));
    }
    if ((item.kind === "accountLocked" || item.kind === "accountNeverUsed") && item.detail) lines.push(t("loginName", { login: item.detail }));
    if (item.kind === "commentMention" && item.detail) lines.push(t("mentionedBy", { name: item.detail }));
    return lines;
  };

  return (
    <>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-1 mb-4 text-slate-600">
        {t("intro")} {items.length > 0 && <span data-testid="my-work-count">{t("count", { count: items.length })}</span>}
      </p>
      {truncated && <p role="note" className="mb-3 text-sm text-slate-600">{t("truncated", { limit })}</p>}
      {items.length === 0 ? (
        <div className="rounded border border-slate-200 bg-white p-4" data-testid="my-work-empty">
          <p>{t("empty")}</p>
          <Link href="/catalogue" className="mt-2 inline-block text-red-900 hover:underline">{t("browseCatalogue")}</Link>
        </div>
      ) : (
        <ul className="divide-y divide-slate-200 rounded border border-slate-200 bg-white" aria-label={t("listLabel")} data-testid="my-work-list">
          {items.map((item, index) => {
            const look = urgencyLook[item.urgency];
            const light = item.kind === "lightChanged" && (lights as readonly string[]).includes(item.detail ?? "") ? (item.detail as Light) : null;
            return (
              <li key={`${item.kind}-${item.href}-${index}`} className="flex flex-wrap items-start gap-x-3 gap-y-1 p-3" data-kind={item.kind} data-urgency={item.urgency}>
                <span className={`inline-flex items-center gap-1 rounded border px-1.5 py-0.5 text-xs whitespace-nowrap ${look.className}`}>
                  <span aria-hidden="true">{look.shape}</span>
                  {t(`urgency.${item.urgency}`)}
                </span>
                <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs whitespace-nowrap text-slate-700">{t(`kinds.${item.kind}`)}</span>
                <div className="min-w-0 flex-1 max-sm:basis-full">
                  <Link href={item.href} className="font-medium text-red-900 hover:underline">
                    {item.measureCode && <span className="mr-1 font-mono text-slate-500">{item.measureCode}</span>}
                    {localized(item, "title", locale)}
                  </Link>
                  <p className="flex flex-wrap items-center gap-x-2 text-sm text-slate-600">
                    {light && <span className="inline-flex items-center gap-1">{t("lightNow")} <LightBadge light={light} /></span>}
                    {details(item).map((line) => <span key={line}>{line}</span>)}
                  </p>
                </div>
                <div className="text-right text-sm whitespace-nowrap text-slate-600 max-sm:flex max-sm:gap-3 max-sm:text-left">
                  {item.dueDate && <div className={item.urgency === "normal" ? "" : "font-semibold"}>{t("due", { date: day(item.dueDate) })}</div>}
                  <div>{t("since", { date: day(item.since) })}</div>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
