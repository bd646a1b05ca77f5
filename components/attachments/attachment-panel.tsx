import type { AttachmentJson } from "@/lib/attachments/attachment-json";
import type { ParentType } from "@/lib/attachments/attachment-parent";
import { AttachmentList } from "./attachment-list";
import { AttachmentUploader } from "./attachment-uploader";

export type UploadLimits = { fileMb: number; totalMb: number };

/** One parent's files, and when it may change, the uploader and remove buttons. */
export function AttachmentPanel({ files, parentType, parentId, canEdit, limits, title }: {
  files: AttachmentJson[];
  parentType: ParentType;
  /** Null for a report not saved yet: the uploader has the report form save it first. */
  parentId: string | null;
  canEdit: boolean;
  limits: UploadLimits;
  title: string;
}) {
  return (
    <section className="mt-3" data-testid={`attachments-${parentType}`}>
      <h4 className="mb-1 text-sm font-semibold">{title}</h4>
      <AttachmentList files={files} canDelete={canEdit} />
      {canEdit && <AttachmentUploader parentType={parentType} parentId={parentId} limits={limits} />}
    </section>
  );
}
