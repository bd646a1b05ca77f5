import { z } from "zod";
import { measureCodeSchema, versionSchema } from "@/lib/measures/schemas";
import { calendarDayString } from "@/lib/validation/period";
import { hasForbiddenCharacters, multiLineText, singleLineText } from "@/lib/validation/text";

/** An empty or absent form field is "not given" (null). */
const blankToNull = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === undefined || (typeof value === "string" && value.trim() === "") ? null : value), schema.nullable());

const optionalLine = (max: number) => blankToNull(singleLineText(max));
const optionalDay = blankToNull(calendarDayString("dateFormat"));
/** A figure with up to 4 decimals (KPI values, investment in 万元), or empty. */
const optionalAmount = blankToNull(
  z.string().trim().refine((value) => /^-?\d+(\.\d{1,4})?$/.test(value) && Math.abs(Number(value)) <= 1e12, "amountFormat"),
);
/** A list of codes typed or picked as "a, b c" (FormData keeps one value per name). */
const codeList = z
  .string()
  .optional()
  .transform((value) => [...new Set((value ?? "").split(/[\s,，、]+/).filter(Boolean))])
  .pipe(z.array(z.string().max(40)).max(100));
const checkbox = z
  .string()
  .optional()
  .transform((value) => value === "on" || value === "true");
const catalogueCode = z.string().trim().min(1).max(32).regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, "invalid");

const measureFieldsSchema = z.object({
  areaCode: z.string().trim().min(1, "required").max(32),
  titleZh: singleLineText(300),
  titleEn: z.string().trim().max(500).refine((value) => !hasForbiddenCharacters(value), "forbiddenCharacters").default(""),
  descriptionZh: multiLineText(5000).default(""),
  descriptionEn: multiLineText(5000).default(""),
  leadUnit: z.string().trim().min(1, "required").max(40),
  cooperatingUnits: codeList,
  cities: codeList,
  responsiblePerson: optionalLine(60),
  startDate: optionalDay,
  dueDate: optionalDay,
  ongoing: checkbox,
  kpiNameZh: optionalLine(200),
  kpiNameEn: optionalLine(300),
  kpiUnit: optionalLine(40),
  kpiBaseline: optionalAmount,
  kpiTarget: optionalAmount,
  investmentPlanned: optionalAmount,
});

export const createMeasureInputSchema = measureFieldsSchema.extend({ code: measureCodeSchema.pipe(catalogueCode) });
export type CreateMeasureInput = z.infer<typeof createMeasureInputSchema>;
export type MeasureFieldsInput = z.infer<typeof measureFieldsSchema>;

export const updateMeasureInputSchema = measureFieldsSchema.extend({ code: measureCodeSchema, version: versionSchema });
export type UpdateMeasureInput = z.infer<typeof updateMeasureInputSchema>;

export const suspendMeasureInputSchema = z.object({ code: measureCodeSchema, version: versionSchema, reason: singleLineText(500) });
export type SuspendMeasureInput = z.infer<typeof suspendMeasureInputSchema>;

export const resumeMeasureInputSchema = z.object({ code: measureCodeSchema, version: versionSchema });
export type ResumeMeasureInput = z.infer<typeof resumeMeasureInputSchema>;

const titledFields = {
  titleZh: singleLineText(200),
  titleEn: singleLineText(300),
  sortOrder: z.coerce.number().int().min(0).max(100_000).default(0),
};

export const createProgrammeInputSchema = z.object({
  code: catalogueCode,
  ...titledFields,
  descriptionZh: multiLineText(5000).default(""),
  descriptionEn: multiLineText(5000).default(""),
});
export type CreateProgrammeInput = z.infer<typeof createProgrammeInputSchema>;
export const updateProgrammeInputSchema = createProgrammeInputSchema.extend({ version: versionSchema });
export type UpdateProgrammeInput = z.infer<typeof updateProgrammeInputSchema>;

export const createAreaInputSchema = z.object({ code: catalogueCode, programmeCode: z.string().trim().min(1, "required").max(32), ...titledFields });
export type CreateAreaInput = z.infer<typeof createAreaInputSchema>;
export const updateAreaInputSchema = createAreaInputSchema.extend({ version: versionSchema });
export type UpdateAreaInput = z.infer<typeof updateAreaInputSchema>;
