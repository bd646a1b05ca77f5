import { NextResponse } from "next/server";
import { db } from "@/lib/db";
import { checkHealth } from "./check-health";

/** The health answer of /api/health and /api/v1/health: 200 when the database answers, else 503. */
export async function healthResponse(): Promise<NextResponse> {
  const health = await checkHealth(db);
  return NextResponse.json(health, {
    status: health.status === "ok" ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}
