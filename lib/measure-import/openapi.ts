import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { binaryFile, registerApiRoute } from "@/lib/api/openapi-registry";
import { IMPORT_MAX_BYTES, IMPORT_MAX_ROWS } from "./import-limits";
import { importMeasuresQuerySchema } from "./schemas";

// The answers as documentation: the routes build them from ImportPlan (plan-measure-import.ts).
const fieldChange = z.object({ field: z.string(), before: z.string(), after: z.string() });
const plannedRow = z.object({ row: z.number().int(), code: z.string(), title: z.string(), changes: z.array(fieldChange) });
const importPlanSchema = z.object({
  rows: z.number().int(),
  creates: z.array(plannedRow),
  updates: z.array(plannedRow),
  unchanged: z.number().int(),
  errors: z.array(z.object({ row: z.number().int(), column: z.string(), key: z.string().meta({ description: "Message key of the problem." }), values: z.record(z.string(), z.union([z.string(), z.number()])).optional() })),
  ignoredColumns: z.array(z.string()),
  exampleRows: z.array(z.number().int()),
  fingerprint: z.string().meta({ description: "Send it back with the same file to confirm this plan." }),
});
const upload = z.object({
  file: z.string().meta({ format: "binary", description: `The task list (.xlsx), at most ${IMPORT_MAX_BYTES / 1024 / 1024} MB and ${IMPORT_MAX_ROWS} rows.` }),
  fingerprint: z.string().optional().meta({ description: "The dry run's fingerprint; required to confirm." }),
});

export function registerImportPaths(registry: OpenAPIRegistry): void {
  registerApiRoute(registry, {
    tag: "Measures",
    method: "post",
    path: "/api/v1/measures/import",
    summary: "Import a task list (.xlsx): dry run, then confirm",
    description:
      "With dryRun=true: the plan (creates, updates field by field, every error by row and column) and its fingerprint; nothing is written. Without: the same file and the fingerprint apply the plan in one transaction, or 409 PLAN_CHANGED if it has changed since. Administrators only.",
    request: { query: importMeasuresQuerySchema, body: { content: { "multipart/form-data": { schema: upload } } } },
    errors: [409, 413, 422, 429],
    responses: {
      200: {
        description: "The plan (dry run), or what was written.",
        content: { "application/json": { schema: z.union([importPlanSchema, z.object({ created: z.number().int(), updated: z.number().int() })]) } },
      },
    },
  });
  registerApiRoute(registry, {
    tag: "Measures",
    method: "get",
    path: "/api/v1/measures/import-template.xlsx",
    summary: "The import template, with headers in the caller's language and a sheet explaining the columns",
    responses: {
      200: { description: "The workbook.", ...binaryFile("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet") },
    },
  });
}
