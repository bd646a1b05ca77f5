import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { AttachmentJson } from "@/lib/attachments/attachment-json";
import { localized } from "@/lib/i18n/localized";
import type { MeasureDetail } from "@/lib/measures/get-measure-by-code";
import { AttachmentPanel, type UploadLimits } from "./attachment-panel";

/**
 * The attachments tab: every file of the measure the user may open, grouped by what it
 * is evidence for — the measure itself, each report, milestone and extension
 * request. Uploads here go to the measure (measure.editOwner), its milestones
 * (milestone.manage) and pending extension requests; a report's files are
 * added beside its form.
 */
export async function MeasureAttachments({ measure, files, canEditMeasure, canManageMilestones, canRequestExtension, limits }: {
  measure: MeasureDetail;
  files: AttachmentJson[];
  canEditMeasure: boolean;
  canManageMilestones: boolean;
  /** Files may be added to a pending extension request by its unit. */
  canRequestExtension: boolean;
  limits: UploadLimits;
}) {
  const [t, tEvidence, locale, format] = await Promise.all([getTranslations("attachments"), getTranslations("evidence"), getLocale(), getFormatter()]);
  const of = (parentId: string) => files.filter((file) => file.parentId === parentId);
  const reports = measure.progressReports.filter((report) => of(report.id).length > 0);
  const milestones = measure.milestones.filter((milestone) => canManageMilestones || of(milestone.id).length > 0);
  const pending = (request: { state: string }) => canRequestExtension && request.state === "PENDING";
  const extensions = measure.extensionRequests.filter((request) => pending(request) || of(request.id).length > 0);
  const reportFiles = reports.map((report) => report.id);
  const hidden = files.filter((file) => file.parentType === "report" && !reportFiles.includes(file.parentId));
  return (
    <div data-testid="measure-attachments">
      {files.length > 0 && (
        <p className="mb-3 text-sm">
          {/* Every file listed here, in one download (lib/attachments/evidence-zip.ts). */}
          <a href={`/api/v1/measures/${encodeURIComponent(measure.code)}/evidence.zip?lang=${locale}`} download className="text-red-900 underline" data-testid="evidence-zip">
            {tEvidence("downloadZip")}
          </a>
        </p>
      )}
      <AttachmentPanel title={t("groups.measure")} files={of(measure.id)} parentType="measure" parentId={measure.id} canEdit={canEditMeasure} limits={limits} />
      {reports.map((report) => (
        <AttachmentPanel
          key={report.id}
          title={t("groups.report", { period: format.dateTime(report.period, { year: "numeric", month: "long", timeZone: "UTC" }), unit: localized(report.unit, "name", locale) })}
          files={of(report.id)}
          parentType="report"
          parentId={report.id}
          canEdit={false}
          limits={limits}
        />
      ))}
      {hidden.length > 0 && <AttachmentPanel title={t("groups.olderReports")} files={hidden} parentType="report" parentId="" canEdit={false} limits={limits} />}
      {milestones.map((milestone) => (
        <AttachmentPanel
          key={milestone.id}
          title={t("groups.milestone", { title: localized(milestone, "title", locale) })}
          files={of(milestone.id)}
          parentType="milestone"
          parentId={milestone.id}
          canEdit={canManageMilestones}
          limits={limits}
        />
      ))}
      {extensions.map((request) => (
        <AttachmentPanel
          key={request.id}
          title={t("groups.extension", { date: format.dateTime(request.createdAt, { dateStyle: "medium" }) })}
          files={of(request.id)}
          parentType="extension"
          parentId={request.id}
          canEdit={pending(request)}
          limits={limits}
        />
      ))}
    </div>
  );
}
