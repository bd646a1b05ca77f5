import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { HistoryEvent } from "@/lib/audit/list-measure-history";
import type { CredibilityFlag } from "@/lib/credibility/load-flags";
import { localized } from "@/lib/i18n/localized";
import type { MeasureDetail } from "@/lib/measures/get-measure-by-code";
import { expectedPercent, type Light } from "@/lib/tracking/light";
import { LightBadge } from "@/components/light/light-badge";
import type { CooperatingPart } from "@/lib/reports/cooperating-parts";
import { CooperatingParts } from "./cooperating-parts";
import { MeasureExtensions } from "./measure-extensions";
import { MeasureHistory } from "./measure-history";
import { MeasureTabs, type MeasureTab } from "./measure-tabs";
import { MeasureReports } from "./measure-reports";
import { MeasureMilestones } from "./measure-milestones";
import { MeasureOverview } from "./measure-overview";
import { Section } from "./section";
import { ReportDraftScope } from "./report-draft-scope";
import { ReportForm, type ReportDraft } from "./report-form";
import { PercentBar } from "@/components/measure/percent-bar";
import { CommentThread } from "@/components/comments/comment-thread";
import type { CommentView } from "@/lib/comments/list-comments";
import { SampleDataBanner } from "@/components/layout/sample-data-banner";
import { StatusBadge } from "@/components/measure/status-badge";
import { MeasureAdminLinks, SuspendedNote } from "@/components/catalogue/measure-admin-links";
import { AttachmentPanel, type UploadLimits } from "@/components/attachments/attachment-panel";
import { MeasureAttachments } from "@/components/attachments/measure-attachments";
import type { AttachmentJson } from "@/lib/attachments/attachment-json";
import type { Forecast } from "@/lib/forecast/forecast";
import { ForecastCard } from "@/components/forecast/forecast-card";

export type MeasurePermissions = {
  editOwner: boolean;
  writeReport: boolean;
  review: boolean;
  manageMilestones: boolean;
  requestExtension: boolean;
  decideExtension: boolean;
  reopen: boolean;
  undoMilestone: boolean;
  manageCatalogue: boolean;
  comment: boolean;
};

export type ReportSlot = {
  period: string;
  periodLabel: string;
  unitName: string;
  draft: ReportDraft;
  /** State of the unit's existing report for the period, if any. */
  state: "DRAFT" | "SUBMITTED" | "APPROVED" | "RETURNED" | null;
  reviewComment: string | null;
  /** Whether the user's unit leads the measure (only its report can close it out). */
  isLeadUnit: boolean;
  /** The unit's report for the period once saved (files attach to a saved report). */
  reportId?: string | null;
};

type Props = {
  measure: MeasureDetail;
  light: Light;
  today: Date;
  permissions: MeasurePermissions;
  reportSlot: ReportSlot | null;
  history: HistoryEvent[];
  /** The signed-in user (reviewers never decide a report they wrote). */
  viewerId: string;
  /** Submitted reports the viewer wrote (saved or submitted a version of): never theirs to review. */
  writtenReportIds: string[];
  /** Each cooperating unit's latest approved report: its own part, never the measure's figures. */
  cooperatingParts: CooperatingPart[];
  /** The measure's notices (components/notices), when the user may see or issue them. */
  notices?: { title: string; content: React.ReactNode };
  /** Completed milestones whose completion this user may still undo. */
  undoableMilestoneIds: string[];
  /** The comments the user may read: the discussion's (reportId null) and those on reports. */
  comments: CommentView[];
  /** The tab asked for (?tab=) and the report month asked for (?period=, which opens the reports tab). */
  requested: { tab: string | null; period: string | null };
  /** The measure's files (evidence) the user may open, and the upload limits. */
  attachments: { files: AttachmentJson[]; limits: UploadLimits };
  /** Credibility flags of the submitted reports, by report id, when the user reviews reports. */
  credibility?: Record<string, CredibilityFlag[]>;
  /** The delivery forecast (lib/forecast), shown on the overview tab. */
  forecast?: Forecast | null;
};

/** The tab shown first: the one asked for, the reports when a report month is asked for, else the overview. */
function initialTab(tabs: MeasureTab[], requested: Props["requested"]): string {
  if (requested.tab && tabs.some((tab) => tab.id === requested.tab)) return requested.tab;
  return requested.period ? "reports" : "overview";
}

/** Everything known about one measure, and the work its users do on it. */
export async function MeasureDetailView(props: Props) {
  const { measure, light, today, permissions, reportSlot, history, notices, undoableMilestoneIds, requested } = props;
  const [locale, t, tWorkflow, tAuthority, tTabs, tComments, tAttachments] = await Promise.all([
    getLocale(),
    getTranslations("measure"),
    getTranslations("workflow"),
    getTranslations("leadAuthority"),
    getTranslations("measureTabs"),
    getTranslations("comments"),
    getTranslations("attachments"),
  ]);
  const expected = expectedPercent(measure.startDate, measure.dueDate, today);

  const tabs: MeasureTab[] = [
    {
      id: "overview",
      label: tTabs("overview"),
      content: (
        <>
          <MeasureOverview measure={measure} canEditOwner={permissions.editOwner} canReopen={permissions.reopen} />
          {props.forecast && <ForecastCard forecast={props.forecast} />}
        </>
      ),
    },
    {
      id: "reports",
      label: tTabs("reports"),
      content: (
        <>
          {reportSlot && (
            <Section title={tWorkflow("yourReport")}>
              <ReportSlotView slot={reportSlot} measure={measure} attachments={props.attachments} />
            </Section>
          )}

          <Section title={t("reports")}>
            <MeasureReports
              reports={measure.progressReports}
              canReview={permissions.review}
              leadUnitId={measure.leadUnit.id}
              viewerId={props.viewerId}
              writtenReportIds={props.writtenReportIds}
              comments={{ all: props.comments, measureCode: measure.code, canComment: permissions.comment }}
              attachments={props.attachments.files}
              credibility={props.credibility}
            />
          </Section>

          {measure.cooperatingUnits.length > 0 && (
            <Section title={tAuthority("cooperatingTitle")}>
              <CooperatingParts
                parts={props.cooperatingParts}
                kpiUnit={measure.kpiNameZh ? (measure.kpiUnit ?? "") : null}
                hasInvestment={measure.investmentPlanned !== null}
              />
            </Section>
          )}
        </>
      ),
    },
    {
      id: "milestones",
      label: tTabs("milestones"),
      content: (
        <Section title={t("milestones")}>
          <MeasureMilestones measure={measure} canManage={permissions.manageMilestones} undoableIds={undoableMilestoneIds} today={today} />
        </Section>
      ),
    },
    {
      id: "extensions",
      label: tTabs("extensions"),
      content: (
        <Section title={tWorkflow("extensions")}>
          <MeasureExtensions measure={measure} canRequest={permissions.requestExtension} canDecide={permissions.decideExtension} />
        </Section>
      ),
    },
    ...(notices ? [{ id: "notices", label: tTabs("notices"), content: <Section title={notices.title}>{notices.content}</Section> }] : []),
    {
      id: "history",
      label: tTabs("history"),
      content: (
        <Section title={tWorkflow("history")}>
          <MeasureHistory events={history} />
        </Section>
      ),
    },
    {
      id: "discussion",
      label: tComments("tab"),
      content: (
        <Section title={tComments("title")}>
          <CommentThread comments={props.comments.filter((comment) => comment.reportId === null)} measureCode={measure.code} reportId={null} canComment={permissions.comment} />
        </Section>
      ),
    },
    {
      id: "attachments",
      label: tAttachments("tab"),
      content: (
        <Section title={tAttachments("title")}>
          <MeasureAttachments
            measure={measure}
            files={props.attachments.files}
            canEditMeasure={permissions.editOwner}
            canManageMilestones={permissions.manageMilestones}
            canRequestExtension={permissions.requestExtension}
            limits={props.attachments.limits}
          />
        </Section>
      ),
    },
  ];

  return (
    <article>
      <Link href="/catalogue" className="text-sm text-red-900 hover:underline">
        ← {t("backToCatalogue")}
      </Link>
      <p className="mt-3 text-sm text-slate-500">
        {localized(measure.area.programme, "title", locale)} › {measure.area.code} {localized(measure.area, "title", locale)}
      </p>
      <h1 className="mb-2 text-2xl font-semibold">
        <span className="mr-2 font-mono text-slate-500">{measure.code}</span>
        {localized(measure, "title", locale)}
      </h1>
      <p className="mb-4 flex flex-wrap items-center gap-2 text-sm" data-testid="measure-light">
        {tWorkflow("light")} <LightBadge light={light} /> <StatusBadge status={measure.status} />
        <PercentBar value={measure.percentComplete} />
        {expected !== null && <span className="text-slate-600">{tWorkflow("expected", { percent: Math.round(expected) })}</span>}
      </p>
      {permissions.manageCatalogue && <MeasureAdminLinks code={measure.code} status={measure.status} />}
      {measure.status === "SUSPENDED" && measure.suspendedReason && <SuspendedNote reason={measure.suspendedReason} />}
      {measure.isSample && <SampleDataBanner />}

      <MeasureTabs tabs={tabs} initial={initialTab(tabs, requested)} label={tTabs("label")} query={requested.period ? { period: requested.period } : {}} />
    </article>
  );
}

async function ReportSlotView({ slot, measure, attachments }: { slot: ReportSlot; measure: MeasureDetail; attachments: Props["attachments"] }) {
  const [t, tAuthority, tAttachments, tDraft] = await Promise.all([
    getTranslations("workflow"),
    getTranslations("leadAuthority"),
    getTranslations("attachments"),
    getTranslations("catalogueUnits"),
  ]);
  if (slot.state === "SUBMITTED") return <p role="note">{t("alreadySubmitted")}</p>;
  if (slot.state === "APPROVED") return <p role="note">{t("alreadyApproved")}</p>;
  return (
    <>
      {slot.state === "RETURNED" && (
        <p role="note" className="mb-3 rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm">
          {t("returnedNotice", { comment: slot.reviewComment ?? "" })}
        </p>
      )}
      {!slot.isLeadUnit && (
        <p className="mb-3 text-sm text-slate-600" data-testid="cooperating-report-note">
          {tAuthority("cooperatingFormNote")}
        </p>
      )}
      {/* Files added before the first save save the form as a draft first (ReportDraftScope). */}
      <ReportDraftScope>
        <ReportForm
          measureCode={measure.code}
          period={slot.period}
          periodLabel={slot.periodLabel}
          unitName={slot.unitName}
          kpiUnit={measure.kpiNameZh ? (measure.kpiUnit ?? "") : null}
          hasInvestment={measure.investmentPlanned !== null}
          canClose={slot.isLeadUnit}
          draft={slot.draft}
          reportId={slot.reportId}
        />
        <AttachmentPanel
          title={tAttachments("title")}
          files={slot.reportId ? attachments.files.filter((file) => file.parentId === slot.reportId) : []}
          parentType="report"
          parentId={slot.reportId ?? null}
          canEdit
          limits={attachments.limits}
        />
        {!slot.reportId && <p className="mt-1 text-xs text-slate-600">{tDraft("attachSavesDraft")}</p>}
      </ReportDraftScope>
    </>
  );
}
