import { can, type Permission } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session-user";
import { ledgerSearchParams, type LedgerQuery } from "@/lib/ledger/schemas";
import type { Light } from "@/lib/tracking/light";
import type { DashboardData } from "./get-dashboard-data";
import type { DashboardQuery } from "./schemas";

/*
 * Where each number of the dashboard leads: a list whose count is that number,
 * for the same scope and month. The drill-down test (tests/db/dashboard-drilldown.test.ts)
 * follows every link below as each role and compares the counts.
 */

/** The ledger link for a slice of the dashboard: the same scope and month plus the slice's own filters. */
export function ledgerHref(query: DashboardQuery, extra: Partial<LedgerQuery>): string {
  const search = ledgerSearchParams({ ...query, ...extra }).toString();
  return search ? `/ledger?${search}` : "/ledger";
}

/** The notices link for the dashboard's scope (notices are counted now, whatever the month shown). */
export function noticesHref(query: DashboardQuery, extra: { state?: "active"; overdue?: "1"; unit?: string }): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...extra, programme: query.programme, area: query.area, city: query.city, leadUnit: query.leadUnit })) {
    if (value) params.set(key, value);
  }
  return `/notices?${params.toString()}`;
}

/** The permission each drill-down page asks of its visitor (the pages' requirePageUser). */
const pagePermissions: Record<string, Permission> = { "/ledger": "measure.read", "/notices": "notice.read" };

/** The link, or null when the user may not open its page (the number is then shown without one). */
export function linkFor(user: Pick<SessionUser, "role" | "unitId">, href: string): string | null {
  const permission = pagePermissions[href.split("?")[0]!];
  return permission && can(user, permission) ? href : null;
}

export type CardKey =
  | "total"
  | "completed"
  | "onTrack"
  | "behind"
  | "overdue"
  | "dueSoon"
  | "reportsDue"
  | "reportsSubmitted"
  | "reportsApproved"
  | "reportsMissing"
  | "suspended";

export interface DashboardCard {
  key: CardKey;
  value: number;
  /** Since the end of the month before; null when unknown. */
  change: number | null;
  href: string;
  /** The light a card counts: the only cards that carry colour. */
  light?: Light;
}

const lightCards: [CardKey, Light][] = [
  ["completed", "COMPLETED"],
  ["onTrack", "GREEN"],
  ["behind", "YELLOW"],
  ["overdue", "RED"],
  ["dueSoon", "BLUE"],
  ["suspended", "SUSPENDED"],
];
const reportCards: [CardKey, keyof DashboardData["reporting"]][] = [
  ["reportsDue", "due"],
  ["reportsSubmitted", "submitted"],
  ["reportsApproved", "approved"],
  ["reportsMissing", "missing"],
];

/** The dashboard's cards: each number, its change and the list it opens. */
export function dashboardCards(data: DashboardData, query: DashboardQuery): DashboardCard[] {
  return [
    { key: "total", value: data.total, change: data.changes?.total ?? null, href: ledgerHref(query, {}) },
    ...lightCards.map(([key, light]) => ({
      key,
      value: data.lightCounts[light],
      change: data.changes?.lights[light] ?? null,
      href: ledgerHref(query, { light }),
      light,
    })),
    ...reportCards.map(([key, figure]) => ({
      key,
      value: data.reporting[figure],
      change: data.changes?.reporting[figure] ?? null,
      href: ledgerHref(query, { monthReport: figure }),
    })),
  ];
}

export type ListKey = "overdue" | "dueSoon" | "returned" | "missing";

/** The lists to chase: how many measures each holds in all, and the ledger with every one of them. */
export function dashboardLists(data: DashboardData, query: DashboardQuery): { key: ListKey; count: number; href: string }[] {
  return [
    { key: "overdue", count: data.lightCounts.RED, href: ledgerHref(query, { light: "RED" }) },
    { key: "dueSoon", count: data.lightCounts.BLUE, href: ledgerHref(query, { light: "BLUE" }) },
    { key: "returned", count: data.lists.returnedCount, href: ledgerHref(query, { latestState: "RETURNED" }) },
    { key: "missing", count: data.reporting.missing, href: ledgerHref(query, { monthReport: "missing" }) },
  ];
}

/** The notices section's numbers: open and overdue in all, then per recipient unit, each with its /notices link. */
export function noticeLinks<Unit extends { code: string; open: number; overdue: number }>(
  counts: { open: number; overdue: number; units: Unit[] },
  query: DashboardQuery,
) {
  return {
    open: { count: counts.open, href: noticesHref(query, { state: "active" }) },
    overdue: { count: counts.overdue, href: noticesHref(query, { overdue: "1" }) },
    units: counts.units.map((unit) => ({
      ...unit,
      openHref: noticesHref(query, { state: "active", unit: unit.code }),
      overdueHref: noticesHref(query, { overdue: "1", unit: unit.code }),
    })),
  };
}

/** The ledger of the "forecast to miss" card, or of one of its areas, cities or lead units: the same measures. */
export function forecastMissHref(query: DashboardQuery, dueTo: string, group?: { key: "area" | "city" | "leadUnit"; code: string }): string {
  return ledgerHref(query, { forecast: "WILL_MISS", dueTo, ...(group ? { [group.key]: group.code } : {}) });
}
