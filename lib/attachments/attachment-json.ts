import { parentOf, type ParentColumns } from "./attachment-parent";

type Row = ParentColumns & {
  id: string;
  originalName: string;
  mimeType: string;
  size: number;
  sha256: string;
  thumbnailKey: string | null;
  createdAt: Date;
  uploadedBy: { displayName: string };
};

/** An attachment as the API and the UI show it (never its storage key). */
export function attachmentJson(row: Row) {
  const { parentType, parentId } = parentOf(row);
  return {
    id: row.id,
    measureId: row.measureId,
    parentType,
    parentId,
    name: row.originalName,
    mimeType: row.mimeType,
    size: row.size,
    sha256: row.sha256,
    hasThumbnail: row.thumbnailKey !== null,
    uploadedBy: row.uploadedBy.displayName,
    createdAt: row.createdAt.toISOString(),
    url: `/api/v1/attachments/${row.id}`,
    thumbnailUrl: row.thumbnailKey ? `/api/v1/attachments/${row.id}/thumbnail` : null,
  };
}

export type AttachmentJson = ReturnType<typeof attachmentJson>;

export const attachmentInclude = { uploadedBy: { select: { displayName: true } } } as const;
