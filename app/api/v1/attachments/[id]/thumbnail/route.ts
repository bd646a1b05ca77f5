import { attachmentIdParamsSchema } from "@/lib/attachments/api-schemas";
import { fileResponse } from "@/lib/attachments/file-response";
import { openAttachment } from "@/lib/attachments/open-attachment";
import { withApiRoute } from "@/lib/auth/api-route";
import { db } from "@/lib/db";
import { objectStore } from "@/lib/storage/create-object-store";

export const dynamic = "force-dynamic";

/** The ~320px WebP of an image attachment (404 for documents and HEIC). */
export const GET = withApiRoute<{ id: string }>("attachment.read", async (_request, { user, params }) => {
  const { id } = attachmentIdParamsSchema.parse(params);
  const { attachment, body } = await openAttachment(db, objectStore(), user, id, "thumbnail");
  return fileResponse(body, { name: `${attachment.originalName}.webp`, mimeType: "image/webp" }, "inline");
});
