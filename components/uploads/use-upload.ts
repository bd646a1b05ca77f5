"use client";

import { useState } from "react";
import { type UploadAnswer, uploadWithProgress } from "./upload-with-progress";

/** Where an upload is: sending (with its percent), or sent and the server at work. */
export type UploadBusy = { step: "uploading"; percent: number } | { step: "processing" } | null;

/**
 * Sends a form with upload progress and keeps where it is for `UploadProgress`.
 * `busy` is null again once the answer (or a network error) is in.
 */
export function useUpload() {
  const [busy, setBusy] = useState<UploadBusy>(null);
  const send = async (url: string, form: FormData): Promise<UploadAnswer> => {
    setBusy({ step: "uploading", percent: 0 });
    try {
      return await uploadWithProgress(url, form, {
        onProgress: (percent) => setBusy({ step: "uploading", percent }),
        onUploaded: () => setBusy({ step: "processing" }),
      });
    } finally {
      setBusy(null);
    }
  };
  return { busy, send };
}
