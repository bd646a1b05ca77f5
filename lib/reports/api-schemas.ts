import { z } from "zod";
import { periodSchema, saveReportInputSchema } from "@/lib/reports/schemas";
import { isoDateTimeString, pageQuerySchema, periodString, unitRefSchema } from "@/lib/api/common-schemas";
import { measureStatusSchema, reportStateSchema } from "@/lib/measures/api-schemas";

export const listReportsQuerySchema = pageQuerySchema.extend({
  measure: z.string().trim().min(1).max(32).optional().meta({ description: "Measure code." }),
  period: periodSchema.optional().meta({ description: "Reporting month, YYYY-MM." }),
  state: reportStateSchema.optional(),
});

export const reportIdParamsSchema = z.object({ id: z.string().min(1).max(40).meta({ description: "Report id." }) });

export const reportSchema = z
  .object({
    id: z.string(),
    measure: z.object({ code: z.string(), titleZh: z.string(), titleEn: z.string() }),
    unit: unitRefSchema,
    period: periodString,
    state: reportStateSchema,
    percentComplete: z.number().int(),
    status: measureStatusSchema,
    progress: z.string().meta({ description: "进展情况" }),
    problems: z.string().meta({ description: "存在问题" }),
    nextSteps: z.string().meta({ description: "下步打算" }),
    kpiActual: z.number().nullable(),
    investmentCompleted: z.number().nullable().meta({ description: "In 10,000 CNY (万元)." }),
    isCompletion: z.boolean(),
    author: z.string().meta({ description: "Display name of the author." }),
    reviewer: z.string().nullable(),
    reviewComment: z.string().nullable(),
    submittedAt: isoDateTimeString.nullable(),
    reviewedAt: isoDateTimeString.nullable(),
    isSample: z.boolean(),
    version: z.number().int().meta({ description: "Pass it back to correct this report (optimistic concurrency)." }),
  })
  .meta({ id: "ProgressReport" });

export const listReportsResponseSchema = z
  .object({ items: z.array(reportSchema), total: z.number().int(), page: z.number().int(), perPage: z.number().int() })
  .meta({ id: "ProgressReportList" });

/**
 * A report as JSON. It is turned into the measure page form's values and
 * validated by that form's schema, so the API accepts exactly what the form does.
 */
export const createReportBodySchema = z
  .object({
    measureCode: z.string().meta({ example: "1.1" }),
    period: periodString,
    percentComplete: z.number().int().min(0).max(100),
    progress: z.string().meta({ description: "进展情况 (required, up to 4000 characters)." }),
    problems: z.string().default("").meta({ description: "存在问题" }),
    nextSteps: z.string().default("").meta({ description: "下步打算" }),
    kpiActual: z.number().nullable().default(null),
    investmentCompleted: z.number().nullable().default(null).meta({ description: "In 10,000 CNY (万元)." }),
    isCompletion: z.boolean().default(false).meta({ description: "A completion report (销号); needs percentComplete 100." }),
    submit: z.boolean().default(false).meta({ description: "Submit for review; otherwise the report is saved as a draft." }),
    version: z.number().int().min(1).optional().meta({ description: "To correct an existing draft or returned report of that month: its version." }),
  })
  .meta({ id: "CreateProgressReport" })
  .transform((body): z.input<typeof saveReportInputSchema> => ({
    measureCode: body.measureCode,
    period: body.period,
    version: body.version === undefined ? undefined : String(body.version),
    percentComplete: String(body.percentComplete),
    progress: body.progress,
    problems: body.problems,
    nextSteps: body.nextSteps,
    kpiActual: body.kpiActual === null ? "" : String(body.kpiActual),
    investmentCompleted: body.investmentCompleted === null ? "" : String(body.investmentCompleted),
    isCompletion: body.isCompletion ? "true" : "",
    intent: body.submit ? "submit" : "save",
  }))
  .pipe(saveReportInputSchema);

export type ListReportsQuery = z.infer<typeof listReportsQuerySchema>;
export type ReportJson = z.input<typeof reportSchema>;
