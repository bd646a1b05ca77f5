import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { binaryFile, registerApiRoute } from "@/lib/api/openapi-registry";
import { scoresQuerySchema, scoresResponseSchema } from "./schemas";

export function registerScoringPaths(registry: OpenAPIRegistry): void {
  registerApiRoute(registry, {
    tag: "Scoring",
    method: "get",
    path: "/api/v1/scores",
    summary: "Unit scores and ranking (红黑榜) of a month",
    description:
      "Every unit with something to score in the month and scope, best first, with each component's raw figure and points and the measures that cost points. " +
      "Computed from the history by the current rules (docs/scoring.md), so a past month is rescored when the rules change. Leaders, inspectors and admins only.",
    request: { query: scoresQuerySchema },
    responses: { 200: { description: "The ranking.", content: { "application/json": { schema: scoresResponseSchema } } } },
    errors: [422],
  });
  registerApiRoute(registry, {
    tag: "Scoring",
    method: "get",
    path: "/api/v1/scores.xlsx",
    summary: "Export the ranking and each score's breakdown as Excel",
    description: "Two sheets: the ranking, and every measure that cost points. Scores resting on sample data are labelled.",
    request: { query: scoresQuerySchema },
    responses: { 200: { description: "The workbook.", ...binaryFile("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet") } },
    errors: [422],
  });
}
