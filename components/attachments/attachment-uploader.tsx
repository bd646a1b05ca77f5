"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { useSaveDraft } from "@/components/measure/report-draft-scope";
import type { ParentType } from "@/lib/attachments/attachment-parent";

type Upload = { id: number; name: string; loaded: number; total: number; xhr: XMLHttpRequest | null; error: string | null };

let nextId = 1;

/**
 * Picks or takes dropped files and uploads each in its own request, with a
 * progress bar and a cancel button per file (XMLHttpRequest: fetch reports no
 * upload progress). Refusals are shown translated, per file. Without a
 * parent yet (a report never saved), the report form beside it saves the draft
 * first and the files go to that draft; a refused form uploads nothing.
 */
export function AttachmentUploader({ parentType, parentId, limits }: { parentType: ParentType; parentId: string | null; limits: { fileMb: number; totalMb: number } }) {
  const t = useTranslations("attachments");
  const tDraft = useTranslations("catalogueUnits");
  const saveDraft = useSaveDraft();
  const tErrors = useTranslations("errors");
  const tFields = useTranslations("fieldErrors");
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [dragging, setDragging] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [refused, setRefused] = useState(false);

  const update = (id: number, change: Partial<Upload>) => setUploads((all) => all.map((upload) => (upload.id === id ? { ...upload, ...change } : upload)));
  const drop = (id: number) => setUploads((all) => all.filter((upload) => upload.id !== id));

  const errorText = (status: number, body: string): string => {
    try {
      const error = JSON.parse(body).error as { code: string; fieldErrors?: Record<string, { key: string; values?: Record<string, string | number> }> };
      const field = error.fieldErrors?.file;
      if (field && tFields.has(field.key)) return tFields(field.key, field.values);
      return tErrors.has(error.code) ? tErrors(error.code) : tErrors("INTERNAL");
    } catch {
      return status === 413 ? tFields("attachmentTooLarge", { maxMb: limits.fileMb }) : tErrors("INTERNAL");
    }
  };

  const start = (file: File, parentId: string) => {
    const id = nextId++;
    const xhr = new XMLHttpRequest();
    setUploads((all) => [...all, { id, name: file.name, loaded: 0, total: file.size, xhr, error: null }]);
    xhr.upload.onprogress = (event) => update(id, { loaded: event.loaded, total: event.total || file.size });
    xhr.onload = () => {
      if (xhr.status === 201) {
        drop(id);
        setDone(t("uploaded", { name: file.name }));
        router.refresh();
      } else {
        update(id, { xhr: null, error: errorText(xhr.status, xhr.responseText) });
      }
    };
    xhr.onerror = () => update(id, { xhr: null, error: t("networkError") });
    xhr.onabort = () => update(id, { xhr: null, error: t("cancelled") });
    const form = new FormData();
    // The fields before the file: the server checks the parent before it stores a byte.
    form.append("parentType", parentType);
    form.append("parentId", parentId);
    form.append("file", file, file.name);
    xhr.open("POST", "/api/v1/attachments");
    xhr.send(form);
  };

  const startAll = async (files: FileList | null) => {
    const picked = Array.from(files ?? []);
    if (input.current) input.current.value = "";
    setDone(null);
    setRefused(false);
    if (picked.length === 0) return;
    let target = parentId;
    if (!target && saveDraft) {
      setSaving(true);
      target = await saveDraft();
      setSaving(false);
      if (!target) return setRefused(true);
    }
    if (!target) return;
    for (const file of picked) start(file, target);
  };

  return (
    <div className="mt-2" data-testid="attachment-uploader">
      <label
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(event) => {
          event.preventDefault();
          setDragging(false);
          startAll(event.dataTransfer.files);
        }}
        className={`flex cursor-pointer flex-col items-center rounded border-2 border-dashed px-3 py-4 text-sm ${dragging ? "border-red-800 bg-red-50" : "border-slate-300"}`}
      >
        <span className="font-medium">{t("dropHere")}</span>
        <span className="text-xs text-slate-500">{t("limits", { fileMb: limits.fileMb, totalMb: limits.totalMb })}</span>
        <input
          ref={input}
          type="file"
          multiple
          accept="image/jpeg,image/png,image/webp,image/heic,image/heif,.heic,.heif,application/pdf,.pdf,.docx,.xlsx,.pptx"
          aria-label={t("add")}
          onChange={(event) => startAll(event.target.files)}
          className="sr-only"
        />
      </label>
      {saving && (
        <p role="status" className="mt-2 text-sm text-slate-600">
          {tDraft("savingDraft")}
        </p>
      )}
      {refused && (
        <p role="alert" className="mt-2 text-sm text-red-800">
          {tDraft("draftNotSaved")}
        </p>
      )}
      {uploads.length > 0 && (
        <ul className="mt-2 flex flex-col gap-2">
          {uploads.map((upload) => (
            <li key={upload.id} className="text-sm" data-testid="upload-progress">
              {upload.error ? (
                <p role="alert" className="flex items-center gap-2 text-red-800">
                  <span className="flex-1">{t("failed", { name: upload.name, message: upload.error })}</span>
                  <button type="button" onClick={() => drop(upload.id)} className="rounded border border-slate-300 px-2 py-0.5 text-xs text-slate-700">
                    {t("close")}
                  </button>
                </p>
              ) : (
                <div className="flex items-center gap-2">
                  <span className="min-w-0 flex-1 truncate">{t("uploading", { name: upload.name })}</span>
                  <progress value={upload.loaded} max={upload.total || 1} className="w-32" />
                  <button type="button" onClick={() => upload.xhr?.abort()} className="rounded border border-slate-300 px-2 py-0.5 text-xs">
                    {t("cancel")}
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {done && (
        <p role="status" className="mt-2 text-sm text-emerald-800">
          {done}
        </p>
      )}
    </div>
  );
}
