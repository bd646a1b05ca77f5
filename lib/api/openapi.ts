import { Role } from "@/generated/prisma/enums";
import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { registerApiRoute } from "./openapi-registry";

export const healthSchema = z
  .object({
    status: z.enum(["ok", "error"]),
    db: z.enum(["ok", "down"]).meta({ description: "The primary database." }),
    measures: z.number().int().optional().meta({ description: "Measures in the primary, when it answers." }),
    replica: z.enum(["ok", "down"]).optional().meta({ description: "The read replica, only when DATABASE_READ_URL names one." }),
  })
  .meta({ id: "Health" });

export const meSchema = z
  .object({
    loginName: z.string(),
    displayName: z.string(),
    role: z.enum(Role),
    unitId: z.string().nullable(),
  })
  .meta({ id: "Me" });

export function registerSystemPaths(registry: OpenAPIRegistry): void {
  registerApiRoute(registry, {
    tag: "System",
    method: "get",
    path: "/api/v1/health",
    summary: "Health check (public)",
    isPublic: true,
    responses: {
      200: { description: "The database (and the read replica, if any) answers.", content: { "application/json": { schema: healthSchema } } },
      503: { description: "The database or the read replica is down.", content: { "application/json": { schema: healthSchema } } },
    },
  });
  registerApiRoute(registry, {
    tag: "System",
    method: "get",
    path: "/api/v1/me",
    summary: "Who the caller is",
    description: "Role and unit as the server sees them, read from the database on every request.",
    responses: { 200: { description: "The caller.", content: { "application/json": { schema: meSchema } } } },
  });
  registerApiRoute(registry, {
    tag: "System",
    method: "get",
    path: "/api/v1/openapi.json",
    summary: "This OpenAPI document",
    responses: { 200: { description: "OpenAPI 3.0 document.", content: { "application/json": { schema: z.object({}).passthrough() } } } },
  });
}
