"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { AttachmentJson } from "@/lib/attachments/attachment-json";
import { ImageViewer } from "./image-viewer";

/**
 * Files as a list: an image's thumbnail opens it in a viewer, a PDF opens in a
 * new tab, anything else downloads. With `canDelete`, each has a remove button.
 */
export function AttachmentList({ files, canDelete = false }: { files: AttachmentJson[]; canDelete?: boolean }) {
  const t = useTranslations("attachments");
  const tErrors = useTranslations("errors");
  const format = useFormatter();
  const router = useRouter();
  const [viewing, setViewing] = useState<AttachmentJson | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  if (files.length === 0) return <p className="text-sm text-slate-500">{t("empty")}</p>;

  const remove = async (file: AttachmentJson) => {
    if (!window.confirm(t("deleteConfirm", { name: file.name }))) return;
    const response = await fetch(file.url, { method: "DELETE" });
    if (response.ok) {
      setMessage(t("deleted", { name: file.name }));
      router.refresh();
    } else {
      const code = (await response.json().catch(() => null))?.error?.code ?? "INTERNAL";
      setMessage(t("failed", { name: file.name, message: tErrors.has(code) ? tErrors(code) : tErrors("INTERNAL") }));
    }
  };

  return (
    <>
      <ul className="flex flex-col gap-2" data-testid="attachment-list">
        {files.map((file) => (
          <li key={file.id} className="flex items-center gap-3 text-sm" data-attachment-type={file.mimeType}>
            {file.thumbnailUrl ? (
              <button type="button" onClick={() => setViewing(file)} aria-label={t("open", { name: file.name })} className="shrink-0">
                <img src={file.thumbnailUrl} alt="" width={64} height={64} className="h-16 w-16 rounded border border-slate-200 object-cover" />
              </button>
            ) : (
              <span aria-hidden className="flex h-16 w-16 shrink-0 items-center justify-center rounded border border-slate-200 bg-slate-50 text-xs uppercase text-slate-500">
                {file.name.split(".").pop()?.slice(0, 4)}
              </span>
            )}
            <span className="min-w-0 flex-1">
              {file.mimeType === "application/pdf" ? (
                <a href={file.url} target="_blank" rel="noopener" className="break-all text-red-900 underline">
                  {file.name}
                </a>
              ) : file.thumbnailUrl ? (
                <button type="button" onClick={() => setViewing(file)} className="break-all text-left text-red-900 underline">
                  {file.name}
                </button>
              ) : (
                <a href={file.url} download={file.name} className="break-all text-red-900 underline">
                  {file.name}
                </a>
              )}
              <span className="block text-xs text-slate-500">
                {formatSize(file.size)} · {t("uploadedBy", { name: file.uploadedBy, date: format.dateTime(new Date(file.createdAt), { dateStyle: "medium" }) })}
              </span>
            </span>
            {canDelete && (
              <button type="button" onClick={() => remove(file)} className="rounded border border-slate-300 px-2 py-1 text-xs hover:bg-slate-100">
                {t("delete")}
              </button>
            )}
          </li>
        ))}
      </ul>
      {message && (
        <p role="status" className="mt-2 text-sm text-slate-600">
          {message}
        </p>
      )}
      {viewing && <ImageViewer file={viewing} onClose={() => setViewing(null)} />}
    </>
  );
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
