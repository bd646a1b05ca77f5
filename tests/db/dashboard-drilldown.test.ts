import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "@/generated/prisma/enums";
import { can } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session-user";
import { chartedLeadUnits } from "@/lib/dashboard/charted-lead-units";
import { dashboardCards, dashboardLists, ledgerHref, linkFor, noticeLinks } from "@/lib/dashboard/dashboard-links";
import { getDashboardData } from "@/lib/dashboard/get-dashboard-data";
import { noticeCountsByUnit } from "@/lib/dashboard/notice-counts";
import type { DashboardQuery } from "@/lib/dashboard/schemas";
import { trendFromFirstData } from "@/lib/dashboard/trend-start";
import { listLedger } from "@/lib/ledger/list-ledger";
import { parseLedgerQuery, withViewer } from "@/lib/ledger/schemas";
import { issueNotice } from "@/lib/notices/issue-notice";
import { listNotices, parseNoticeFilters } from "@/lib/notices/list-notices";
import { issueNoticeInputSchema } from "@/lib/notices/schemas";
import { lights } from "@/lib/tracking/light";
import { seedReport, seedUnit, seedUser, uniqueSuffix } from "./fixtures";
import { testDb } from "./helpers";

/*
 * Every number of the dashboard, as each role sees it, against the count of the
 * list its link opens, both through the functions the pages use: the dashboard's
 * links (dashboard-links.ts) and the ledger's and notices' own list queries.
 */
const db = testDb();
const today = new Date("2026-11-28T00:00:00Z");
const settings = { reportingDay: 28, paceMarginPercent: 10, dueSoonDays: 30 };
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
let programme: string;
let areas: string[];
const users: Record<string, SessionUser> = {};

const asSession = (user: { id: string; loginName: string; displayName: string; role: Role; unitId: string | null }): SessionUser => ({
  id: user.id,
  loginName: user.loginName,
  displayName: user.displayName,
  role: user.role,
  unitId: user.unitId,
  mustChangePassword: false,
});

beforeAll(async () => {
  const suffix = uniqueSuffix();
  const p = await db.programme.create({ data: { code: `DD-${suffix}`, titleZh: "钻取测试", titleEn: "Drill-down test", sortOrder: 900 } });
  programme = p.code;
  const area = (n: number) => db.area.create({ data: { code: `DD${n}-${suffix}`, programmeId: p.id, titleZh: `钻取领域${n}`, titleEn: `Drill area ${n}`, sortOrder: 900 + n } });
  const [a1, a2] = [await area(1), await area(2)];
  areas = [a1.code, a2.code];
  const [u1, u2, u3] = [await seedUnit(db), await seedUnit(db), await seedUnit(db)];
  const author = await seedUser(db, "OFFICIAL", u1.id);
  const author2 = await seedUser(db, "OFFICIAL", u2.id);
  const jinan = await db.city.upsert({ where: { code: "jinan" }, update: {}, create: { code: "jinan", nameZh: "济南", nameEn: "Jinan" } });
  const zibo = await db.city.upsert({ where: { code: "zibo" }, update: {}, create: { code: "zibo", nameZh: "淄博", nameEn: "Zibo" } });

  // Every light, every state of this month's and last month's report, cooperating units for the notices.
  const fixture = [
    { key: "red", area: a1, unit: u1, cities: [jinan], start: "2026-01-01", due: "2026-11-01", percent: 50, reports: { "2026-10": "APPROVED", "2026-11": "SUBMITTED" } },
    { key: "behind", area: a1, unit: u1, cities: [jinan, zibo], start: "2026-01-01", due: "2027-12-31", percent: 10, reports: { "2026-11": "APPROVED" } },
    { key: "soon", area: a1, unit: u2, cities: [zibo], start: "2026-01-01", due: "2026-12-15", percent: 95, reports: { "2026-09": "APPROVED", "2026-11": "DRAFT" } },
    { key: "green", area: a2, unit: u2, cities: [zibo], start: "2026-06-01", due: "2028-06-01", percent: 30, reports: { "2026-10": "RETURNED", "2026-11": "APPROVED" } },
    { key: "done", area: a2, unit: u1, cities: [], start: "2025-01-01", due: "2026-06-30", percent: 100, status: "COMPLETED" as const, reports: {} },
    { key: "returned", area: a2, unit: u2, cities: [jinan], start: "2026-01-01", due: "2028-01-01", percent: 40, reports: { "2026-11": "RETURNED" } },
    { key: "lastReturned", area: a2, unit: u1, cities: [], start: "2026-01-01", due: "2028-01-01", percent: 40, reports: { "2026-10": "RETURNED" } },
    { key: "later", area: a1, unit: u2, cities: [], start: "2026-12-01", due: "2027-12-01", percent: 0, status: "NOT_STARTED" as const, reports: {} },
  ];
  const inspector = await seedUser(db, "INSPECTOR", null);
  for (const m of fixture) {
    const measure = await db.measure.create({
      data: {
        code: `DD.${suffix}.${m.key}`,
        areaId: m.area.id,
        leadUnitId: m.unit.id,
        titleZh: `钻取措施${m.key}`,
        titleEn: `Drill measure ${m.key}`,
        startDate: d(m.start),
        dueDate: d(m.due),
        percentComplete: m.percent,
        status: m.status ?? "IN_PROGRESS",
        cities: { create: m.cities.map((c) => ({ cityId: c.id })) },
        cooperatingUnits: { create: [{ unitId: u3.id }] },
      },
    });
    for (const [period, state] of Object.entries(m.reports)) {
      await seedReport(db, measure.id, m.unit.id, m.unit.id === u1.id ? author.id : author2.id, period, state as "APPROVED", state === "APPROVED" ? m.percent : 20);
    }
    if (m.status === "COMPLETED") continue;
    // Notices: to the lead unit only, or also to the cooperating unit; some overdue.
    const notice = await issueNotice(
      db,
      asSession(inspector),
      issueNoticeInputSchema.parse({
        measureCode: measure.code,
        level: "SUPERVISE",
        body: "请说明进度。",
        replyDueDate: "2026-12-05",
        cooperatingUnitIds: m.key === "red" || m.key === "green" ? [u3.id] : [],
      }),
      today,
    );
    if (m.key === "red" || m.key === "behind") await db.notice.update({ where: { id: notice.id }, data: { replyDueDate: d("2026-11-20") } });
  }

  for (const [name, role, unitId] of [
    ["admin", "ADMIN", null],
    ["inspector", "INSPECTOR", null],
    ["leader", "LEADER", null],
    ["official", "OFFICIAL", u1.id],
    ["cooperatingOfficial", "OFFICIAL", u3.id],
    ["viewer", "VIEWER", null],
  ] as const) {
    users[name] = asSession(await seedUser(db, role, unitId));
  }
});
afterAll(() => db.$disconnect());

/** The count of the list a link opens, as its page lists it for this user; the page must be one the user may open. */
async function listCount(href: string, user: SessionUser): Promise<number> {
  const url = new URL(href, "http://luoshi.test");
  const params = Object.fromEntries(url.searchParams);
  if (url.pathname === "/ledger") {
    expect(can(user, "measure.read")).toBe(true);
    return (await listLedger(db, withViewer(parseLedgerQuery(params), user), today, settings)).total;
  }
  if (url.pathname === "/notices") {
    expect(can(user, "notice.read")).toBe(true);
    return (await listNotices(db, user, { ...parseNoticeFilters(params), perPage: 100 }, today)).total;
  }
  throw new Error(`a dashboard number links to ${url.pathname}, a page this test does not know`);
}

// The dashboard's data does not depend on the user (notices do): computed once per scope.
const dataByScope = new Map<string, ReturnType<typeof getDashboardData>>();
function dashboardData(query: DashboardQuery) {
  const key = JSON.stringify(query);
  if (!dataByScope.has(key)) dataByScope.set(key, getDashboardData(db, query, today, settings));
  return dataByScope.get(key)!;
}

/** Every number on the dashboard with its link, as the page builds them (dashboard-view.tsx, notice-counts.tsx). */
async function everyNumber(query: DashboardQuery, user: SessionUser) {
  const data = await dashboardData(query);
  const notices = noticeCountsByUnit(db, query, today, { reader: user });
  const numbers: { what: string; value: number; href: string }[] = [];
  for (const card of dashboardCards(data, query)) numbers.push({ what: `card ${card.key}`, value: card.value, href: card.href });
  for (const list of dashboardLists(data, query)) numbers.push({ what: `list ${list.key}`, value: list.count, href: list.href });
  for (const light of lights) numbers.push({ what: `lights chart ${light}`, value: data.lightCounts[light], href: ledgerHref(query, { light }) });
  const breakdowns = { area: data.byArea, city: data.byCity, leadUnit: chartedLeadUnits(data.byLeadUnit).shown } as const;
  for (const [key, rows] of Object.entries(breakdowns)) {
    for (const row of rows) {
      for (const light of lights) numbers.push({ what: `${key} ${row.code} ${light}`, value: row.lights[light], href: ledgerHref(query, { [key]: row.code, light }) });
    }
  }
  for (const city of data.byCity) numbers.push({ what: `map ${city.code}`, value: city.total, href: ledgerHref(query, { city: city.code }) });
  for (const point of trendFromFirstData(data.trend, data.trendStart).points) {
    for (const light of lights) numbers.push({ what: `trend ${point.month} ${light}`, value: point.lights[light], href: ledgerHref(query, { asOf: point.month, light }) });
  }
  const links = noticeLinks(await notices, query);
  numbers.push({ what: "notices open", value: links.open.count, href: links.open.href }, { what: "notices overdue", value: links.overdue.count, href: links.overdue.href });
  for (const unit of links.units) {
    numbers.push({ what: `notices open ${unit.code}`, value: unit.open, href: unit.openHref }, { what: `notices overdue ${unit.code}`, value: unit.overdue, href: unit.overdueHref });
  }
  return { data, numbers };
}

describe("[DASHBOARD] every number opens exactly its own list, for every role", () => {
  const roles = ["admin", "inspector", "leader", "official", "cooperatingOfficial", "viewer"];
  for (const role of roles) {
    for (const [name, scope] of [
      ["the programme", {}],
      ["an area", { area: 1 }],
      ["last month", { asOf: "2026-10" }],
    ] as const) {
      it(`${role}, ${name}`, async () => {
        const user = users[role]!;
        const query: DashboardQuery = { programme, ...("area" in scope ? { area: areas[scope.area] } : {}), ...("asOf" in scope ? { asOf: scope.asOf } : {}) };
        const { numbers } = await everyNumber(query, user);
        expect(numbers.length).toBeGreaterThan(40);
        for (const number of numbers) {
          // Only pages the role may open are linked (the page renders linkFor's answer).
          expect(linkFor(user, number.href), number.what).toBe(number.href);
          expect(await listCount(number.href, user), `${number.what} → ${number.href}`).toBe(number.value);
        }
      });
    }
  }

  it("counts what the fixture holds (so the comparisons above are not of zeros)", async () => {
    const { data } = await everyNumber({ programme }, users.leader!);
    expect(data.lightCounts).toEqual({ RED: 1, YELLOW: 3, BLUE: 1, GREEN: 2, COMPLETED: 1, SUSPENDED: 0 });
    // Due: every measure under way and started (not "done", not "later"); submitted: red, behind, green.
    expect(data.reporting).toEqual({ due: 6, submitted: 3, approved: 2, missing: 3 });
    expect(data.lists.returnedCount).toBe(2);
    const notices = await noticeCountsByUnit(db, { programme }, today, { reader: users.leader! });
    expect([notices.open, notices.overdue]).toEqual([7, 2]);
    // The cooperating unit's official sees the two notices addressed to it; the lead official those to u1.
    expect((await noticeCountsByUnit(db, { programme }, today, { reader: users.cooperatingOfficial! })).open).toBe(2);
    expect((await noticeCountsByUnit(db, { programme }, today, { reader: users.official! })).open).toBe(3);
  });

  it("starts the trend at the first month with an approved report", async () => {
    const { data } = await everyNumber({ programme }, users.leader!);
    expect(data.trendStart).toBe("2026-09");
    expect(trendFromFirstData(data.trend, data.trendStart).points.map((point) => point.month)).toEqual(["2026-09", "2026-10", "2026-11"]);
    expect((await getDashboardData(db, { programme, asOf: "2026-08" }, today, settings)).trendStart).toBeNull();
  });

  it("gives each card's change since the end of last month, as the as-of view of that month shows it", async () => {
    const [now, before] = await Promise.all([
      getDashboardData(db, { programme }, today, settings),
      getDashboardData(db, { programme, asOf: "2026-10" }, today, settings),
    ]);
    for (const light of lights) expect(now.changes!.lights[light], light).toBe(now.lightCounts[light] - before.lightCounts[light]);
    for (const figure of ["due", "submitted", "approved", "missing"] as const) {
      expect(now.changes!.reporting[figure], figure).toBe(now.reporting[figure] - before.reporting[figure]);
    }
    expect(now.changes!.total).toBe(0);
    // Not all flat: the fixture's reports moved between October and November.
    expect(Object.values(now.changes!.reporting).some((change) => change !== 0)).toBe(true);
  });
});
