import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { HistoryEvent } from "@/lib/audit/list-measure-history";
import { localized } from "@/lib/i18n/localized";
import type { MeasureDetail } from "@/lib/measures/get-measure-by-code";
import { expectedPercent, type Light } from "@/lib/tracking/light";
import { LightBadge } from "@/components/light/light-badge";
import type { CooperatingPart } from "@/lib/reports/cooperating-parts";
import { CooperatingParts } from "./cooperating-parts";
import { ReopenForm } from "./extension-forms";
import { MeasureExtensions } from "./measure-extensions";
import { MeasureHistory } from "./measure-history";
import { MeasureReports } from "./measure-reports";
import { AddMilestoneForm, MilestoneActions } from "./milestone-forms";
import { ReportForm, type ReportDraft } from "./report-form";
import { MeasureOwnerForm } from "@/components/measure/measure-owner-form";
import { PercentBar } from "@/components/measure/percent-bar";
import { SampleDataBanner } from "@/components/layout/sample-data-banner";
import { StatusBadge } from "@/components/measure/status-badge";

export type MeasurePermissions = {
  editOwner: boolean;
  writeReport: boolean;
  review: boolean;
  manageMilestones: boolean;
  requestExtension: boolean;
  decideExtension: boolean;
  reopen: boolean;
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
};

/** Everything known about one measure, and the work its users do on it. */
export async function MeasureDetailView({ measure, light, today, permissions, reportSlot, history, viewerId, writtenReportIds, cooperatingParts, notices }: Props) {
  const [locale, format, t, tWorkflow, tAuthority] = await Promise.all([
    getLocale(),
    getFormatter(),
    getTranslations("measure"),
    getTranslations("workflow"),
    getTranslations("leadAuthority"),
  ]);
  const date = (value: Date | null) => (value ? format.dateTime(value, { dateStyle: "long" }) : t("notSet"));
  const amount = (value: { toNumber(): number } | null) => (value === null ? t("notSet") : format.number(value.toNumber()));
  const unitName = (unit: { nameZh: string; nameEn: string }) => localized(unit, "name", locale);
  const expected = expectedPercent(measure.startDate, measure.dueDate, today);
  const todayIso = today.toISOString().slice(0, 10);

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
      {measure.isSample && <SampleDataBanner />}

      <Section title={t("description")}>
        <p className="whitespace-pre-line">{localized(measure, "description", locale)}</p>
      </Section>

      <Section title={t("facts")}>
        <dl className="grid grid-cols-1 gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
          <Fact label={t("leadUnit")}>{unitName(measure.leadUnit)}</Fact>
          <Fact label={t("cooperatingUnits")}>
            {measure.cooperatingUnits.map(({ unit }) => unitName(unit)).join(locale === "en" ? "; " : "、") || t("none")}
          </Fact>
          <Fact label={t("cities")}>
            {measure.cities.map(({ city }) => localized(city, "name", locale)).join(locale === "en" ? ", " : "、")}
          </Fact>
          <Fact label={t("responsiblePerson")}>
            {measure.responsiblePerson ?? t("notSet")}
            {permissions.editOwner && (
              <MeasureOwnerForm code={measure.code} version={measure.version} responsiblePerson={measure.responsiblePerson ?? ""} />
            )}
          </Fact>
          <Fact label={t("startDate")}>{date(measure.startDate)}</Fact>
          <Fact label={t("dueDate")}>{date(measure.dueDate)}</Fact>
          {measure.kpiNameZh && (
            <Fact label={t("kpi")}>
              {locale === "en" ? measure.kpiNameEn : measure.kpiNameZh} ({measure.kpiUnit}) · {t("kpiBaseline")}{" "}
              {amount(measure.kpiBaseline)} · {t("kpiTarget")} {amount(measure.kpiTarget)} · {t("kpiActual")}{" "}
              {amount(measure.kpiActual)}
              {measure.kpiTarget && measure.kpiActual && (
                <PercentBar value={Math.round((measure.kpiActual.toNumber() / measure.kpiTarget.toNumber()) * 100)} />
              )}
            </Fact>
          )}
          {measure.investmentPlanned && (
            <Fact label={t("investment")}>
              {t("investmentPlanned")} {amount(measure.investmentPlanned)} · {t("investmentCompleted")}{" "}
              {amount(measure.investmentCompleted)}
              {measure.investmentCompleted && (
                <PercentBar
                  value={Math.round((measure.investmentCompleted.toNumber() / measure.investmentPlanned.toNumber()) * 100)}
                />
              )}
            </Fact>
          )}
        </dl>
      </Section>

      {measure.status === "COMPLETED" && (
        <Section title={tWorkflow("closedOut")}>
          {permissions.reopen ? <ReopenForm measureCode={measure.code} version={measure.version} /> : null}
        </Section>
      )}

      {reportSlot && (
        <Section title={tWorkflow("yourReport")}>
          <ReportSlotView slot={reportSlot} measure={measure} />
        </Section>
      )}

      <Section id="milestones" title={t("milestones")}>
        {measure.milestones.length === 0 ? (
          <p>{t("noMilestones")}</p>
        ) : (
          <ol className="list-decimal space-y-2 pl-6">
            {measure.milestones.map((milestone) => (
              <li key={milestone.id}>
                {localized(milestone, "title", locale)} — {t("milestoneDue")} {date(milestone.dueDate)} ·{" "}
                {milestone.completedOn ? t("milestoneDone", { date: date(milestone.completedOn) }) : t("milestoneOpen")}
                {permissions.manageMilestones && !milestone.completedOn && (
                  <MilestoneActions milestoneId={milestone.id} version={milestone.version} today={todayIso} />
                )}
              </li>
            ))}
          </ol>
        )}
        {permissions.manageMilestones && <AddMilestoneForm measureCode={measure.code} />}
      </Section>

      <Section id="extensions" title={tWorkflow("extensions")}>
        <MeasureExtensions measure={measure} canRequest={permissions.requestExtension} canDecide={permissions.decideExtension} />
      </Section>

      <Section id="reports" title={t("reports")}>
        <MeasureReports
          reports={measure.progressReports}
          canReview={permissions.review}
          leadUnitId={measure.leadUnit.id}
          viewerId={viewerId}
          writtenReportIds={writtenReportIds}
        />
      </Section>

      {measure.cooperatingUnits.length > 0 && (
        <Section title={tAuthority("cooperatingTitle")}>
          <CooperatingParts
            parts={cooperatingParts}
            kpiUnit={measure.kpiNameZh ? (measure.kpiUnit ?? "") : null}
            hasInvestment={measure.investmentPlanned !== null}
          />
        </Section>
      )}

      <Section title={t("sourceDocuments")}>
        {measure.sourceDocuments.length === 0 ? (
          <p>{t("noSourceDocuments")}</p>
        ) : (
          <ul className="list-disc pl-6">
            {measure.sourceDocuments.map(({ sourceDocument: doc }) => (
              <li key={doc.id}>
                {date(doc.issuedOn)}
                {doc.endsOn ? ` – ${date(doc.endsOn)}` : ""} ·{" "}
                {locale === "en" ? doc.titleEn : doc.kind === "DOCUMENT" ? `《${doc.titleZh}》` : doc.titleZh} ·{" "}
                {localized(doc, "issuer", locale)}
              </li>
            ))}
          </ul>
        )}
      </Section>

      {notices && <Section id="notices" title={notices.title}>{notices.content}</Section>}

      <Section title={tWorkflow("history")}>
        <MeasureHistory events={history} />
      </Section>
    </article>
  );
}

async function ReportSlotView({ slot, measure }: { slot: ReportSlot; measure: MeasureDetail }) {
  const [t, tAuthority] = await Promise.all([getTranslations("workflow"), getTranslations("leadAuthority")]);
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
      <ReportForm
        measureCode={measure.code}
        period={slot.period}
        periodLabel={slot.periodLabel}
        unitName={slot.unitName}
        kpiUnit={measure.kpiNameZh ? (measure.kpiUnit ?? "") : null}
        hasInvestment={measure.investmentPlanned !== null}
        canClose={slot.isLeadUnit}
        draft={slot.draft}
      />
    </>
  );
}

/** A part of the page; `id` is the anchor that notifications link to (lib/notifications/event-text.ts). */
function Section({ id, title, children }: { id?: string; title: string; children: React.ReactNode }) {
  return (
    <section id={id} className="mb-6 scroll-mt-4 rounded border border-slate-200 bg-white p-4">
      <h2 className="mb-2 text-lg font-semibold">{title}</h2>
      {children}
    </section>
  );
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <>
      <dt className="font-medium text-slate-600">{label}</dt>
      <dd>{children}</dd>
    </>
  );
}
