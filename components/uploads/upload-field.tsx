"use client";

import type { UploadBusy } from "./use-upload";

const XLSX_ACCEPT = ".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** The .xlsx file picker of an upload form (task-list import, report collection). */
export function XlsxFileField({ label, disabled, onChange }: { label: string; disabled: boolean; onChange: (file: File | null) => void }) {
  return (
    <label className="flex flex-col gap-1 text-sm">
      {label}
      <input type="file" name="file" accept={XLSX_ACCEPT} disabled={disabled} onChange={(event) => onChange(event.target.files?.[0] ?? null)} />
    </label>
  );
}

/** Where the upload is, announced: the percent sent with a bar, then the server's work. Nothing when idle. */
export function UploadProgress({ busy, uploading, processing, testId }: {
  busy: UploadBusy;
  uploading: (percent: number) => string;
  processing: string;
  testId?: string;
}) {
  if (!busy) return null;
  return (
    <div role="status" aria-live="polite" className="flex flex-col gap-1 text-sm" data-testid={testId}>
      {busy.step === "uploading" ? uploading(busy.percent) : processing}
      {busy.step === "uploading" && <progress max={100} value={busy.percent} className="w-64" />}
    </div>
  );
}
