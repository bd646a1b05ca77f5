/** An API answer: the HTTP status and the JSON body (null when there is none). */
export interface UploadAnswer {
  status: number;
  body: unknown;
}

/**
 * POSTs a form with XMLHttpRequest, which (unlike fetch) reports upload
 * progress. `onUploaded` fires once the last byte is sent, while the server
 * is still working.
 */
export function uploadWithProgress(
  url: string,
  form: FormData,
  { onProgress, onUploaded }: { onProgress: (percent: number) => void; onUploaded: () => void },
): Promise<UploadAnswer> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open("POST", url);
    request.responseType = "json";
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100));
    };
    request.upload.onload = onUploaded;
    request.onload = () => resolve({ status: request.status, body: request.response });
    request.onerror = () => reject(new Error("network"));
    request.send(form);
  });
}
