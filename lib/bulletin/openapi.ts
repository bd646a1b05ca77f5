import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { binaryFile, registerApiRoute } from "@/lib/api/openapi-registry";
import { bulletinQuerySchema } from "./schemas";

export function registerBulletinPaths(registry: OpenAPIRegistry): void {
  const formats = [
    ["docx", "Word", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
    ["pdf", "PDF", "application/pdf"],
  ] as const;
  for (const [extension, name, mediaType] of formats) {
    registerApiRoute(registry, {
      tag: "Bulletins",
      method: "get",
      path: `/api/v1/bulletin.${extension}`,
      summary: `The monthly progress bulletin as ${name}`,
      description: "Summary figures (the dashboard's, as of the month's end), a table per area, overdue measures and missing reports, for a month and scope, in Chinese or English.",
      request: { query: bulletinQuerySchema },
      errors: [400],
      responses: { 200: { description: `The ${name} document.`, ...binaryFile(mediaType) } },
    });
  }
}
