"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import type { AttachmentJson } from "@/lib/attachments/attachment-json";

/** A photo at full size in a modal dialog (Escape or the button closes it). */
export function ImageViewer({ file, onClose }: { file: AttachmentJson; onClose: () => void }) {
  const t = useTranslations("attachments");
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  return (
    <dialog
      ref={dialog}
      onClose={onClose}
      aria-label={t("viewer", { name: file.name })}
      data-testid="image-viewer"
      className="m-auto max-h-[95vh] max-w-[95vw] rounded bg-white p-2 backdrop:bg-black/70"
    >
      <div className="mb-2 flex items-center gap-2">
        <span className="min-w-0 flex-1 truncate text-sm">{file.name}</span>
        <a href={file.url} download={file.name} className="rounded border border-slate-300 px-2 py-1 text-sm">
          {t("download")}
        </a>
        <button type="button" onClick={() => dialog.current?.close()} className="rounded border border-slate-300 px-2 py-1 text-sm">
          {t("close")}
        </button>
      </div>
      <img src={file.url} alt={file.name} className="max-h-[85vh] max-w-full object-contain" />
    </dialog>
  );
}
