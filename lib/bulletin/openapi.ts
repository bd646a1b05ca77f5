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
      summary: `The 督查通报 (inspection bulletin) as ${name}`,
      description:
        "Red header with the issuing office and 期号, a title naming the programmes, the summary (the text an inspector saved on /bulletin for this month, scope and language, else the drafted one), the month's figures (the dashboard's, as of the month's end), progress, problems and next steps per area, measures behind pace and overdue, missing reports and notices, for a month and scope, in Chinese or English. A preview (期号 marked 预览, nothing reserved) unless the bulletin of this month and scope was issued.",
      request: { query: bulletinQuerySchema },
      errors: [400],
      responses: { 200: { description: `The ${name} document.`, ...binaryFile(mediaType) } },
    });
    registerApiRoute(registry, {
      tag: "Bulletins",
      method: "post",
      path: `/api/v1/bulletin.${extension}`,
      summary: `Issue the 督查通报 as final and return it as ${name}`,
      description: "Takes the next 期号 of the year (or keeps the one the bulletin of this month and scope already has) and returns the final document. Inspectors and admins (bulletin.issue).",
      request: { query: bulletinQuerySchema },
      errors: [400],
      responses: { 200: { description: `The issued ${name} document.`, ...binaryFile(mediaType) } },
    });
  }
}
