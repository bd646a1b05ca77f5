import type { Prisma } from "@/generated/prisma/client";
import type { DashboardQuery } from "@/lib/dashboard/schemas";
import type { PrismaClient } from "@/lib/db/create-client";
import { computeLight, type Light } from "@/lib/tracking/light";
import type { TrackingSettings } from "@/lib/tracking/settings";

export interface TimelineMeasure {
  code: string;
  titleZh: string;
  titleEn: string;
  startDate: Date | null;
  dueDate: Date | null;
  ongoing: boolean;
  percentComplete: number;
  light: Light;
  milestones: { titleZh: string; titleEn: string; dueDate: Date; completedOn: Date | null }[];
}
export interface TimelineArea {
  code: string;
  titleZh: string;
  titleEn: string;
  measures: TimelineMeasure[];
}

/** Measures and their milestones by area, for the Gantt view, with computed lights; and whether any is sample data. */
export async function listTimeline(
  db: PrismaClient,
  query: DashboardQuery,
  today: Date,
  settings: TrackingSettings,
): Promise<{ areas: TimelineArea[]; hasSample: boolean }> {
  const where: Prisma.MeasureWhereInput = {
    area: { ...(query.area ? { code: query.area } : {}), ...(query.programme ? { programme: { code: query.programme } } : {}) },
    ...(query.city ? { cities: { some: { city: { code: query.city } } } } : {}),
    ...(query.leadUnit ? { leadUnit: { code: query.leadUnit } } : {}),
  };
  const measures = await db.measure.findMany({
    where,
    orderBy: [{ area: { sortOrder: "asc" } }, { sortOrder: "asc" }, { code: "asc" }],
    select: {
      code: true,
      titleZh: true,
      titleEn: true,
      startDate: true,
      dueDate: true,
      ongoing: true,
      percentComplete: true,
      status: true,
      latestReportState: true,
      isSample: true,
      area: { select: { code: true, titleZh: true, titleEn: true } },
      milestones: { orderBy: { dueDate: "asc" }, select: { titleZh: true, titleEn: true, dueDate: true, completedOn: true } },
    },
  });
  const areas = new Map<string, TimelineArea>();
  for (const { area, status, latestReportState, isSample: _isSample, ...measure } of measures) {
    const entry = areas.get(area.code) ?? { ...area, measures: [] };
    entry.measures.push({ ...measure, light: computeLight({ ...measure, status, latestReportState }, today, settings) });
    areas.set(area.code, entry);
  }
  return { areas: [...areas.values()], hasSample: measures.some((measure) => measure.isSample) };
}
