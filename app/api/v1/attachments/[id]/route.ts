import { NextResponse } from "next/server";
import { attachmentIdParamsSchema } from "@/lib/attachments/api-schemas";
import { deleteAttachment } from "@/lib/attachments/delete-attachment";
import { fileResponse } from "@/lib/attachments/file-response";
import { openAttachment } from "@/lib/attachments/open-attachment";
import { withApiRoute } from "@/lib/auth/api-route";
import { db } from "@/lib/db";
import { objectStore } from "@/lib/storage/create-object-store";

export const dynamic = "force-dynamic";

/** The file itself (audited): inline for images and PDFs, else a download. */
export const GET = withApiRoute<{ id: string }>("attachment.read", async (_request, { user, params }) => {
  const { id } = attachmentIdParamsSchema.parse(params);
  const { attachment, body } = await openAttachment(db, objectStore(), user, id, "original");
  return fileResponse(body, { name: attachment.originalName, mimeType: attachment.mimeType, size: attachment.size }, "auto");
});

/** Removes the file from its parent (kept for the history) while the parent may change. */
export const DELETE = withApiRoute<{ id: string }>("attachment.write", async (_request, { user, params }) => {
  const { id } = attachmentIdParamsSchema.parse(params);
  await deleteAttachment(db, user, id);
  return new NextResponse(null, { status: 204 });
});
