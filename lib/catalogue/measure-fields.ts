import { Prisma } from "@/generated/prisma/client";
import { fieldError } from "@/lib/errors/app-error";
import type { MeasureFieldsInput } from "./schemas";

type Tx = Prisma.TransactionClient;

/** A date column from a YYYY-MM-DD form value. */
const day = (value: string | null) => (value ? new Date(`${value}T00:00:00Z`) : null);
const decimal = (value: string | null) => (value === null ? null : new Prisma.Decimal(value));

/**
 * The form's codes turned into ids, and the measure's own columns. A typed code
 * that names nothing is refused next to its field; the due date may not be
 * before the start, and a standing task (ongoing) has no due date.
 */
export async function resolveMeasureFields(tx: Tx, input: MeasureFieldsInput) {
  const area = await tx.area.findUnique({ where: { code: input.areaCode }, select: { id: true } });
  if (!area) throw fieldError("areaCode", "invalid");
  const lead = await tx.unit.findUnique({ where: { code: input.leadUnit }, select: { id: true, active: true } });
  if (!lead?.active) throw fieldError("leadUnit", "unknownUnit");
  const cooperating = await tx.unit.findMany({ where: { code: { in: input.cooperatingUnits }, active: true }, select: { id: true } });
  if (cooperating.length !== input.cooperatingUnits.length) throw fieldError("cooperatingUnits", "unknownUnit");
  const cities = await tx.city.findMany({ where: { code: { in: input.cities } }, select: { id: true } });
  if (cities.length !== input.cities.length) throw fieldError("cities", "unknownCity");
  if (input.startDate && input.dueDate && input.dueDate < input.startDate) throw fieldError("dueDate", "dueBeforeStart");
  if (input.ongoing && input.dueDate) throw fieldError("dueDate", "ongoingHasNoDueDate");
  return {
    columns: {
      areaId: area.id,
      titleZh: input.titleZh,
      titleEn: input.titleEn,
      descriptionZh: input.descriptionZh,
      descriptionEn: input.descriptionEn,
      leadUnitId: lead.id,
      responsiblePerson: input.responsiblePerson,
      startDate: day(input.startDate),
      dueDate: day(input.dueDate),
      ongoing: input.ongoing,
      kpiNameZh: input.kpiNameZh,
      kpiNameEn: input.kpiNameEn,
      kpiUnit: input.kpiUnit,
      kpiBaseline: decimal(input.kpiBaseline),
      kpiTarget: decimal(input.kpiTarget),
      investmentPlanned: decimal(input.investmentPlanned),
    },
    cooperatingUnitIds: cooperating.map((unit) => unit.id),
    cityIds: cities.map((city) => city.id),
  };
}

export const measureWithLinks = {
  area: { select: { code: true } },
  leadUnit: { select: { code: true } },
  cooperatingUnits: { select: { unit: { select: { code: true } } } },
  cities: { select: { city: { select: { code: true } } } },
} satisfies Prisma.MeasureInclude;

type MeasureWithLinks = Prisma.MeasureGetPayload<{ include: typeof measureWithLinks }>;

const isoDay = (value: Date | null) => value?.toISOString().slice(0, 10) ?? null;

/** What the audit trail keeps of a measure's catalogue fields: codes and plain values, no ids. */
export function measureSnapshot(measure: MeasureWithLinks) {
  return {
    code: measure.code,
    area: measure.area.code,
    titleZh: measure.titleZh,
    titleEn: measure.titleEn,
    descriptionZh: measure.descriptionZh,
    descriptionEn: measure.descriptionEn,
    leadUnit: measure.leadUnit.code,
    cooperatingUnits: measure.cooperatingUnits.map((link) => link.unit.code).sort().join(", "),
    cities: measure.cities.map((link) => link.city.code).sort().join(", "),
    responsiblePerson: measure.responsiblePerson,
    startDate: isoDay(measure.startDate),
    dueDate: isoDay(measure.dueDate),
    ongoing: measure.ongoing,
    kpiNameZh: measure.kpiNameZh,
    kpiNameEn: measure.kpiNameEn,
    kpiUnit: measure.kpiUnit,
    kpiBaseline: measure.kpiBaseline?.toString() ?? null,
    kpiTarget: measure.kpiTarget?.toString() ?? null,
    investmentPlanned: measure.investmentPlanned?.toString() ?? null,
    version: measure.version,
  };
}
