import { listAttachments } from "@/lib/attachments/list-attachments";
import type { Prisma } from "@/generated/prisma/client";
import { can } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session-user";
import type { PrismaClient } from "@/lib/db/create-client";
import { listComments } from "@/lib/comments/list-comments";
import { loadCredibilityFlags } from "@/lib/credibility/load-flags";
import { reportIdsWrittenBy } from "@/lib/reports/report-writers";
import { formatPeriod, isoDay, monthOf } from "@/lib/tracking/dates";
import { changedFields, type ReportFigures } from "./compared-fields";

const figuresSelect = {
  percentComplete: true,
  kpiActual: true,
  investmentCompleted: true,
  progress: true,
  problems: true,
  nextSteps: true,
} as const satisfies Prisma.ProgressReportSelect;

const measureSelect = {
  code: true,
  titleZh: true,
  titleEn: true,
  leadUnitId: true,
  kpiNameZh: true,
  kpiNameEn: true,
  kpiUnit: true,
  kpiTarget: true,
  investmentPlanned: true,
} as const satisfies Prisma.MeasureSelect;

type Figures = Prisma.ProgressReportGetPayload<{ select: typeof figuresSelect }>;
const toFigures = (report: Figures): ReportFigures => ({
  ...report,
  kpiActual: report.kpiActual?.toNumber() ?? null,
  investmentCompleted: report.investmentCompleted?.toNumber() ?? null,
});

export type ReviewItem = NonNullable<Awaited<ReturnType<typeof getReviewItem>>>;

/**
 * The item open in the review panel, or null when it is no longer waiting or
 * not this person's to decide: a submitted report with the same unit's report
 * of the month before (drafts aside) and which figures changed; or a pending
 * extension request with its current and requested due dates and its reason.
 */
export async function getReviewItem(db: PrismaClient, user: SessionUser, key: string) {
  const [kind, id] = key.split(":") as [string, string];
  if (kind === "report") return can(user, "report.review") ? getReportItem(db, user, id) : null;
  if (kind === "extension") return can(user, "extension.decide") ? getExtensionItem(db, id) : null;
  return null;
}

async function getReportItem(db: PrismaClient, user: SessionUser, id: string) {
  const report = await db.progressReport.findFirst({
    where: { id, state: "SUBMITTED" },
    select: {
      ...figuresSelect,
      id: true,
      version: true,
      measureId: true,
      unitId: true,
      period: true,
      isCompletion: true,
      isSample: true,
      submittedAt: true,
      authorId: true,
      author: { select: { displayName: true } },
      unit: { select: { nameZh: true, nameEn: true } },
      measure: { select: measureSelect },
    },
  });
  // Nobody reviews a report they wrote: it is not in their queue, nor in their panel.
  if (!report || report.authorId === user.id || (await reportIdsWrittenBy(db, user.id, [report.id])).size > 0) return null;
  const previousReport = await db.progressReport.findFirst({
    where: { measureId: report.measureId, unitId: report.unitId, period: monthOf(report.period, -1), state: { not: "DRAFT" } },
    select: { ...figuresSelect, period: true, state: true },
  });
  const current = toFigures(report);
  const previous = previousReport ? toFigures(previousReport) : null;
  const comments = await listComments(db, user, { reportId: report.id }, new Date());
  // Why the figures may not be credible, before approving (lib/credibility).
  const flags = (await loadCredibilityFlags(db, [report.id])).get(report.id) ?? [];
  // The evidence the inspector should open before approving.
  const attachments = await listAttachments(db, user, report.measureId, report.id);
  return {
    attachments,
    kind: "report" as const,
    key: `report:${report.id}`,
    id: report.id,
    version: report.version,
    period: formatPeriod(report.period),
    isCompletion: report.isCompletion,
    isSample: report.isSample,
    submittedAt: report.submittedAt,
    author: report.author.displayName,
    unit: report.unit,
    role: report.unitId === report.measure.leadUnitId ? ("lead" as const) : ("cooperating" as const),
    measure: {
      code: report.measure.code,
      titleZh: report.measure.titleZh,
      titleEn: report.measure.titleEn,
      kpiNameZh: report.measure.kpiNameZh,
      kpiNameEn: report.measure.kpiNameEn,
      kpiUnit: report.measure.kpiUnit,
      kpiTarget: report.measure.kpiTarget?.toNumber() ?? null,
      investmentPlanned: report.measure.investmentPlanned?.toNumber() ?? null,
    },
    current,
    previous: previous && previousReport ? { ...previous, period: formatPeriod(previousReport.period), state: previousReport.state } : null,
    changed: changedFields(current, previous),
    flags,
    /** The report's comments, and whether the reviewer may add one (components/comments). */
    comments,
    canComment: can(user, "comment.write"),
  };
}

async function getExtensionItem(db: PrismaClient, id: string) {
  const request = await db.extensionRequest.findFirst({
    where: { id, state: "PENDING" },
    select: {
      id: true,
      version: true,
      currentDueDate: true,
      requestedDueDate: true,
      reason: true,
      createdAt: true,
      requestedBy: { select: { displayName: true, unit: { select: { nameZh: true, nameEn: true } } } },
      measure: { select: { code: true, titleZh: true, titleEn: true, isSample: true } },
    },
  });
  if (!request) return null;
  return {
    kind: "extension" as const,
    key: `extension:${request.id}`,
    id: request.id,
    version: request.version,
    currentDueDate: isoDay(request.currentDueDate),
    requestedDueDate: isoDay(request.requestedDueDate),
    reason: request.reason,
    requestedAt: request.createdAt,
    requestedBy: request.requestedBy.displayName,
    unit: request.requestedBy.unit,
    isSample: request.measure.isSample,
    measure: { code: request.measure.code, titleZh: request.measure.titleZh, titleEn: request.measure.titleEn },
  };
}
