import { MeasureStatus, ReportState } from "@/generated/prisma/enums";
import { z } from "zod";
import { ledgerQuerySchema } from "@/lib/ledger/schemas";
import { lights } from "@/lib/tracking/light";
import { isoDateString, isoDateTimeString, periodString, unitRefSchema } from "@/lib/api/common-schemas";

export const reportStateSchema = z.enum(ReportState);
export const measureStatusSchema = z.enum(MeasureStatus);

/** The ledger's filters, sorting and paging (lib/ledger/schemas.ts), without its view-only options. */
export const listMeasuresQuerySchema = ledgerQuerySchema.omit({ group: true, cols: true });

const titledRef = z.object({ code: z.string(), titleZh: z.string(), titleEn: z.string() });

export const measureSummarySchema = z
  .object({
    code: z.string().meta({ example: "1.1" }),
    titleZh: z.string(),
    titleEn: z.string(),
    area: titledRef,
    leadUnit: unitRefSchema,
    dueDate: isoDateString.nullable(),
    ongoing: z.boolean().meta({ description: "An ongoing task (长期坚持, 持续推进): no end date; shown as 长期 / Ongoing in place of the due date." }),
    status: measureStatusSchema,
    percentComplete: z.number().int().min(0).max(100),
    light: z.enum(lights).meta({ description: "Computed on today's date in China (or the end of `asOf`)." }),
    latestReportPeriod: periodString.nullable(),
    latestReportState: reportStateSchema.nullable(),
    isSample: z.boolean().meta({ description: "Invented demo data, not fact." }),
  })
  .meta({ id: "MeasureSummary" });

export const listMeasuresResponseSchema = z
  .object({ items: z.array(measureSummarySchema), total: z.number().int(), page: z.number().int(), perPage: z.number().int() })
  .meta({ id: "MeasureList" });

export const measureCodeParamsSchema = z.object({ code: z.string().min(1).max(32).meta({ description: "Measure code.", example: "1.1" }) });

export const measureDetailSchema = z
  .object({
    code: z.string(),
    titleZh: z.string(),
    titleEn: z.string(),
    descriptionZh: z.string(),
    descriptionEn: z.string(),
    programme: titledRef,
    area: titledRef,
    leadUnit: unitRefSchema,
    cooperatingUnits: z.array(unitRefSchema),
    cities: z.array(z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string() })),
    responsiblePerson: z.string().nullable(),
    startDate: isoDateString.nullable(),
    dueDate: isoDateString.nullable(),
    ongoing: z.boolean().meta({ description: "An ongoing task (长期坚持, 持续推进): no end date; shown as 长期 / Ongoing in place of the due date." }),
    status: measureStatusSchema,
    percentComplete: z.number().int(),
    light: z.enum(lights),
    kpi: z
      .object({ nameZh: z.string().nullable(), nameEn: z.string().nullable(), unit: z.string().nullable(), baseline: z.number().nullable(), target: z.number().nullable(), actual: z.number().nullable() })
      .nullable(),
    investment: z.object({ planned: z.number().nullable(), completed: z.number().nullable() }).meta({ description: "In 10,000 CNY (万元)." }),
    milestones: z.array(z.object({ titleZh: z.string(), titleEn: z.string(), dueDate: isoDateString, completedOn: isoDateString.nullable() })),
    latestReportPeriod: periodString.nullable(),
    latestReportState: reportStateSchema.nullable(),
    isSample: z.boolean(),
    version: z.number().int(),
    updatedAt: isoDateTimeString,
  })
  .meta({ id: "MeasureDetail" });

export type ListMeasuresQuery = z.infer<typeof listMeasuresQuerySchema>;
export type MeasureSummary = z.input<typeof measureSummarySchema>;
export type MeasureDetailJson = z.input<typeof measureDetailSchema>;
