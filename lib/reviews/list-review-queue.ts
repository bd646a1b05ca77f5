import type { Prisma } from "@/generated/prisma/client";
import { can } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session-user";
import type { PrismaClient } from "@/lib/db/create-client";
import { listReportsToReview, queueMeasureSelect } from "@/lib/reports/list-reports-to-review";
import { formatPeriod } from "@/lib/tracking/dates";
import { computeLight, type Light, lights } from "@/lib/tracking/light";
import { getTrackingSettings, type TrackingSettings } from "@/lib/tracking/settings";
import type { ReviewKind, ReviewQueueQuery } from "./schemas";

type QueueMeasure = Prisma.MeasureGetPayload<{ select: typeof queueMeasureSelect }>;
type Named = { code: string; titleZh: string; titleEn: string };

/** One item awaiting this person's decision: a submitted report or a pending extension request. */
export interface ReviewQueueRow {
  /** "report:ID" or "extension:ID", as the URL's `open` names it. */
  key: string;
  kind: ReviewKind;
  id: string;
  version: number;
  measure: { code: string; titleZh: string; titleEn: string };
  unit: { id: string; nameZh: string; nameEn: string };
  area: Named;
  programme: Named;
  /** The report's month ("2026-11"); null for an extension request. */
  period: string | null;
  /** Submitted or requested at: the queue waits since then. */
  since: Date;
  light: Light;
  /** Whether the reporting (or requesting) unit leads the measure or cooperates on it. */
  role: "lead" | "cooperating";
  isSample: boolean;
}

export interface ReviewQueue {
  /** The rows the query selects, sorted. */
  rows: ReviewQueueRow[];
  /** Everything awaiting this person, before filters. */
  total: number;
  hasSample: boolean;
  /** Filter choices: the programmes, areas and units present in the whole queue. */
  options: { programmes: Named[]; areas: (Named & { programmeCode: string })[]; units: { id: string; nameZh: string; nameEn: string }[] };
}

const extensionMeasureSelect = { ...queueMeasureSelect, leadUnit: { select: { id: true, nameZh: true, nameEn: true } } } as const;

/**
 * Everything awaiting this person's decision (审核队列): submitted reports for a
 * leader or inspector (not those they wrote), and pending extension requests
 * too for whoever may decide them (inspectors). Filtered and sorted as the URL
 * says; oldest first by default.
 */
export async function listReviewQueue(
  db: PrismaClient,
  user: SessionUser,
  query: ReviewQueueQuery,
  today: Date,
  settings?: Pick<TrackingSettings, "paceMarginPercent" | "dueSoonDays">,
): Promise<ReviewQueue> {
  const mayReview = can(user, "report.review");
  const mayDecideExtensions = can(user, "extension.decide");
  const [tracking, reports, extensions] = await Promise.all([
    settings ?? getTrackingSettings(db),
    mayReview ? listReportsToReview(db, user.id).then((result) => result.reports) : [],
    mayDecideExtensions
      ? db.extensionRequest.findMany({
          where: { state: "PENDING" },
          orderBy: [{ createdAt: "asc" }, { id: "asc" }],
          take: 500,
          select: {
            id: true,
            version: true,
            createdAt: true,
            measure: { select: extensionMeasureSelect },
            requestedBy: { select: { unit: { select: { id: true, nameZh: true, nameEn: true } } } },
          },
        })
      : [],
  ]);
  const lightOf = (measure: QueueMeasure) => computeLight(measure, today, tracking);
  const common = (measure: QueueMeasure, unitId: string) => ({
    measure: { code: measure.code, titleZh: measure.titleZh, titleEn: measure.titleEn },
    area: { code: measure.area.code, titleZh: measure.area.titleZh, titleEn: measure.area.titleEn },
    programme: measure.area.programme,
    light: lightOf(measure),
    role: unitId === measure.leadUnitId ? ("lead" as const) : ("cooperating" as const),
  });

  const all: ReviewQueueRow[] = [
    ...reports.map((report) => ({
      key: `report:${report.id}`,
      kind: "report" as const,
      id: report.id,
      version: report.version,
      unit: report.unit,
      period: formatPeriod(report.period),
      since: report.submittedAt ?? report.period,
      isSample: report.isSample,
      ...common(report.measure, report.unit.id),
    })),
    ...extensions.map((request) => {
      // The requesting official's unit; the lead unit when the account has none any more.
      const unit = request.requestedBy.unit ?? request.measure.leadUnit;
      return {
        key: `extension:${request.id}`,
        kind: "extension" as const,
        id: request.id,
        version: request.version,
        unit,
        period: null,
        since: request.createdAt,
        isSample: request.measure.isSample,
        ...common(request.measure, unit.id),
      };
    }),
  ];

  const rows = all.filter((row) => matches(row, query)).sort(comparator(query));
  return { rows, total: all.length, hasSample: all.some((row) => row.isSample), options: optionsOf(all) };
}

function matches(row: ReviewQueueRow, query: ReviewQueueQuery): boolean {
  if (query.kind && row.kind !== query.kind) return false;
  if (query.programme && row.programme.code !== query.programme) return false;
  if (query.area && row.area.code !== query.area) return false;
  if (query.unit && row.unit.id !== query.unit) return false;
  if (query.q) {
    const needle = query.q.toLowerCase();
    const haystack = [row.measure.code, row.measure.titleZh, row.measure.titleEn, row.unit.nameZh, row.unit.nameEn];
    if (!haystack.some((text) => text.toLowerCase().includes(needle))) return false;
  }
  return true;
}

const byCode = (a: string, b: string) => a.localeCompare(b, "en", { numeric: true });

/** The chosen order, then the longest waiting first, then by id, so the order is stable. */
function comparator(query: ReviewQueueQuery) {
  const sign = query.dir === "desc" ? -1 : 1;
  const primary: Record<ReviewQueueQuery["sort"], (a: ReviewQueueRow, b: ReviewQueueRow) => number> = {
    waiting: () => 0,
    code: (a, b) => byCode(a.measure.code, b.measure.code),
    unit: (a, b) => a.unit.nameZh.localeCompare(b.unit.nameZh, "zh-CN"),
    period: (a, b) => (a.period ?? "").localeCompare(b.period ?? ""),
    light: (a, b) => lights.indexOf(a.light) - lights.indexOf(b.light),
  };
  return (a: ReviewQueueRow, b: ReviewQueueRow) =>
    sign * primary[query.sort](a, b) ||
    (query.sort === "waiting" ? sign : 1) * (a.since.getTime() - b.since.getTime()) ||
    a.key.localeCompare(b.key);
}

function optionsOf(rows: ReviewQueueRow[]): ReviewQueue["options"] {
  const programmes = new Map<string, Named>();
  const areas = new Map<string, Named & { programmeCode: string }>();
  const units = new Map<string, ReviewQueueRow["unit"]>();
  for (const row of rows) {
    programmes.set(row.programme.code, row.programme);
    areas.set(row.area.code, { ...row.area, programmeCode: row.programme.code });
    units.set(row.unit.id, row.unit);
  }
  return {
    programmes: [...programmes.values()].sort((a, b) => byCode(a.code, b.code)),
    areas: [...areas.values()].sort((a, b) => byCode(a.code, b.code)),
    units: [...units.values()].sort((a, b) => a.nameZh.localeCompare(b.nameZh, "zh-CN")),
  };
}
