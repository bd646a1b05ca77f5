import { fieldError } from "@/lib/errors/app-error";
import { IMPORT_MAX_BYTES } from "./import-limits";
import { tooLarge } from "@/lib/xlsx/load-bounded-workbook";

// Room for the multipart boundaries and the other form fields around the file.
const MULTIPART_OVERHEAD = 64 * 1024;

/**
 * The uploaded file of a multipart request (field "file") and its other
 * fields. A body over the size limit is refused from its Content-Length,
 * before it is read.
 */
export async function readImportUpload(request: Request): Promise<{ bytes: Uint8Array; fields: Record<string, string> }> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > IMPORT_MAX_BYTES + MULTIPART_OVERHEAD) throw tooLarge();
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw fieldError("file", "importNoFile");
  }
  const file = form.get("file");
  if (!(file instanceof Blob)) throw fieldError("file", "importNoFile");
  if (file.size > IMPORT_MAX_BYTES) throw tooLarge();
  const fields: Record<string, string> = {};
  for (const [name, value] of form.entries()) if (typeof value === "string") fields[name] = value;
  return { bytes: new Uint8Array(await file.arrayBuffer()), fields };
}
