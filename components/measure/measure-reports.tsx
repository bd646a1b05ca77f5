import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { localized } from "@/lib/i18n/localized";
import type { MeasureDetail } from "@/lib/measures/get-measure-by-code";
import { CommentThread } from "@/components/comments/comment-thread";
import type { CommentView } from "@/lib/comments/list-comments";
import { AttachmentList } from "@/components/attachments/attachment-list";
import type { AttachmentJson } from "@/lib/attachments/attachment-json";
import { CredibilityFlags } from "@/components/credibility/credibility-flags";
import type { CredibilityFlag } from "@/lib/credibility/load-flags";
import { ReviewForm } from "./review-form";

type Report = MeasureDetail["progressReports"][number];

/**
 * The timeline of monthly reports, newest first; reviewers decide on submitted
 * ones here (never on a report they wrote). The lead unit's reports speak for the
 * measure; cooperating units' reports are marked and shown beside them.
 */
export async function MeasureReports({
  reports,
  canReview,
  leadUnitId,
  viewerId,
  writtenReportIds,
  comments,
  attachments = [],
  credibility = {},
}: {
  reports: Report[];
  canReview: boolean;
  leadUnitId: string;
  viewerId: string;
  /** Reports the viewer saved or submitted a version of (the author field holds only the last writer). */
  writtenReportIds: string[];
  /** The measure's comments the viewer may read; those on a report are shown under it. */
  comments?: { all: CommentView[]; measureCode: string; canComment: boolean };
  /** The files the viewer may open; each report shows its own (frozen once submitted). */
  attachments?: AttachmentJson[];
  /** Credibility flags of the submitted reports the viewer may review, by report id (lib/credibility). */
  credibility?: Record<string, CredibilityFlag[]>;
}) {
  const [locale, format, t, tWorkflow, tState] = await Promise.all([
    getLocale(),
    getFormatter(),
    getTranslations("measure"),
    getTranslations("workflow"),
    getTranslations("reportState"),
  ]);
  if (reports.length === 0) return <p>{t("noReports")}</p>;
  return (
    <ol className="space-y-3">
      {reports.map((report) => (
        <li key={report.id} className="border-t border-slate-100 pt-2" data-report-state={report.state} data-report-role={report.unit.id === leadUnitId ? "lead" : "cooperating"}>
          <p className="text-sm text-slate-600">
            {t("period")} {format.dateTime(report.period, { year: "numeric", month: "long" })} · {t("reportingUnit")}{" "}
            {localized(report.unit, "name", locale)} ({report.unit.id === leadUnitId ? t("leadUnitReport") : t("cooperatingUnitReport")}) ·{" "}
            {t("reportState")} <strong>{tState(report.state)}</strong> · {t("percent")}{" "}
            {report.percentComplete}%{report.isCompletion ? ` · ${tWorkflow("completionReport")}` : ""}
          </p>
          <dl className="mt-1 grid grid-cols-1 gap-x-4 sm:grid-cols-[max-content_1fr]">
            <dt className="font-medium">{t("progress")}</dt>
            <dd className="whitespace-pre-line">{report.progress || t("none")}</dd>
            <dt className="font-medium">{t("problems")}</dt>
            <dd className="whitespace-pre-line">{report.problems || t("none")}</dd>
            <dt className="font-medium">{t("nextSteps")}</dt>
            <dd className="whitespace-pre-line">{report.nextSteps || t("none")}</dd>
          </dl>
          {report.reviewer && (
            <p className="mt-1 text-sm text-slate-600">
              {tWorkflow("reviewer", { name: report.reviewer.displayName })}
              {report.reviewComment ? ` · ${tWorkflow("comment", { comment: report.reviewComment })}` : ""}
            </p>
          )}
          {attachments.some((file) => file.parentId === report.id) && (
            <div className="mt-2" data-testid="report-attachments">
              <AttachmentList files={attachments.filter((file) => file.parentId === report.id)} />
            </div>
          )}
          {canReview && report.state === "SUBMITTED" && report.authorId !== viewerId && !writtenReportIds.includes(report.id) && (
            <div className="mt-2">
              {credibility[report.id] && <CredibilityFlags flags={credibility[report.id]!} reportId={report.id} canExplain />}
              <ReviewForm reportId={report.id} version={report.version} />
            </div>
          )}
          {comments && <ReportComments report={report} comments={comments} />}
        </li>
      ))}
    </ol>
  );
}

/** A report's comments, folded away until opened unless there are some. */
async function ReportComments({ report, comments }: { report: Report; comments: NonNullable<Parameters<typeof MeasureReports>[0]["comments"]> }) {
  const t = await getTranslations("comments");
  const own = comments.all.filter((comment) => comment.reportId === report.id);
  if (own.length === 0 && !comments.canComment) return null;
  return (
    <details className="mt-2 text-sm" open={own.length > 0}>
      <summary className="cursor-pointer text-red-900">
        {t("reportComments")} ({own.length})
      </summary>
      <CommentThread comments={own} measureCode={comments.measureCode} reportId={report.id} canComment={comments.canComment} compact />
    </details>
  );
}
