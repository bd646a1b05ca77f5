"use client";

import Link from "next/link";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { localized } from "@/lib/i18n/localized";
import type { FormAction } from "@/lib/auth/guard";
import type { ActionState } from "@/lib/errors/action-state";
import { decideExtensionAction } from "@/lib/extensions/actions";
import { reviewReportAction } from "@/lib/reports/actions";
import type { ReviewItem } from "@/lib/reviews/get-review-item";
import { parsePeriod } from "@/lib/tracking/dates";
import { CommentThread } from "@/components/comments/comment-thread";
import { AttachmentList } from "@/components/attachments/attachment-list";
import { CredibilityFlags } from "@/components/credibility/credibility-flags";
import { DecisionForm } from "./decision-form";
import { ReportComparison } from "./report-comparison";

export type Decide = (action: FormAction, formData: FormData, doneKey: string) => Promise<ActionState>;

/**
 * The open item beside the queue (on a phone, a full-screen sheet): the report
 * against last month's, or the extension request, with the decision at the
 * bottom within reach of a thumb. Escape or the close button shuts it.
 */
export function ReviewPanel({ item, onClose, decide }: { item: ReviewItem | null; onClose: () => void; decide: Decide }) {
  const t = useTranslations("reviewQueue");
  const tAuthority = useTranslations("leadAuthority");
  const tSample = useTranslations("sampleData");
  const tComments = useTranslations("comments");
  const tAttachments = useTranslations("attachments");
  const locale = useLocale();
  const format = useFormatter();
  const heading = useRef<HTMLHeadingElement>(null);
  const close = useRef(onClose);
  useEffect(() => {
    close.current = onClose;
  });
  useEffect(() => {
    heading.current?.focus();
    const onKey = (event: KeyboardEvent) => event.key === "Escape" && close.current();
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [item?.key]);

  const when = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeStyle: "short" });
  const month = (period: string) => format.dateTime(parsePeriod(period), { year: "numeric", month: "long", timeZone: "UTC" });
  const day = (iso: string) => format.dateTime(new Date(`${iso}T00:00:00Z`), { dateStyle: "long", timeZone: "UTC" });

  return (
    <aside
      aria-label={t("panel")}
      data-testid="review-panel"
      className="fixed inset-0 z-40 flex flex-col bg-white md:inset-y-0 md:right-0 md:left-auto md:w-[44rem] md:border-l md:border-slate-300 md:shadow-2xl"
    >
      <header className="flex items-start gap-2 border-b border-slate-200 p-3">
        <div className="min-w-0 flex-1">
          {item ? (
            <>
              <h2 ref={heading} tabIndex={-1} className="text-lg font-semibold outline-none">
                {item.measure.code} {localized(item.measure, "title", locale)}
                {item.isSample && <span className="ml-2 rounded bg-amber-100 px-1 align-middle text-xs font-normal text-amber-900">{tSample("tag")}</span>}
              </h2>
              <p className="text-sm text-slate-600">
                {item.kind === "report" ? (
                  <>
                    {month(item.period)} · {item.unit ? localized(item.unit, "name", locale) : ""} ·{" "}
                    <span data-panel-role={item.role}>{item.role === "lead" ? tAuthority("reviewLead") : tAuthority("reviewCooperating")}</span>
                    {item.isCompletion && <span className="ml-1 rounded bg-emerald-100 px-1 text-emerald-900">{t("completion")}</span>}
                  </>
                ) : (
                  t("kind_extension")
                )}
              </p>
              <p className="text-sm text-slate-600">
                {item.kind === "report"
                  ? t("submittedBy", { author: item.author, at: item.submittedAt ? when(item.submittedAt) : "" })
                  : t("requestedBy", { name: item.requestedBy, unit: item.unit ? localized(item.unit, "name", locale) : "", at: when(item.requestedAt) })}
              </p>
              <Link href={`/measures/${encodeURIComponent(item.measure.code)}${item.kind === "report" ? `?period=${item.period}` : ""}`} className="text-sm text-red-900 underline">
                {t("openMeasure")}
              </Link>
            </>
          ) : (
            <h2 ref={heading} tabIndex={-1} className="text-lg font-semibold outline-none">
              {t("panel")}
            </h2>
          )}
        </div>
        <button type="button" onClick={onClose} className="rounded border border-slate-300 px-3 py-2 text-sm">
          {t("close")}
        </button>
      </header>
      <div className="flex-1 overflow-auto p-3">
        {!item && <p role="note">{t("gone")}</p>}
        {item?.kind === "report" && <CredibilityFlags key={`${item.key}:${item.version}`} flags={item.flags} reportId={item.id} canExplain />}
        {item?.kind === "report" && <ReportComparison item={item} />}
        {item?.kind === "report" && (item.comments.length > 0 || item.canComment) && (
          <section className="mt-4 border-t border-slate-200 pt-3" data-testid="review-panel-comments">
            <h3 className="font-medium">{tComments("reportComments")}</h3>
            <CommentThread comments={item.comments} measureCode={item.measure.code} reportId={item.id} canComment={item.canComment} compact />
          </section>
        )}
        {item?.kind === "report" && item.attachments.length > 0 && (
          <section className="mt-4" data-testid="review-attachments">
            <h3 className="text-sm font-semibold">{tAttachments("title")}</h3>
            <p className="mb-2 text-xs text-slate-600">{tAttachments("reviewHint")}</p>
            <AttachmentList files={item.attachments} />
          </section>
        )}
        {item?.kind === "extension" && (
          <dl className="grid grid-cols-2 gap-3" data-testid="extension-detail">
            <div className="rounded border border-slate-200 p-3">
              <dt className="text-sm text-slate-600">{t("currentDue")}</dt>
              <dd className="text-lg font-semibold">{day(item.currentDueDate)}</dd>
            </div>
            <div className="rounded border border-amber-300 bg-amber-50 p-3">
              <dt className="text-sm text-slate-600">{t("requestedDue")}</dt>
              <dd className="text-lg font-semibold">{day(item.requestedDueDate)}</dd>
            </div>
            <div className="col-span-2">
              <dt className="text-sm text-slate-600">{t("reason")}</dt>
              <dd className="whitespace-pre-wrap">{item.reason}</dd>
            </div>
          </dl>
        )}
      </div>
      {item?.kind === "report" && (
        <DecisionForm
          key={`${item.key}:${item.version}`}
          hidden={{ reportId: item.id, version: String(item.version) }}
          commentLabel={t("comment")}
          choices={[
            { decision: "approve", label: t("approve"), primary: true },
            { decision: "return", label: t("return") },
          ]}
          onSubmit={(formData) => decide(reviewReportAction, formData, `done_${formData.get("decision") === "approve" ? "approve" : "return"}`)}
        />
      )}
      {item?.kind === "extension" && (
        <DecisionForm
          key={`${item.key}:${item.version}`}
          hidden={{ extensionId: item.id, version: String(item.version) }}
          commentLabel={t("extensionComment")}
          choices={[
            { decision: "approve", label: t("approveExtension"), primary: true },
            { decision: "reject", label: t("rejectExtension") },
          ]}
          onSubmit={(formData) =>
            decide(decideExtensionAction, formData, formData.get("decision") === "approve" ? "done_extensionApprove" : "done_extensionReject")
          }
        />
      )}
    </aside>
  );
}
