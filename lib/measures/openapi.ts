import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { ledgerQuerySchema } from "@/lib/ledger/schemas";
import { binaryFile, registerApiRoute } from "@/lib/api/openapi-registry";
import { listMeasuresQuerySchema, listMeasuresResponseSchema, measureCodeParamsSchema, measureDetailSchema } from "./api-schemas";


export function registerMeasurePaths(registry: OpenAPIRegistry): void {
  registerApiRoute(registry, {
    tag: "Measures",
    method: "get",
    path: "/api/v1/measures",
    summary: "List measures with the ledger's filters, sorting and paging",
    description: "The same query as the /ledger page; `total` counts all matches. Malformed filters are ignored, as on the page.",
    request: { query: listMeasuresQuerySchema },
    responses: { 200: { description: "One page of measures.", content: { "application/json": { schema: listMeasuresResponseSchema } } } },
  });
  registerApiRoute(registry, {
    tag: "Measures",
    method: "get",
    path: "/api/v1/measures/{code}",
    summary: "Get a measure by code",
    request: { params: measureCodeParamsSchema },
    responses: { 200: { description: "The measure.", content: { "application/json": { schema: measureDetailSchema } } } },
    errors: [404, 422],
  });
  registerApiRoute(registry, {
    tag: "Measures",
    method: "get",
    path: "/api/v1/measures/export.xlsx",
    summary: "Export the ledger view as Excel",
    description:
      "Every measure matching the ledger query (all pages), in the columns of `cols`, with headers in the caller's language: a title row (as-of date) and a scope row above the header; percentages, dates, amounts and KPI figures typed; the import keys the view leaves out in a hidden column group. With `forecast` in `cols`, four columns give the delivery forecast as of the view's month: its class, the projected finish month, and the points a month needed to finish on time and averaged recently.",
    request: { query: ledgerQuerySchema },
    responses: { 200: { description: "The workbook.", ...binaryFile("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet") } },
  });
  registerApiRoute(registry, {
    tag: "Measures",
    method: "get",
    path: "/api/v1/measures/export.csv",
    summary: "Export the ledger view as CSV (UTF-8 with BOM)",
    description:
      "Every measure matching the ledger query (all pages), in the standard ledger columns whatever `cols` says, headers in the caller's language, then the delivery forecast as of the view's month: its class, the projected finish month (YYYY-MM), the points a month needed to finish on time and those averaged recently (one decimal; empty when not projected).",
    request: { query: ledgerQuerySchema },
    responses: { 200: { description: "The CSV file.", ...binaryFile("text/csv") } },
  });
}
