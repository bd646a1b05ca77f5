import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listTimeline } from "@/lib/timeline/list-timeline";
import { seedUnit, uniqueSuffix } from "./fixtures";
import { testDb } from "./helpers";

const db = testDb();
const today = new Date("2026-11-28T00:00:00Z");
const settings = { reportingDay: 28, paceMarginPercent: 10, dueSoonDays: 30 };
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
let programme: string;
let areaCodes: [string, string];
const codes: Record<string, string> = {};

beforeAll(async () => {
  const suffix = uniqueSuffix();
  const p = await db.programme.create({ data: { code: `TL-${suffix}`, titleZh: "时间轴测试", titleEn: "Timeline test", sortOrder: 950 } });
  programme = p.code;
  // The second area sorts first: the timeline follows the areas' order, not their codes.
  const a1 = await db.area.create({ data: { code: `TLA-${suffix}`, programmeId: p.id, titleZh: "领域甲", titleEn: "Area A", sortOrder: 952 } });
  const a2 = await db.area.create({ data: { code: `TLB-${suffix}`, programmeId: p.id, titleZh: "领域乙", titleEn: "Area B", sortOrder: 951 } });
  areaCodes = [a1.code, a2.code];
  const unit = await seedUnit(db);
  const zibo = await db.city.upsert({ where: { code: "zibo" }, update: {}, create: { code: "zibo", nameZh: "淄博", nameEn: "Zibo" } });
  const fixture = [
    { key: "late", area: a1, start: "2026-01-01", due: "2026-10-31", percent: 60, sort: 2, cities: [zibo.id] }, // RED: past due
    { key: "onTrack", area: a1, start: "2026-01-01", due: "2027-12-31", percent: 50, sort: 1, cities: [] }, // GREEN
    { key: "noDates", area: a2, start: null, due: null, percent: 0, sort: 1, cities: [zibo.id] },
  ];
  for (const m of fixture) {
    const measure = await db.measure.create({
      data: {
        code: `TL.${suffix}.${m.key}`,
        areaId: m.area.id,
        leadUnitId: unit.id,
        titleZh: `时间轴${m.key}`,
        titleEn: `Timeline ${m.key}`,
        startDate: m.start ? d(m.start) : null,
        dueDate: m.due ? d(m.due) : null,
        percentComplete: m.percent,
        status: "IN_PROGRESS",
        sortOrder: m.sort,
        cities: { create: m.cities.map((cityId) => ({ cityId })) },
        milestones: m.key === "late" ? { create: [
          { titleZh: "验收", titleEn: "Acceptance", dueDate: d("2026-10-15") },
          { titleZh: "开工", titleEn: "Ground-breaking", dueDate: d("2026-03-01"), completedOn: d("2026-03-05") },
        ] } : undefined,
      },
    });
    codes[m.key] = measure.code;
  }
});
afterAll(() => db.$disconnect());

describe("[TIMELINE] measures and milestones by area", () => {
  it("groups by area in the areas' order, measures in theirs, with lights and sorted milestones", async () => {
    const { areas } = await listTimeline(db, { programme }, today, settings);
    expect(areas.map((area) => area.code)).toEqual([areaCodes[1], areaCodes[0]]);
    expect(areas[1]!.measures.map((m) => m.code)).toEqual([codes.onTrack, codes.late]);
    const late = areas[1]!.measures[1]!;
    expect(late.light).toBe("RED");
    expect(areas[1]!.measures[0]!.light).toBe("GREEN");
    expect(late.milestones.map((milestone) => milestone.titleEn)).toEqual(["Ground-breaking", "Acceptance"]);
    expect(areas[0]!.measures[0]).toMatchObject({ code: codes.noDates, startDate: null, dueDate: null, milestones: [] });
  });

  it("takes the dashboard's scope: area and city", async () => {
    const { areas: byArea } = await listTimeline(db, { programme, area: areaCodes[0] }, today, settings);
    expect(byArea.map((area) => area.code)).toEqual([areaCodes[0]]);
    const { areas: byCity } = await listTimeline(db, { programme, city: "zibo" }, today, settings);
    expect(byCity.flatMap((area) => area.measures.map((m) => m.code))).toEqual([codes.noDates, codes.late]);
  });
});
