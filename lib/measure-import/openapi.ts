import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { binaryFile, registerApiRoute } from "@/lib/api/openapi-registry";
import { IMPORT_MAX_BYTES, IMPORT_MAX_ROWS } from "./import-limits";
import { DEADLINE_RULES } from "./parse-deadline";
import { importMeasuresQuerySchema, officeChoiceSchema } from "./schemas";
import { LAYOUT_FIELDS } from "./sheet-layout";
import { TITLE_RULES } from "./sheet-records";

// The answers as documentation: the routes build them from ImportPlan (plan-measure-import.ts).
const fieldChange = z.object({ field: z.string(), before: z.string(), after: z.string() });
const plannedRow = z.object({
  row: z.number().int(),
  code: z.string(),
  title: z.string(),
  changes: z.array(fieldChange),
  dueRule: z.enum(DEADLINE_RULES).optional().meta({ description: "How a deadline phrase was read (office tables)." }),
});
const issue = z.object({ row: z.number().int(), column: z.string(), key: z.string().meta({ description: "Message key of the problem." }), values: z.record(z.string(), z.union([z.string(), z.number()])).optional() });
const importPlanSchema = z.object({
  format: z.enum(["ledger", "office"]).meta({ description: "The project's own layout, or an office's task breakdown table." }),
  rows: z.number().int(),
  creates: z.array(plannedRow),
  updates: z.array(plannedRow),
  unchanged: z.number().int(),
  errors: z.array(issue),
  warnings: z.array(issue),
  ignoredColumns: z.array(z.string()),
  exampleRows: z.array(z.number().int()),
  skippedRows: z.array(z.object({ row: z.number().int(), kind: z.string() })),
  mapping: z
    .object({
      signature: z.string().meta({ description: "Identifies the header; the choices confirmed for it are remembered for the next file." }),
      headerRows: z.array(z.number().int()),
      columns: z.array(z.object({ column: z.number().int(), header: z.string(), field: z.enum(LAYOUT_FIELDS).nullable() })),
      titleRule: z.enum(TITLE_RULES),
      sections: z.array(z.object({ name: z.string(), area: z.string().nullable().meta({ description: "Area code; null = unknown, to be chosen." }) })),
      hasRowsWithoutSection: z.boolean(),
      choice: officeChoiceSchema.meta({ description: "The choices applied (the caller's, or those remembered for this header); send them back with the confirm." }),
    })
    .optional(),
  fingerprint: z.string().meta({ description: "Send it back with the same file to confirm this plan." }),
});
const upload = z.object({
  file: z.string().meta({ format: "binary", description: `The task list (.xlsx), at most ${IMPORT_MAX_BYTES / 1024 / 1024} MB and ${IMPORT_MAX_ROWS} rows.` }),
  fingerprint: z.string().optional().meta({ description: "The dry run's fingerprint; required to confirm." }),
  mapping: z.string().optional().meta({
    description: 'Office tables: JSON of the admin\'s choices, the same for preview and confirm, e.g. {"columns":{"6":"ignore"},"titleRule":"measure","areas":{"产业协同":"A2"},"defaultArea":"A1"}.',
  }),
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
