import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { NoticeLevel } from "@/generated/prisma/enums";
import { localized } from "@/lib/i18n/localized";
import type { NoticeDetailJson } from "@/lib/notices/api-schemas";
import { NoticeLevelBadge, NoticeStateBadge } from "./notice-badges";
import { DecideReplyForm, EscalateNoticeForm, ReplyNoticeForm } from "./notice-forms";

export type NoticeDetailPermissions = {
  /** The viewer's unit is a recipient and may reply now; cooperating = not the lead unit. */
  reply: { cooperating: boolean } | null;
  decide: boolean;
  escalateTo: NoticeLevel | null;
  /** Admins and the issuer see which recipient units have no active official. */
  showNoOfficialFlag: boolean;
};

type Props = {
  notice: NoticeDetailJson;
  permissions: NoticeDetailPermissions;
  escalatedFrom: { id: string; year: number; number: number } | null;
  escalatedTo: { id: string; year: number; number: number } | null;
  defaultDueDate: string;
};

export async function NoticeDetailView({ notice, permissions, escalatedFrom, escalatedTo, defaultDueDate }: Props) {
  const [t, tRule, locale, format] = await Promise.all([getTranslations("notices"), getTranslations("notices.rules"), getLocale(), getFormatter()]);
  const day = (value: string) => format.dateTime(new Date(`${value}T00:00:00Z`), { dateStyle: "long", timeZone: "UTC" });
  const time = (value: string) => format.dateTime(new Date(value), { dateStyle: "medium", timeStyle: "short" });
  const unitsWithoutOfficial = notice.recipients.filter((recipient) => !recipient.hasActiveOfficial);
  return (
    <article>
      <Link href="/notices" className="text-sm text-red-900 hover:underline">← {t("back")}</Link>
      <h1 className="mt-3 mb-2 flex flex-wrap items-center gap-2 text-2xl font-semibold">
        {t("label", { year: notice.year, number: notice.number })} <NoticeLevelBadge level={notice.level} />
        <NoticeStateBadge state={notice.state} overdue={notice.overdue} />
      </h1>
      {permissions.showNoOfficialFlag && unitsWithoutOfficial.length > 0 && (
        <p role="alert" className="mb-3 rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="no-official-flag">
          {t("noOfficialFlag", { units: unitsWithoutOfficial.map((recipient) => localized(recipient.unit, "name", locale)).join(locale === "en" ? "; " : "、") })}
        </p>
      )}
      <dl className="mb-4 grid grid-cols-1 gap-x-6 gap-y-2 rounded border border-slate-200 bg-white p-4 sm:grid-cols-[max-content_1fr]">
        <dt className="font-medium text-slate-600">{t("columns.measure")}</dt>
        <dd>
          <Link href={`/measures/${notice.measure.code}`} className="text-red-900 hover:underline">
            {notice.measure.code} {localized(notice.measure, "title", locale)}
          </Link>
        </dd>
        <dt className="font-medium text-slate-600">{t("columns.recipients")}</dt>
        <dd>
          {notice.recipients.map((recipient) => (
            <span key={recipient.unit.code} className="mr-3 inline-block">
              {localized(recipient.unit, "name", locale)}
              {recipient.isLead && <span className="text-xs text-slate-500"> ({t("lead")})</span>}
            </span>
          ))}
        </dd>
        <dt className="font-medium text-slate-600">{t("replyDueDate")}</dt>
        <dd>{day(notice.replyDueDate)}</dd>
        <dt className="font-medium text-slate-600">{t("issuedBy")}</dt>
        <dd>{notice.issuedBy ?? t("automatic")} · {time(notice.createdAt)}</dd>
        <dt className="font-medium text-slate-600">{t("body")}</dt>
        <dd className="whitespace-pre-line" data-testid="notice-body">
          {notice.rule && <p className="text-slate-600">{tRule(notice.rule as "reminder")}</p>}
          {notice.body}
        </dd>
        {escalatedFrom && (
          <dd className="sm:col-span-2">
            <Link href={`/notices/${escalatedFrom.id}`} className="text-red-900 hover:underline">
              {t("escalatedFrom", { label: t("label", { year: escalatedFrom.year, number: escalatedFrom.number }) })}
            </Link>
          </dd>
        )}
        {escalatedTo && (
          <dd className="sm:col-span-2">
            <Link href={`/notices/${escalatedTo.id}`} className="text-red-900 hover:underline">
              {t("escalatedTo", { label: t("label", { year: escalatedTo.year, number: escalatedTo.number }) })}
            </Link>
          </dd>
        )}
      </dl>

      <section className="mb-4 rounded border border-slate-200 bg-white p-4">
        <h2 className="mb-2 text-lg font-semibold">{t("replies")}</h2>
        {notice.replies.length === 0 ? (
          <p>{t("noReplies")}</p>
        ) : (
          <ol className="space-y-3" data-testid="notice-replies">
            {notice.replies.map((reply) => (
              <li key={reply.id} className="border-l-4 border-slate-300 pl-3">
                <p className="text-sm text-slate-600">{t("replyLine", { unit: localized(reply.unit, "name", locale), author: reply.author, time: time(reply.createdAt) })}</p>
                <p className="whitespace-pre-line">{reply.body}</p>
                {reply.newDueDate && <p className="text-sm">{t("newDueDateLine", { date: day(reply.newDueDate) })}</p>}
                {reply.decision && (
                  <p className={`text-sm ${reply.decision === "ACCEPTED" ? "text-emerald-800" : "text-red-800"}`}>
                    {t("decisionLine", { decision: t(`decisions.${reply.decision}`), by: reply.decidedBy ?? "", time: reply.decidedAt ? time(reply.decidedAt) : "", comment: reply.decisionComment ?? "" })}
                  </p>
                )}
              </li>
            ))}
          </ol>
        )}
      </section>

      {permissions.reply && (
        <section className="mb-4 rounded border border-slate-200 bg-white p-4">
          <h2 className="mb-2 text-lg font-semibold">{t("replyTitle")}</h2>
          <ReplyNoticeForm noticeId={notice.id} version={notice.version} cooperating={permissions.reply.cooperating} />
        </section>
      )}
      {notice.state === "REPLIED" && !permissions.decide && <p role="note" className="mb-4 text-sm text-slate-600">{t("awaitingDecision")}</p>}
      {permissions.decide && (
        <section className="mb-4 rounded border border-slate-200 bg-white p-4">
          <h2 className="mb-2 text-lg font-semibold">{t("decideTitle")}</h2>
          <DecideReplyForm noticeId={notice.id} version={notice.version} />
        </section>
      )}
      {permissions.escalateTo && (
        <section className="mb-4 rounded border border-slate-200 bg-white p-4">
          <h2 className="mb-2 text-lg font-semibold">{t("escalateTitle")}</h2>
          <EscalateNoticeForm noticeId={notice.id} version={notice.version} nextLevel={permissions.escalateTo} defaultDueDate={defaultDueDate} />
        </section>
      )}
    </article>
  );
}
