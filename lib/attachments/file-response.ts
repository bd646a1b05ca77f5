import { Readable } from "node:stream";
import { contentDisposition } from "@/lib/api/content-disposition";
import { ALLOWED_TYPES, isInlineType, type AllowedMimeType } from "./detect-type";

/**
 * A stored file as a response. Images and PDFs open in the browser, others
 * download; the type is the detected one and nosniff keeps the browser to it.
 * A sandbox CSP makes anything the browser renders an opaque origin without
 * scripts. Not on PDFs: the browsers' built-in viewers refuse to run in a
 * sandboxed document (Chrome, Safari), and a PDF's own scripts run inside the
 * viewer, never with the site's rights.
 */
export function fileResponse(body: Readable, file: { name: string; mimeType: string; size?: number }, disposition: "auto" | "inline") {
  const extension = ALLOWED_TYPES[file.mimeType as AllowedMimeType] ?? "bin";
  const inline = disposition === "inline" || isInlineType(file.mimeType);
  const header = contentDisposition(file.name, `attachment.${extension}`);
  return new Response(Readable.toWeb(body) as ReadableStream, {
    headers: {
      "Content-Type": file.mimeType,
      ...(file.size !== undefined ? { "Content-Length": String(file.size) } : {}),
      "Content-Disposition": inline ? header.replace(/^attachment/, "inline") : header,
      "X-Content-Type-Options": "nosniff",
      ...(file.mimeType === "application/pdf" ? {} : { "Content-Security-Policy": "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'" }),
      "Cache-Control": "private, no-store",
    },
  });
}
