import type { PrismaClient } from "@/lib/db/create-client";
import type { SessionUser } from "@/lib/auth/session-user";
import { cachedView, readDataVersion } from "@/lib/cache/view-cache";
import { listLedgerFilterOptions } from "@/lib/ledger/filter-options";
import { isoDay } from "@/lib/tracking/dates";
import type { TrackingSettings } from "@/lib/tracking/settings";
import { getForecastMissCard } from "./forecast-miss";
import { getDashboardData } from "./get-dashboard-data";
import { noticeCountsByUnit, noticeReaderKey } from "./notice-counts";
import type { DashboardQuery } from "./schemas";

/*
 * The dashboard's views through the data-version cache (lib/cache/view-cache.ts).
 * Each key holds everything its view depends on besides the data: the scope and
 * as-of month, the day (in China) and the tracking settings. The dashboard data
 * and the forecast card do not depend on the viewer; the notice counts depend on
 * which notices the viewer may read, and are keyed by exactly that.
 */

function scopeKey(query: DashboardQuery, today: Date): string {
  return JSON.stringify([query.programme ?? "", query.area ?? "", query.city ?? "", query.leadUnit ?? "", query.asOf ?? "", isoDay(today)]);
}

function settingsKey(settings: TrackingSettings): string {
  return `${settings.reportingDay}/${settings.paceMarginPercent}/${settings.dueSoonDays}`;
}

function dashboardData(version: string | null, db: PrismaClient, query: DashboardQuery, today: Date, settings: TrackingSettings, withTrend: boolean) {
  return cachedView(version, `dashboard${withTrend ? "" : "-no-trend"}:${scopeKey(query, today)}:${settingsKey(settings)}`, () =>
    getDashboardData(db, query, today, settings, { withTrend }),
  );
}

/** getDashboardData through the cache (the bulletin's summary). */
export async function cachedDashboardData(db: PrismaClient, query: DashboardQuery, today: Date, settings: TrackingSettings, { withTrend = true } = {}) {
  return dashboardData(await readDataVersion(db), db, query, today, settings, withTrend);
}

/** What /dashboard shows from the database, after one version check: its data, forecast card, the reader's notice counts and the scope form's options. */
export async function loadDashboardViews(db: PrismaClient, query: DashboardQuery, today: Date, settings: TrackingSettings, reader: Pick<SessionUser, "role" | "unitId">) {
  const version = await readDataVersion(db);
  const [data, forecastMiss, noticeCounts, options] = await Promise.all([
    dashboardData(version, db, query, today, settings, true),
    cachedView(version, `forecast-miss:${scopeKey(query, today)}`, () => getForecastMissCard(db, query, today)),
    cachedView(version, `notices:${noticeReaderKey(reader)}:${scopeKey({ ...query, asOf: undefined }, today)}`, () =>
      noticeCountsByUnit(db, query, today, { reader }),
    ),
    cachedView(version, `filter-options:${query.leadUnit ?? ""}`, () => listLedgerFilterOptions(db, query.leadUnit)),
  ]);
  return { data, forecastMiss, noticeCounts, options };
}
