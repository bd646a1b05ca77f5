import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { registerApiRoute } from "@/lib/api/openapi-registry";
import { createReportBodySchema, listReportsQuerySchema, listReportsResponseSchema, reportIdParamsSchema, reportSchema } from "./api-schemas";

export function registerReportPaths(registry: OpenAPIRegistry): void {
  registerApiRoute(registry, {
    tag: "Reports",
    method: "get",
    path: "/api/v1/reports",
    summary: "List progress reports",
    description: "Reports on the measures the caller may read; drafts only of the caller's own unit. Newest month first.",
    request: { query: listReportsQuerySchema },
    responses: { 200: { description: "One page of reports.", content: { "application/json": { schema: listReportsResponseSchema } } } },
    errors: [422],
  });
  registerApiRoute(registry, {
    tag: "Reports",
    method: "get",
    path: "/api/v1/reports/{id}",
    summary: "Get a progress report",
    request: { params: reportIdParamsSchema },
    responses: { 200: { description: "The report.", content: { "application/json": { schema: reportSchema } } } },
    errors: [404, 422],
  });
  registerApiRoute(registry, {
    tag: "Reports",
    method: "post",
    path: "/api/v1/reports",
    summary: "Write the caller's monthly report, as a draft or submitted",
    description:
      "As the measure page's report form: only officials of the measure's lead or cooperating unit, one report per measure, unit and month, and the same validation.",
    request: { body: { required: true, content: { "application/json": { schema: createReportBodySchema } } } },
    responses: {
      201: { description: "A new report.", content: { "application/json": { schema: reportSchema } } },
      200: { description: "The existing draft or returned report, corrected (with `version`).", content: { "application/json": { schema: reportSchema } } },
    },
    errors: [400, 404, 409, 413, 422],
  });
}
