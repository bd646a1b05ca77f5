import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { registerApiRoute } from "@/lib/api/openapi-registry";
import { measureCodeParamsSchema } from "@/lib/measures/api-schemas";
import { mentionCandidatesResponseSchema } from "./api-schemas";
import { mentionCandidatesQuerySchema } from "./schemas";

export function registerCommentPaths(registry: OpenAPIRegistry): void {
  registerApiRoute(registry, {
    tag: "Comments",
    method: "get",
    path: "/api/v1/measures/{code}/mention-candidates",
    summary: "People who may be mentioned (@) in a comment on a measure or one of its reports",
    request: { params: measureCodeParamsSchema, query: mentionCandidatesQuerySchema },
    responses: { 200: { description: "At most 8 people, by name.", content: { "application/json": { schema: mentionCandidatesResponseSchema } } } },
    errors: [404, 422],
  });
}
