import type { NextRequest } from "next/server";
import { fieldError } from "@/lib/errors/app-error";

/** The request's JSON body; a body that is not JSON is the caller's error (422), not ours. */
export async function readJsonBody(request: NextRequest): Promise<unknown> {
  try {
    return await request.json();
  } catch {
    throw fieldError("form", "invalidJson");
  }
}
