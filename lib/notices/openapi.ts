import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { registerApiRoute } from "@/lib/api/openapi-registry";
import { listNoticesQuerySchema, listNoticesResponseSchema, noticeDetailSchema, noticeIdParamsSchema } from "./api-schemas";

export function registerNoticePaths(registry: OpenAPIRegistry): void {
  registerApiRoute(registry, {
    tag: "Notices",
    method: "get",
    path: "/api/v1/notices",
    summary: "List 催办 notices (督办单)",
    description:
      "Notices the caller may read, newest first: all for inspectors, leaders, admins and viewers; for officials only those addressed to their unit.",
    request: { query: listNoticesQuerySchema },
    responses: { 200: { description: "One page of notices.", content: { "application/json": { schema: listNoticesResponseSchema } } } },
    errors: [422],
  });
  registerApiRoute(registry, {
    tag: "Notices",
    method: "get",
    path: "/api/v1/notices/{id}",
    summary: "Get a notice with its replies and decisions",
    request: { params: noticeIdParamsSchema },
    responses: { 200: { description: "The notice.", content: { "application/json": { schema: noticeDetailSchema } } } },
    errors: [404, 422],
  });
}
