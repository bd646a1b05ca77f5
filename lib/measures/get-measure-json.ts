import type { PrismaClient } from "@/lib/db/create-client";
import { AppError } from "@/lib/errors/app-error";
import { getMeasureByCode } from "@/lib/measures/get-measure-by-code";
import { todayInChina } from "@/lib/tracking/dates";
import { computeLight } from "@/lib/tracking/light";
import { getTrackingSettings } from "@/lib/tracking/settings";
import { amount, dayOf, monthOfDate } from "@/lib/api/json-values";
import type { MeasureDetailJson } from "./api-schemas";

const unitRef = ({ code, nameZh, nameEn }: { code: string; nameZh: string; nameEn: string }) => ({ code, nameZh, nameEn });

/** One measure with its facts, computed light and milestones; NOT_FOUND for an unknown code. */
export async function getMeasure(db: PrismaClient, code: string, today = todayInChina()): Promise<MeasureDetailJson> {
  const [measure, settings] = await Promise.all([getMeasureByCode(db, code), getTrackingSettings(db)]);
  if (!measure) throw new AppError("NOT_FOUND");
  const hasKpi = measure.kpiNameZh !== null || measure.kpiTarget !== null;
  return {
    code: measure.code,
    titleZh: measure.titleZh,
    titleEn: measure.titleEn,
    descriptionZh: measure.descriptionZh,
    descriptionEn: measure.descriptionEn,
    programme: { code: measure.area.programme.code, titleZh: measure.area.programme.titleZh, titleEn: measure.area.programme.titleEn },
    area: { code: measure.area.code, titleZh: measure.area.titleZh, titleEn: measure.area.titleEn },
    leadUnit: unitRef(measure.leadUnit),
    cooperatingUnits: measure.cooperatingUnits.map(({ unit }) => unitRef(unit)),
    cities: measure.cities.map(({ city }) => ({ code: city.code, nameZh: city.nameZh, nameEn: city.nameEn })),
    responsiblePerson: measure.responsiblePerson,
    startDate: dayOf(measure.startDate),
    dueDate: dayOf(measure.dueDate),
    ongoing: measure.ongoing,
    status: measure.status,
    percentComplete: measure.percentComplete,
    light: computeLight(measure, today, settings),
    kpi: hasKpi
      ? {
          nameZh: measure.kpiNameZh,
          nameEn: measure.kpiNameEn,
          unit: measure.kpiUnit,
          baseline: amount(measure.kpiBaseline),
          target: amount(measure.kpiTarget),
          actual: amount(measure.kpiActual),
        }
      : null,
    investment: { planned: amount(measure.investmentPlanned), completed: amount(measure.investmentCompleted) },
    milestones: measure.milestones.map((milestone) => ({
      titleZh: milestone.titleZh,
      titleEn: milestone.titleEn,
      dueDate: dayOf(milestone.dueDate)!,
      completedOn: dayOf(milestone.completedOn),
    })),
    latestReportPeriod: monthOfDate(measure.latestReportPeriod),
    latestReportState: measure.latestReportState,
    isSample: measure.isSample,
    version: measure.version,
    updatedAt: measure.updatedAt.toISOString(),
  };
}
