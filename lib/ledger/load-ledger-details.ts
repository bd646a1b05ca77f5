import type { PrismaClient } from "@/lib/db/create-client";
import { noticeSummaries, type NoticeSummary } from "@/lib/notices/notice-summary";
import { latestLeadReports, type LeadReportText } from "@/lib/reports/latest-lead-reports";
import { parsePeriod } from "@/lib/tracking/dates";
import type { LedgerColumn } from "./ledger-columns";

type Named = { nameZh: string; nameEn: string };

/** What a ledger row shows beyond its own columns: lists of names, the lead unit's latest report texts, notices. */
export interface LedgerDetail {
  cooperatingUnits: Named[];
  cities: Named[];
  report: LeadReportText | undefined;
  notices: NoticeSummary | undefined;
}

const reportColumns: readonly LedgerColumn[] = ["progress", "problems", "nextSteps"];

/**
 * The details of these measures that the given columns need, each kind in one
 * statement (nothing is loaded for columns not shown). Report texts are the
 * lead unit's latest up to the as-of month, when the ledger shows one; the
 * exports ask for them always, for the report's evidence count.
 */
export async function loadLedgerDetails(
  db: PrismaClient,
  ids: string[],
  columns: readonly LedgerColumn[],
  today: Date,
  asOf?: string,
  options: { evidence?: boolean } = {},
): Promise<Map<string, LedgerDetail>> {
  const wants = (...names: LedgerColumn[]) => names.some((name) => columns.includes(name));
  const [lists, reports, notices] = await Promise.all([
    wants("cooperatingUnits", "cities")
      ? db.measure.findMany({
          where: { id: { in: ids } },
          select: {
            id: true,
            cooperatingUnits: { select: { unit: { select: { nameZh: true, nameEn: true } } } },
            cities: { select: { city: { select: { nameZh: true, nameEn: true } } }, orderBy: { city: { sortOrder: "asc" } } },
          },
        })
      : [],
    wants(...reportColumns) || options.evidence ? latestLeadReports(db, ids, asOf ? parsePeriod(asOf) : undefined) : new Map<string, LeadReportText>(),
    wants("notices") ? noticeSummaries(db, ids, today) : new Map<string, NoticeSummary>(),
  ]);
  const listsById = new Map(lists.map((row) => [row.id, row]));
  return new Map(
    ids.map((id) => {
      const list = listsById.get(id);
      return [
        id,
        {
          cooperatingUnits: list?.cooperatingUnits.map(({ unit }) => unit) ?? [],
          cities: list?.cities.map(({ city }) => city) ?? [],
          report: reports.get(id),
          notices: notices.get(id),
        },
      ];
    }),
  );
}
