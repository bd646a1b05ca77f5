import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { registerApiRoute } from "@/lib/api/openapi-registry";
import { listCitiesResponseSchema, listUnitsQuerySchema, listUnitsResponseSchema } from "./api-schemas";

export function registerCataloguePaths(registry: OpenAPIRegistry): void {
  registerApiRoute(registry, {
    tag: "Catalogue",
    method: "get",
    path: "/api/v1/units",
    summary: "List units",
    responses: { 200: { description: "All units, active first.", content: { "application/json": { schema: listUnitsResponseSchema } } } },
  });
  registerApiRoute(registry, {
    tag: "Catalogue",
    method: "get",
    path: "/api/v1/cities",
    summary: "List the cities of the economic circle",
    responses: { 200: { description: "The seven cities.", content: { "application/json": { schema: listCitiesResponseSchema } } } },
  });
}
