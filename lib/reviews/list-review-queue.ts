import { can } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session-user";
import type { PrismaClient } from "@/lib/db/create-client";
import { formatPeriod } from "@/lib/tracking/dates";
import type { Light } from "@/lib/tracking/light";
import { getTrackingSettings, type TrackingSettings } from "@/lib/tracking/settings";
import { type CredibilityFlag, loadCredibilityFlags, openFlagCount } from "@/lib/credibility/load-flags";
import { getCredibilitySettings } from "@/lib/credibility/settings";
import { type QueueGrants, reviewQueueOptionsSql, reviewQueuePageSql, reviewQueueReportIdsSql } from "./review-queue-sql";
import type { ReviewKind, ReviewQueueQuery } from "./schemas";

type Named = { code: string; titleZh: string; titleEn: string };
type UnitName = { id: string; nameZh: string; nameEn: string };

/** One item awaiting this person's decision: a submitted report or a pending extension request. */
export interface ReviewQueueRow {
  /** "report:ID" or "extension:ID", as the URL's `open` names it. */
  key: string;
  kind: ReviewKind;
  id: string;
  version: number;
  measure: Named;
  unit: UnitName;
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
  /** A report's credibility flags (open and explained); empty for an extension request. */
  flags: CredibilityFlag[];
}

export interface ReviewQueue {
  /** One page of the rows the query selects, sorted. */
  rows: ReviewQueueRow[];
  /** How many rows the filters select, over all pages. */
  matching: number;
  /** Everything awaiting this person, before filters. */
  total: number;
  /** The page shown (the last one when the URL asks past it) and how many there are. */
  page: number;
  pageCount: number;
  hasSample: boolean;
  /** Filter choices: the programmes, areas and units present in the whole queue. */
  options: { programmes: Named[]; areas: (Named & { programmeCode: string })[]; units: UnitName[] };
}

type SqlRow = {
  key: string | null;
  kind: ReviewKind;
  id: string;
  version: number;
  period: Date | null;
  since: Date;
  isSample: boolean;
  code: string;
  titleZh: string;
  titleEn: string;
  areaCode: string;
  areaZh: string;
  areaEn: string;
  programmeCode: string;
  programmeZh: string;
  programmeEn: string;
  unitId: string;
  unitZh: string;
  unitEn: string;
  role: "lead" | "cooperating";
  light: Light;
  matching: bigint;
  everything: bigint;
  anySample: boolean;
};
type OptionRow = Pick<SqlRow, "programmeCode" | "programmeZh" | "programmeEn" | "areaCode" | "areaZh" | "areaEn" | "unitId" | "unitZh" | "unitEn"> & {
  programme_sort: number;
  area_sort: number;
};

/**
 * Everything awaiting this person's decision (审核队列): submitted reports for a
 * leader or inspector (not those they wrote), and pending extension requests
 * too for whoever may decide them (inspectors). Filtered, sorted and paged in
 * the database as the URL says (review-queue-sql.ts); oldest first by default.
 */
export async function listReviewQueue(
  db: PrismaClient,
  user: SessionUser,
  query: ReviewQueueQuery,
  today: Date,
  settings?: Pick<TrackingSettings, "paceMarginPercent" | "dueSoonDays"> & Partial<Pick<TrackingSettings, "reportingDay">>,
): Promise<ReviewQueue> {
  const grants: QueueGrants = { userId: user.id, reports: can(user, "report.review"), extensions: can(user, "extension.decide") };
  if (!grants.reports && !grants.extensions) {
    return { rows: [], matching: 0, total: 0, page: 1, pageCount: 1, hasSample: false, options: { programmes: [], areas: [], units: [] } };
  }
  const [tracking, credibility] = await Promise.all([
    settings?.reportingDay !== undefined ? settings : settings ? getTrackingSettings(db).then((stored) => ({ ...stored, ...settings })) : getTrackingSettings(db),
    getCredibilitySettings(db),
  ]);
  const flagOptions = { settings: credibility, reportingDay: tracking.reportingDay };
  // "Has open flags": the flags of every report the other filters select, in one batched read, then page those.
  let flagged: Map<string, CredibilityFlag[]> | undefined;
  let onlyReportIds: string[] | undefined;
  if (query.flags === "open") {
    const ids = (await db.$queryRaw<{ id: string }[]>(reviewQueueReportIdsSql(grants, query, today, tracking))).map((row) => row.id);
    flagged = await loadCredibilityFlags(db, ids, flagOptions);
    onlyReportIds = ids.filter((id) => openFlagCount(flagged!.get(id)) > 0);
  }
  const pageOf = (page: number) => db.$queryRaw<SqlRow[]>(reviewQueuePageSql(grants, { ...query, page }, today, tracking, onlyReportIds));
  const [found, optionRows] = await Promise.all([pageOf(query.page), db.$queryRaw<OptionRow[]>(reviewQueueOptionsSql(grants, today, tracking))]);
  // One row even when the page is empty: its totals, with the row's own columns null.
  const head = found[0]!;
  const matching = Number(head.matching);
  const pageCount = Math.max(1, Math.ceil(matching / query.perPage));
  // Past the last page (rows decided meanwhile): show the last one there is.
  const page = Math.min(query.page, pageCount);
  const rows = (page === query.page ? found : await pageOf(page)).filter((row) => row.key !== null);
  // The page's flags in one batched read (no query per row).
  const flags = flagged ?? (await loadCredibilityFlags(db, rows.filter((row) => row.kind === "report").map((row) => row.id), flagOptions));
  return {
    rows: rows.map((row) => toRow(row, flags.get(row.id) ?? [])),
    matching,
    total: Number(head.everything),
    page,
    pageCount,
    hasSample: head.anySample,
    options: optionsOf(optionRows),
  };
}

function toRow(row: SqlRow, flags: CredibilityFlag[]): ReviewQueueRow {
  return {
    key: row.key!,
    kind: row.kind,
    id: row.id,
    version: row.version,
    measure: { code: row.code, titleZh: row.titleZh, titleEn: row.titleEn },
    unit: { id: row.unitId, nameZh: row.unitZh, nameEn: row.unitEn },
    area: { code: row.areaCode, titleZh: row.areaZh, titleEn: row.areaEn },
    programme: { code: row.programmeCode, titleZh: row.programmeZh, titleEn: row.programmeEn },
    period: row.period ? formatPeriod(row.period) : null,
    since: row.since,
    light: row.light,
    role: row.role,
    isSample: row.isSample,
    flags: row.kind === "report" ? flags : [],
  };
}

const byCode = (a: string, b: string) => a.localeCompare(b, "en", { numeric: true });

function optionsOf(rows: OptionRow[]): ReviewQueue["options"] {
  const programmes = new Map<string, Named & { sort: number }>();
  const areas = new Map<string, Named & { programmeCode: string; sort: number }>();
  const units = new Map<string, UnitName>();
  for (const row of rows) {
    programmes.set(row.programmeCode, { code: row.programmeCode, titleZh: row.programmeZh, titleEn: row.programmeEn, sort: row.programme_sort });
    areas.set(row.areaCode, { code: row.areaCode, titleZh: row.areaZh, titleEn: row.areaEn, programmeCode: row.programmeCode, sort: row.area_sort });
    units.set(row.unitId, { id: row.unitId, nameZh: row.unitZh, nameEn: row.unitEn });
  }
  const bySort = <T extends { code: string; sort: number }>(a: T, b: T) => a.sort - b.sort || byCode(a.code, b.code);
  return {
    programmes: [...programmes.values()].sort(bySort).map(({ sort: _sort, ...programme }) => programme),
    areas: [...areas.values()].sort(bySort).map(({ sort: _sort, ...area }) => area),
    units: [...units.values()].sort((a, b) => a.nameZh.localeCompare(b.nameZh, "zh-CN")),
  };
}
