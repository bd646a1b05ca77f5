import type { NextRequest } from "next/server";
import { AppError, fieldError } from "@/lib/errors/app-error";

/** The largest JSON body the API reads (a report's texts are a few tens of KB). */
export const API_MAX_JSON_BYTES = 1024 * 1024;

const tooLarge = () => new AppError("PAYLOAD_TOO_LARGE", {}, { form: { key: "bodyTooLarge", values: { maxKb: API_MAX_JSON_BYTES / 1024 } } });
const invalidJson = () => fieldError("form", "invalidJson");

/**
 * The request's JSON body. A body over the limit is refused with 413, from its
 * Content-Length before it is read, or as soon as more than the limit has
 * arrived (a chunked body has no length); a body that is not UTF-8 JSON is the
 * caller's error (422), not ours, and a string with a lone surrogate is a bad
 * request (400) naming its field.
 */
export async function readJsonBody(request: NextRequest): Promise<unknown> {
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > API_MAX_JSON_BYTES) throw tooLarge();
  if (!request.body) throw invalidJson();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    let result: ReadableStreamReadResult<Uint8Array>;
    try {
      result = await reader.read();
    } catch {
      throw invalidJson();
    }
    if (result.done) break;
    size += result.value.byteLength;
    if (size > API_MAX_JSON_BYTES) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(result.value);
  }
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks)));
  } catch {
    throw invalidJson();
  }
  const broken = loneSurrogateAt(value, []);
  // "\ud800" is valid JSON but not Unicode text: no field could store or look it up.
  if (broken) throw new AppError("BAD_REQUEST", {}, { [broken[0] ?? "form"]: { key: "forbiddenCharacters" } });
  return value;
}

const LONE_SURROGATE = /\p{Cs}/u;

/** The path of the first string (key or value) holding half a surrogate pair, if any. */
function loneSurrogateAt(value: unknown, path: string[]): string[] | null {
  if (typeof value === "string") return LONE_SURROGATE.test(value) ? path : null;
  if (typeof value !== "object" || value === null) return null;
  for (const [key, item] of Object.entries(value)) {
    if (LONE_SURROGATE.test(key)) return [...path, "form"];
    const found = loneSurrogateAt(item, [...path, key]);
    if (found) return found;
  }
  return null;
}
