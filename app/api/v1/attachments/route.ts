import { attachmentJson } from "@/lib/attachments/attachment-json";
import { attachmentSchema, listAttachmentsQuerySchema, listAttachmentsResponseSchema } from "@/lib/attachments/api-schemas";
import { attachmentLimits } from "@/lib/attachments/limits";
import { listAttachments } from "@/lib/attachments/list-attachments";
import { uploadAttachment } from "@/lib/attachments/upload-attachment";
import { jsonResponse } from "@/lib/api/json-response";
import { withApiRoute } from "@/lib/auth/api-route";
import { db } from "@/lib/db";
import { objectStore } from "@/lib/storage/create-object-store";

export const dynamic = "force-dynamic";

/** The files of a measure the caller may open (its own, and its reports', milestones' and extension requests'). */
export const GET = withApiRoute("attachment.read", async (request, { user }) => {
  const { measureId } = listAttachmentsQuerySchema.parse(Object.fromEntries(request.nextUrl.searchParams));
  return jsonResponse(listAttachmentsResponseSchema, { items: await listAttachments(db, user, measureId) });
});

/** One file, streamed (multipart: parentType, parentId, then file). */
export const POST = withApiRoute("attachment.write", async (request, { user }) => {
  const attachment = await uploadAttachment(db, objectStore(), user, request, attachmentLimits());
  return jsonResponse(attachmentSchema, attachmentJson(attachment), { status: 201 });
});
