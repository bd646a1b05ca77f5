import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { binaryFile, registerApiRoute } from "@/lib/api/openapi-registry";
import { measureCodeParamsSchema } from "@/lib/measures/api-schemas";
import { attachmentIdParamsSchema, attachmentSchema, evidenceZipQuerySchema, listAttachmentsQuerySchema, listAttachmentsResponseSchema, uploadBodySchema } from "./api-schemas";

export function registerAttachmentPaths(registry: OpenAPIRegistry): void {
  registerApiRoute(registry, {
    tag: "Attachments",
    method: "get",
    path: "/api/v1/attachments",
    summary: "List a measure's files",
    description: "The live files of a measure and of its reports, milestones and extension requests that the caller may open: a draft report's files only for its own unit.",
    request: { query: listAttachmentsQuerySchema },
    responses: { 200: { description: "The files, oldest first.", content: { "application/json": { schema: listAttachmentsResponseSchema } } } },
    errors: [422],
  });
  registerApiRoute(registry, {
    tag: "Attachments",
    method: "post",
    path: "/api/v1/attachments",
    summary: "Attach one file",
    description:
      "Multipart, with `parentType` and `parentId` before `file`; streamed, never held whole. Needs the parent's own right (report.write on one's own unit's DRAFT or RETURNED report, milestone.manage, extension.request on a PENDING request, measure.editOwner). The type is detected from the bytes: JPEG, PNG, WebP, HEIC/HEIF, PDF, docx, xlsx, pptx. Limits: 20 MB a file and 100 MB per parent by default (LUOSHI_ATTACHMENT_MAX_MB, LUOSHI_ATTACHMENT_PARENT_MAX_MB).",
    request: { body: { required: true, content: { "multipart/form-data": { schema: uploadBodySchema } } } },
    responses: { 201: { description: "The attached file.", content: { "application/json": { schema: attachmentSchema } } } },
    errors: [400, 404, 409, 413, 415, 422],
  });
  registerApiRoute(registry, {
    tag: "Attachments",
    method: "get",
    path: "/api/v1/attachments/{id}",
    summary: "Open a file",
    description: "The bytes, with the detected type: inline for images and PDFs, else as a download. Every opening is audited.",
    request: { params: attachmentIdParamsSchema },
    responses: { 200: { description: "The file.", ...binaryFile("application/octet-stream") } },
    errors: [404, 422],
  });
  registerApiRoute(registry, {
    tag: "Attachments",
    method: "get",
    path: "/api/v1/attachments/{id}/thumbnail",
    summary: "A file's thumbnail",
    description: "A WebP of at most 320 px of a JPEG, PNG or WebP image; 404 for other files.",
    request: { params: attachmentIdParamsSchema },
    responses: { 200: { description: "The thumbnail.", ...binaryFile("image/webp") } },
    errors: [404, 422],
  });
  registerApiRoute(registry, {
    tag: "Attachments",
    method: "delete",
    path: "/api/v1/attachments/{id}",
    summary: "Remove a file",
    description: "Only while the parent may change (the same rule as attaching); the file is kept for the history.",
    request: { params: attachmentIdParamsSchema },
    responses: { 204: { description: "Removed.", content: {} as Record<string, never> } },
    errors: [404, 409, 422],
  });
  registerApiRoute(registry, {
    tag: "Attachments",
    method: "get",
    path: "/api/v1/measures/{code}/evidence.zip",
    summary: "Download a measure's evidence as a zip",
    description:
      "Every live file of the measure the caller may open (a draft report's files only for its own unit), streamed as one zip: one folder per report, milestone, extension request and the measure itself, names cleaned and numbered when repeated. Each file is audited as a download.",
    request: { params: measureCodeParamsSchema, query: evidenceZipQuerySchema },
    responses: { 200: { description: "The zip (empty when there are no files).", ...binaryFile("application/zip") } },
    errors: [404, 422],
  });
}
