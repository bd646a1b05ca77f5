import { NextResponse } from "next/server";
import type { z } from "zod";

/**
 * A JSON response that went through its documented schema, so the API answers
 * exactly as the OpenAPI document says (a mismatch is a 500, not a silent drift).
 */
export function jsonResponse<T extends z.ZodType>(schema: T, body: z.input<T>, init?: ResponseInit): NextResponse {
  const parsed = schema.safeParse(body);
  // Not a ZodError: that would read as the caller's bad input (422).
  if (!parsed.success) throw new Error(`API response does not match its schema: ${parsed.error.message}`);
  return NextResponse.json(parsed.data, { ...init, headers: { "Cache-Control": "no-store", ...init?.headers } });
}
