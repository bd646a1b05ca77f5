import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { binaryFile, registerApiRoute } from "@/lib/api/openapi-registry";
import { IMPORT_MAX_BYTES } from "@/lib/measure-import/import-limits";
import { INPUT_FIELDS } from "./collection-format";
import { collectionDownloadQuerySchema, collectionIntentSchema, collectionUploadQuerySchema } from "./schemas";

// The answers as documentation: the route builds them from CollectionPlan (plan-report-collection.ts).
const reportState = z.enum(["DRAFT", "SUBMITTED", "RETURNED", "APPROVED"]).nullable();
const issue = z.object({
  row: z.number().int(),
  column: z.string().meta({ description: "Excel's column letter." }),
  field: z.string(),
  key: z.string().meta({ description: 'Message key under "reportCollection.issues".' }),
  values: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
const planRow = z.object({
  row: z.number().int(),
  measureCode: z.string(),
  titleZh: z.string(),
  titleEn: z.string(),
  action: z.enum(["create", "update", "unchanged", "error"]),
  changes: z.array(z.enum(INPUT_FIELDS)),
  stateBefore: reportState,
  stateAfter: reportState,
  issues: z.array(issue),
});
const collectionPlanSchema = z.object({
  unit: z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string() }),
  period: z.string(),
  intent: collectionIntentSchema,
  rows: z.array(planRow),
  counts: z.object({ create: z.number().int(), update: z.number().int(), unchanged: z.number().int(), error: z.number().int(), empty: z.number().int() }),
  fingerprint: z.string().meta({ description: "Send it back with the same file and intent to confirm this plan." }),
});
const upload = z.object({
  file: z.string().meta({ format: "binary", description: `The filled-in report sheet (.xlsx) as downloaded, at most ${IMPORT_MAX_BYTES / 1024 / 1024} MB.` }),
  intent: collectionIntentSchema.optional().meta({ description: "Write the reports as drafts (save) or submitted (submit, the default)." }),
  fingerprint: z.string().optional().meta({ description: "The dry run's fingerprint; required to confirm." }),
});

export function registerReportCollectionPaths(registry: OpenAPIRegistry): void {
  registerApiRoute(registry, {
    tag: "Reports",
    method: "get",
    path: "/api/v1/report-collection.xlsx",
    summary: "A unit's report sheet for a month (报表回收表)",
    description:
      "One row per measure the unit leads or cooperates on, prefilled with its report of that month; key columns locked, data validation on the figures. Inspectors for any unit, officials for their own (403 otherwise).",
    request: { query: collectionDownloadQuerySchema },
    responses: { 200: { description: "The workbook.", ...binaryFile("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet") } },
    errors: [404, 422],
  });
  registerApiRoute(registry, {
    tag: "Reports",
    method: "post",
    path: "/api/v1/report-collection",
    summary: "Upload a filled-in report sheet: dry run, then confirm",
    description:
      "With dryRun=true: each row as create, update, unchanged or error (row, column, reason) and the plan's fingerprint; nothing is written. Without: the same file, intent and fingerprint write the reports through the report form's rules in one transaction, or 409 PLAN_CHANGED. The unit's officials confirm its reports; an inspector may confirm on the unit's behalf, as submitted only (intent=submit; audited as report.submitOnBehalf, and that inspector may not review them). Another unit's sheet is refused (403).",
    request: { query: collectionUploadQuerySchema, body: { content: { "multipart/form-data": { schema: upload } } } },
    errors: [404, 409, 413, 422, 429],
    responses: {
      200: {
        description: "The plan (dry run), or what was written.",
        content: {
          "application/json": {
            schema: z.union([collectionPlanSchema, z.object({ created: z.number().int(), updated: z.number().int(), unchanged: z.number().int() })]),
          },
        },
      },
    },
  });
}
